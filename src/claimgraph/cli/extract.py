"""`claimgraph extract SOURCE...`: the whole extraction without a store; the claims table printer."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from claimgraph.cli.common import (
    JsonOption,
    err,
    out,
    settings,
)
from claimgraph.errors import IngestError
from claimgraph.ingest.sources import ReadOptions, expand


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)


def extract(
    sources: Annotated[
        list[str], typer.Argument(help="Anything `ingest` takes (files, dirs, URLs, JSONL, -).")
    ],
    json_out: JsonOption = False,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow private addresses for URLs.")
    ] = False,
) -> None:
    """Run the whole extraction without storing: one JSON object per input document (JSON Lines).

    Example: claimgraph extract ../shared/seed/iran-drone-factories-2023-08-02.txt --json

    Each object: {"id", "title", "published", "text", "entities", "places", "times", "claims"};
    offsets point into "text". A JSONL input line may carry "id" (kept) and "published".
    """
    from claimgraph.extraction import extract_article

    cfg = settings()
    opts = ReadOptions(
        max_bytes=cfg.max_bytes,
        allow_private=allow_private or cfg.allow_private,
        timeout=cfg.fetch_timeout,
        max_redirects=cfg.fetch_max_redirects,
    )
    failed = 0
    for item in expand(sources, opts):
        if isinstance(item, IngestError):
            failed += 1
            err.print(f"[red]failed[/red] {escape(item.source)}: {escape(item.reason)}")
            continue
        try:
            for art in item.read():
                if isinstance(art, IngestError):
                    failed += 1
                    err.print(f"[red]failed[/red] {escape(art.source)}: {escape(art.reason)}")
                    continue
                try:
                    ex = extract_article(art, doc_id=art.extra.get("id") or art.source)
                except Exception as exc:  # a crash in one line of a JSONL file loses only it
                    failed += 1
                    err.print(
                        f"[red]failed[/red] {escape(art.source)}: "
                        f"{type(exc).__name__}: {escape(str(exc))}"
                    )
                    continue
                if json_out:
                    sys.stdout.write(json.dumps(ex.to_dict(), ensure_ascii=False) + "\n")
                    sys.stdout.flush()
                else:
                    print_claims([c.to_dict() for c in ex.claims], title=ex.title or art.source)
                if ex.skipped:
                    err.print(
                        f"[yellow]skipped[/yellow] {escape(art.source)}: {escape(ex.skipped)}"
                    )
        except IngestError as exc:
            failed += 1
            err.print(f"[red]failed[/red] {escape(exc.source)}: {escape(exc.reason)}")
        except Exception as exc:  # one crash must not lose the other documents
            failed += 1
            err.print(
                f"[red]failed[/red] {escape(item.label)}: {type(exc).__name__}: {escape(str(exc))}"
            )
    if failed:
        raise typer.Exit(1)


def _name(role: dict | None) -> str:
    if not role:
        return ""
    return role.get("name") or role.get("text") or ""


def print_claims(rows: list[dict], title: str | None = None) -> None:
    table = Table(
        "art",
        "event",
        "agent → recipient / object",
        "place",
        "time",
        "source",
        "modality",
        box=None,
        title=escape(title) if title else None,
        show_lines=False,
    )
    for c in rows:
        target = _name(c.get("recipient"))
        obj = (c.get("object") or {}).get("text") or ""
        arrow = f"{_name(c.get('agent')) or '—'} → {target + ' / ' if target else ''}{obj}"
        if c.get("quantity"):
            q = c["quantity"]
            arrow += f" {q['relation']} {q['value']} {q.get('unit') or ''}".rstrip()
        if c.get("assisted_by"):
            arrow += f" (helped by {_name(c['assisted_by'])})"
        if c.get("polarity") == "negative":
            arrow = "NOT " + arrow
        loc = c.get("location") or {}
        place = loc.get("name") or loc.get("mention") or ""
        if loc.get("country") and place:
            place += f", {loc['country']}"
        time = (c.get("time") or {}).get("value") or ""
        src = c.get("source") or {}
        table.add_row(
            str(c.get("article_id", "")),
            c["event"],
            escape(arrow),
            escape(place),
            time,
            escape(src.get("name") or ""),
            c["modality"],
        )
    out.print(table)
    out.print(f"{len(rows)} claim(s)")
