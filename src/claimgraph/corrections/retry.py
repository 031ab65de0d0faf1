"""Finish what an interrupted `accept` left: re-extract articles whose accepted correction's
revision was stored but never extracted.

`desk.accept` commits the new revision and the report's "accepted" state in one transaction;
re-extraction (spaCy, seconds) runs after it, in its own transaction. A crash in between leaves
the article at the new revision with the old revision's claims still current. `finish_accepted`
finds every such article (`desk.unfinished_accepts`) and extracts it; it is idempotent, so it
can run at any time and a second run does nothing (`claimgraph corrections retry`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from claimgraph.corrections import desk
from claimgraph.pipeline import Failure, extract_stored
from claimgraph.store.db import Store


@dataclass(frozen=True)
class Finished:
    """One article brought up to date (error: why its extraction failed; it stays pending)."""

    article_id: int
    revision: int
    reports: list[int]
    error: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "revision": self.revision,
            "reports": self.reports,
            "error": self.error,
        }


def finish_accepted(
    store: Store, *, extract: Callable[[Store, int], Failure | None] = extract_stored
) -> list[Finished]:
    """Re-extract every article an accepted report revised whose current revision has no
    extraction yet; one failure does not stop the others."""
    with store.session() as s:
        pending = desk.unfinished_accepts(session=s)
    done: list[Finished] = []
    for article_id, revision, report_ids in pending:
        try:
            failure = extract(store, article_id)
            error = failure.message if failure is not None else None
        except Exception as exc:  # one article's fault must not leave the rest undone
            error = f"{type(exc).__name__}: {exc}"
        done.append(Finished(article_id, revision, report_ids, error))
    return done
