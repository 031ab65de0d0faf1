"""The corrections desk: submit a report, then accept (new revision), reject or mark duplicate.

Reports anchor to the revision the reader saw; when the article has moved on, the quote is
re-anchored in the current text, and a quote that is gone leaves the report `orphaned` — kept,
never lost. Accepting writes a new revision (old ones stay) and returns its number; the caller
re-runs extraction (`claimgraph.pipeline.extract_stored`).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from claimgraph.corrections.anchor import Anchor, find_quote, locate, make_anchor
from claimgraph.errors import ClaimgraphError
from claimgraph.store import repo
from claimgraph.store import repo_corrections as reports
from claimgraph.store.models import ArticleRow, ExtractionRow, ReportRow, SourceRow

MAX_QUOTE = 2_000
MAX_COMMENT = 5_000


class ReportError(ClaimgraphError):
    """A report or an editor action that cannot be taken; `field` names what is wrong."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


class ReportConflict(ReportError):
    """The report was handled by someone else meanwhile (two editors at once): the web answers
    409 with this message instead of a second "done"."""


def fingerprint(*parts: str, secret: str) -> str:
    """A salted hash of who reported (address, user agent): enough to merge and rate-limit,
    never reversible to the address."""
    return hmac.new(secret.encode(), "\x1f".join(parts).encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Submitted:
    report: dict[str, Any]
    merged: bool  # True when it joined an open report on the same span


def _check_text(name: str, value: str | None, most: int) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > most:
        raise ReportError(name, f"longer than {most} characters")
    return value or None


def utf16_index(text: str, units: int) -> int | None:
    """The character (code point) index `units` UTF-16 code units into `text` - JavaScript's
    string offsets - or None when that falls inside a surrogate pair or past the end."""
    count = 0
    for i, ch in enumerate(text):
        if count >= units:
            return i if count == units else None
        count += 2 if ord(ch) > 0xFFFF else 1
    return len(text) if count == units else None


def code_point_span(text: str, start: int, end: int, exact: str | None) -> tuple[int, int]:
    """The offsets as code points. A browser counts UTF-16 units, which run ahead of code
    points after each emoji or other astral character; when the quote sent along matches the
    text only at the UTF-16 reading, that reading is the one meant."""
    if exact is None or text[start:end] == exact:
        return start, end
    s16, e16 = utf16_index(text, start), utf16_index(text, end)
    if s16 is not None and e16 is not None and text[s16:e16] == exact:
        return s16, e16
    return start, end


def merged_comment(old: str | None, new: str | None) -> str | None:
    """Another reader's comment joins the report's, up to MAX_COMMENT characters in all: past
    that, further comments only count as reports (a flood cannot grow one row without bound)."""
    if not new or new in (old or ""):
        return old
    if not old:
        return new
    joined = f"{old}\n---\n{new}"
    return joined if len(joined) <= MAX_COMMENT else old


def submit(
    *,
    session: Session,
    fingerprint_: str,
    article_id: int | None = None,
    revision: int | None = None,
    start: int | None = None,
    end: int | None = None,
    exact: str | None = None,
    prefix: str = "",
    suffix: str = "",
    comment: str | None = None,
    suggestion: str | None = None,
    site: str | None = None,
    page_url: str | None = None,
) -> Submitted:
    """Store a report. On our own articles the quote is taken from the stored revision text
    (the client only says where); from a third-party page the client's quote is kept as given."""
    comment = _check_text("comment", comment, MAX_COMMENT)
    suggestion = _check_text("suggestion", suggestion, MAX_QUOTE)
    if article_id is not None:
        art = repo.get_article(session=session, article_id=article_id, revision=revision)
        if start is None or end is None:
            raise ReportError("start", "a report on an article needs start and end offsets")
        start, end = code_point_span(art["text"], start, end, exact)
        try:
            anchor = make_anchor(art["text"], start, end)
        except ValueError as exc:
            raise ReportError("start", str(exc)) from exc
        if exact is not None and exact != anchor.exact:
            raise ReportError("exact", "the quote does not match the article text at those offsets")
        if not anchor.exact.strip():
            raise ReportError("start", "the selection is only white space; select the words")
        revision = art["text_revision"]
    else:
        exact = (exact or "").strip()
        if not exact:
            raise ReportError("exact", "the selected text is empty")
        anchor = Anchor(exact, prefix[-64:], suffix[:64], start or 0, (start or 0) + len(exact))
    if len(anchor.exact) > MAX_QUOTE:
        raise ReportError("exact", f"selection longer than {MAX_QUOTE} characters")
    same = reports.find_open_report(
        session=session,
        article_id=article_id,
        exact=anchor.exact,
        start=anchor.start if article_id is not None else None,
        page_url=page_url,
    )
    if same is not None:
        same.reports += 1
        same.comment = merged_comment(same.comment, comment)
        same.suggestion = same.suggestion or suggestion
        session.flush()
        return Submitted(reports.report_dict(same), True)
    row = reports.add_report(
        session=session,
        article_id=article_id,
        revision=revision,
        exact=anchor.exact,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        start=anchor.start if article_id else start,
        end=anchor.end if article_id else end,
        comment=comment,
        suggestion=suggestion,
        status="open",
        reports=1,
        fingerprint=fingerprint_,
        site=site,
        page_url=page_url,
    )
    return Submitted(reports.report_dict(row), False)


def article_for_url(*, session: Session, page_url: str) -> int | None:
    """The stored article published at `page_url` (its own URL or an ingested copy's), if any.

    Compared without the #fragment and with or without a trailing slash, as pages link both."""
    base = page_url.split("#", 1)[0]
    variants = list(dict.fromkeys([base, base.rstrip("/"), base.rstrip("/") + "/"]))
    found = session.scalar(
        select(ArticleRow.id).where(ArticleRow.url.in_(variants)).order_by(ArticleRow.id).limit(1)
    )
    if found is None:
        found = session.scalar(
            select(SourceRow.article_id)
            .where(SourceRow.url.in_(variants))
            .order_by(SourceRow.id)
            .limit(1)
        )
    return found


def submit_from_page(
    *,
    session: Session,
    fingerprint_: str,
    site: str,
    page_url: str,
    exact: str,
    prefix: str = "",
    suffix: str = "",
    comment: str | None = None,
    suggestion: str | None = None,
) -> Submitted:
    """A report from the embeddable widget on a partner's page.

    When the page is a stored article and the quote is found in its current text, the report is
    anchored there (offsets from our text, so an editor can accept it as a new revision);
    otherwise it is kept against the page URL alone, with the reader's quote and context.
    """
    exact = (exact or "").strip()
    if not exact:
        raise ReportError("exact", "the selected text is empty")
    if len(exact) > MAX_QUOTE:
        raise ReportError("exact", f"selection longer than {MAX_QUOTE} characters")
    article_id = article_for_url(session=session, page_url=page_url)
    if article_id is not None:
        art = repo.get_article(session=session, article_id=article_id)
        where = find_quote(art["text"], exact, prefix, suffix)
        if where is not None:
            return submit(
                session=session,
                fingerprint_=fingerprint_,
                article_id=article_id,
                revision=art["text_revision"],
                start=where[0],
                end=where[1],
                comment=comment,
                suggestion=suggestion,
                site=site,
                page_url=page_url,
            )
    return submit(
        session=session,
        fingerprint_=fingerprint_,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        comment=comment,
        suggestion=suggestion,
        site=site,
        page_url=page_url,
    )


def _clip(text: str, most: int = 60) -> str:
    """One line, at most `most` characters, cut at a word boundary."""
    one = " ".join(text.split())
    if len(one) <= most:
        return one
    cut = one[: most - 1].rsplit(" ", 1)[0] or one[: most - 1]
    return cut + "…"


def revision_reason(report_id: int, editor: str, exact: str, fix: str) -> str:
    """What a reader sees in the revision history: which report, who accepted it, what changed."""
    return f"correction #{report_id} by {editor}: “{_clip(exact)}” → “{_clip(fix)}”"


def _take(session: Session, report_id: int) -> ReportRow:
    """The report, locked for this transaction, and only while it is open.

    The no-op UPDATE comes first in the transaction: it takes the row lock (PostgreSQL) or the
    write lock (SQLite) before the status is read, so two editors acting on one report at once
    take turns and the second is told the report is already handled (never a 500, never two
    "done"s)."""
    session.execute(
        update(ReportRow).where(ReportRow.id == report_id).values(status=ReportRow.status)
    )
    row = reports.get_report(session=session, report_id=report_id)
    session.refresh(row)
    if row.status != "open":
        raise ReportConflict(
            "status",
            f"report {report_id} is {row.status}, not open (already handled by {row.handled_by})",
        )
    return row


def accept(*, session: Session, report_id: int, editor: str, replacement: str | None = None) -> int:
    """Apply the fix as a new revision of the article; returns the new revision number.

    The replacement is the editor's text, else the reader's suggestion. A quote that can no
    longer be found marks the report `orphaned` and raises.
    """
    row = _take(session, report_id)
    if row.article_id is None:
        raise ReportError(
            "article_id", "a report from another site has no stored article to revise"
        )
    fix = replacement if replacement is not None else row.suggestion
    if fix is None:
        raise ReportError("replacement", "give the corrected text (the reader suggested none)")
    art = repo.get_article(session=session, article_id=row.article_id)
    where = locate(
        Anchor(row.exact, row.prefix, row.suffix, row.start or 0, row.end or 0), art["text"]
    )
    if where is None:
        reports.close_report(
            session=session,
            row=row,
            status="orphaned",
            by=editor,
            reason="the quoted text is no longer in the current revision",
        )
        raise ReportError(
            "exact", f"report {report_id} is orphaned: its quote is gone from the article"
        )
    s, e = where
    new_text = art["text"][:s] + fix + art["text"][e:]
    rev = repo.add_revision(
        session=session,
        article_id=row.article_id,
        text_=new_text,
        reason=revision_reason(report_id, editor, row.exact, fix),
    )
    reports.close_report(
        session=session, row=row, status="accepted", by=editor, new_revision=rev.number
    )
    return rev.number


def reject(*, session: Session, report_id: int, editor: str, reason: str) -> None:
    row = _take(session, report_id)
    if not reason.strip():
        raise ReportError("reason", "say why the report is rejected")
    reports.close_report(
        session=session, row=row, status="rejected", by=editor, reason=reason.strip()
    )


def mark_duplicate(*, session: Session, report_id: int, of: int, editor: str) -> None:
    row = _take(session, report_id)
    target = reports.get_report(session=session, report_id=of)
    if target.id == row.id:
        raise ReportError("of", "a report cannot duplicate itself")
    target.reports += row.reports
    reports.close_report(
        session=session, row=row, status="duplicate", by=editor, duplicate_of=target.id
    )


def unfinished_accepts(*, session: Session) -> list[tuple[int, int, list[int]]]:
    """(article id, current revision, accepted report ids) for every article an accepted report
    revised whose current revision was never extracted: what a crash (kill -9, power loss)
    between `accept`'s commit and the re-extraction leaves behind. Accepting commits the
    revision and the report's state together, so this is the only half-done state there is."""
    rows = session.execute(
        select(ReportRow.article_id, ArticleRow.current_revision, ReportRow.id)
        .join(ArticleRow, ArticleRow.id == ReportRow.article_id)
        .where(
            ReportRow.status == "accepted",
            ~select(ExtractionRow.id)
            .where(
                ExtractionRow.article_id == ArticleRow.id,
                ExtractionRow.revision == ArticleRow.current_revision,
            )
            .exists(),
        )
        .order_by(ReportRow.article_id, ReportRow.id)
    ).all()
    out: dict[int, tuple[int, list[int]]] = {}
    for article_id, revision, report_id in rows:
        if article_id is not None:  # the join already excludes page reports; for the checker
            out.setdefault(article_id, (revision, []))[1].append(report_id)
    return [(aid, rev, ids) for aid, (rev, ids) in out.items()]
