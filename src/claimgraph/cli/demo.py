"""`claimgraph demo`: the main job on the seed article, end to end."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from claimgraph.cli.common import DbOption, err, fail, out, store_for
from claimgraph.cli.extract import print_claims
from claimgraph.pipeline import Failure, ingest_sources
from claimgraph.store import repo
from claimgraph.store.search import search

SEED_DIRS = ("../shared/seed", "shared/seed", "/work/shared/seed")


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


def find_seed() -> Path | None:
    for d in SEED_DIRS:
        files = sorted(Path(d).glob("*.txt"))
        if files:
            return files[0]
    return None


def demo(
    seed: Annotated[
        Path | None, typer.Argument(help="Article to run on (default: ../shared/seed/*.txt).")
    ] = None,
    db: DbOption = None,
    serve_after: Annotated[
        bool, typer.Option("--serve", help="Then serve the workbench on 127.0.0.1 (Ctrl+C stops).")
    ] = False,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port for --serve.")] = 8000,
) -> None:
    """Ingest the seed article, extract its claims and print what the store now holds.

    Example: claimgraph demo --db /tmp/demo.db --serve
    """
    path = seed or find_seed()
    if path is None or not path.exists():
        fail("no seed article found: pass a path, e.g. claimgraph demo ../shared/seed/FILE.txt")
    store = store_for(db)
    article_id = None
    for res in ingest_sources([str(path)], store, extract=True):
        if isinstance(res, Failure):
            fail(res.message)
        err.print(f"{res.status}: {escape(res.message)}")
        article_id = res.article_id
    with store.session() as s:
        art = repo.get_article(session=s, article_id=article_id)
        total = repo.count_articles(session=s)
        hits = search(session=s, query="drone factory", limit=3)
    out.print(f"[bold]store[/bold]: {total} article(s) in {escape(str(store.engine.url))}")
    out.print(f"[bold]article {art['id']}[/bold]: {escape(art['title'] or '(untitled)')}")
    out.print(
        f"  published {art['published']}  language {art['language']}  revision {art['revision']}"
    )
    paras = art["text"].split("\n\n")
    out.print(f"  {len(paras)} paragraphs, {len(art['text'].split())} words; first and last:")
    out.print(f"  | {escape(paras[0])}")
    out.print(f"  | {escape(paras[-1])}")
    out.print('[bold]search "drone factory"[/bold]:')
    for h in hits:
        out.print(f"  {h.id}: {escape(h.snippet)}")
    with store.session() as s:
        rows = repo.list_claims(session=s, article_id=article_id)
    out.print(
        f"[bold]claims[/bold] ({len(rows)}): event, agent → recipient / object, place, time, source, modality"
    )
    print_claims(rows)
    db_arg = f" --db {db}" if db else ""
    base = f"http://127.0.0.1:{port}"
    out.print(
        f"[bold]workbench[/bold]: {base}/articles/{article_id} (the reader), {base}/map, "
        f"{base}/timeline, {base}/graph",
        highlight=False,
    )
    store.close()
    if serve_after:
        from claimgraph.cli.serve import serve

        serve(db=db, host="127.0.0.1", port=port, public=False)
    else:
        out.print(f"  open them after: claimgraph serve{db_arg} --port {port}", highlight=False)
