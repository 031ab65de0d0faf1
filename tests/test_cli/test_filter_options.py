"""cli/common.filter_options: one option per row of the filter table, parsed into the ClaimFilter
the command receives; a bad value exits 2 naming the option (no store needed)."""

from __future__ import annotations

from typing import Annotated

import typer
from typer.testing import CliRunner

from claimgraph.cli.common import DbOption, filter_options
from claimgraph.store.filters import FILTERS, ClaimFilter

seen: list[tuple[ClaimFilter, str | None, int]] = []
app = typer.Typer()


@app.command()
@filter_options
def probe(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="Own option.")] = 3,
    *,
    filters: ClaimFilter,
) -> None:
    """A command that only records what it was given."""
    seen.append((filters, db, limit))


runner = CliRunner()


def run(*args: str) -> ClaimFilter:
    seen.clear()
    res = runner.invoke(app, list(args))
    assert res.exit_code == 0, res.output
    [(f, _, _)] = seen
    return f


def test_every_filter_is_an_option_after_db() -> None:
    out = runner.invoke(app, ["--help"], terminal_width=200).stdout
    for spec in FILTERS:
        assert spec.cli[0] in out, spec.name
    assert out.index("--db") < out.index("--entity") < out.index("--limit")


def test_options_become_one_claim_filter() -> None:
    assert run() == ClaimFilter()
    f = run(
        "--entity",
        "Iran",
        "--role",
        "supplier",
        "--role",
        "agent,recipient",
        "--from",
        "Iran",
        "--to",
        "Russia",
        "--event",
        "supply,ACQUIRE",
        "--q",
        '"drone factory"',
        "--article",
        "4",
    )
    assert f == ClaimFilter(
        entity="Iran",
        role="supplier,agent,recipient",
        from_="Iran",
        to="Russia",
        event="SUPPLY,ACQUIRE",
        q='"drone factory"',
        article_id=4,
    )
    assert run("--article-id", "5").article_id == 5
    seen.clear()
    runner.invoke(app, ["--db", "x.db", "--limit", "9", "--cluster", "cl-1"])
    assert seen == [(ClaimFilter(cluster="cl-1"), "x.db", 9)]  # the command's own options stay


def test_a_bad_value_exits_2_naming_the_option() -> None:
    for args, option in (
        (["--event", "TELEPORT"], "--event:"),
        (["--role", "agent"], "--role:"),  # a role needs an entity
        (["--cluster", "nope"], "--cluster:"),
        (["--near", "north"], "--near:"),
        (["--since", "2024", "--until", "2023"], "--since:"),
    ):
        res = runner.invoke(app, args)
        assert res.exit_code == 2, args
        assert option in res.stderr, (args, res.stderr)
