"""Finding 10 and the editor races: a `corrections accept` killed (SIGKILL) after the new revision
is stored leaves a state `claimgraph corrections retry` finishes; two editors acting on one
report at once get one success and one clear refusal, never an error or two "done"s."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from claimgraph.cli import app as cli_app
from claimgraph.corrections import desk
from claimgraph.corrections.retry import finish_accepted
from claimgraph.pipeline import ingest_sources
from claimgraph.store import repo
from claimgraph.store import repo_corrections as reports
from claimgraph.store.models import ClaimRow, ExtractionRow
from claimgraph.web import auth
from tests.security.conftest import csrf_of, make_client, sign_in

TEXT = (
    "Police in Lakeside arrested two men on Monday after a fire at the ferry pier, a "
    "spokeswoman said. The mayor visited Ruse on Tuesday."
)


def _article(store, tmp_path: Path) -> None:
    src = tmp_path / "story.jsonl"
    src.write_text(json.dumps({"url": "https://news.example/a", "title": "T", "text": TEXT}) + "\n")
    list(ingest_sources([str(src)], store, extract=True))


def _report(store, word: str, suggestion: str) -> int:
    with store.session() as s:
        text = repo.get_article(session=s, article_id=1)["text"]
        start = text.index(word)
        done = desk.submit(
            session=s,
            fingerprint_=f"fp-{word}",
            article_id=1,
            start=start,
            end=start + len(word),
            suggestion=suggestion,
        )
        return done.report["id"]


def _extracted_revisions(store) -> list[int]:
    with store.session() as s:
        return sorted(s.scalars(select(ExtractionRow.revision)).all())


def _claim_revisions(store) -> set[int]:
    """The revisions the article's current claims were extracted from."""
    with store.session() as s:
        return set(s.scalars(select(ClaimRow.revision)).all())


KILL_AFTER_COMMIT = """
import os, signal, sys
import claimgraph.pipeline as p
p.extract_stored = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
from claimgraph.cli import app
app(sys.argv[1:])
"""


def test_accept_killed_before_reextraction_is_finished_by_retry(store, db_path, tmp_path):
    _article(store, tmp_path)
    rid = _report(store, "Lakeside", "Lakeview")
    # kill -9 at the worst moment: revision and report state committed, extraction not begun
    proc = subprocess.run(
        [sys.executable, "-c", KILL_AFTER_COMMIT, "corrections", "accept", str(rid)]
        + ["--db", str(db_path), "--editor", "eddie"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == -9, proc.stderr
    with store.session() as s:
        assert reports.get_report(session=s, report_id=rid).status == "accepted"
        assert repo.get_article(session=s, article_id=1)["revision"] == 2
        assert desk.unfinished_accepts(session=s) == [(1, 2, [rid])]
    assert _extracted_revisions(store) == [1]
    assert _claim_revisions(store) == {1}  # revision 1's claims still current

    r = CliRunner().invoke(cli_app, ["corrections", "retry", "--db", str(db_path), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output) == [
        {"article_id": 1, "revision": 2, "reports": [rid], "error": None}
    ]
    assert _extracted_revisions(store) == [1, 2]
    assert _claim_revisions(store) == {2}
    with store.session() as s:
        assert desk.unfinished_accepts(session=s) == []
    again = CliRunner().invoke(cli_app, ["corrections", "retry", "--db", str(db_path)])
    assert again.exit_code == 0 and "nothing to finish" in again.output


def test_retry_goes_on_past_a_failing_article_and_exits_1(store, db_path, tmp_path):
    _article(store, tmp_path)
    rid = _report(store, "Ruse", "Rousse")
    with store.session() as s:
        desk.accept(session=s, report_id=rid, editor="eddie")  # committed; extraction "crashed"

    def boom(_store, _aid):
        raise RuntimeError("spaCy ran out of memory")

    [done] = finish_accepted(store, extract=boom)
    assert done.error == "RuntimeError: spaCy ran out of memory"
    with store.session() as s:  # still pending: a later retry can finish it
        assert desk.unfinished_accepts(session=s) == [(1, 2, [rid])]
    r = CliRunner().invoke(cli_app, ["corrections", "retry", "--db", str(db_path)])
    assert r.exit_code == 0 and "claims re-extracted" in r.output


@pytest.mark.parametrize(("first", "second"), [("accept", "accept"), ("accept", "reject")])
def test_two_editors_at_once_one_wins_the_other_is_told(store, tmp_path, first, second):
    _article(store, tmp_path)
    rid = _report(store, "Lakeside", "Lakeview")
    barrier = threading.Barrier(2)
    outcome: dict[str, str] = {}

    def act(who: str, action: str) -> None:
        barrier.wait()
        try:
            with store.session() as s:
                if action == "accept":
                    desk.accept(session=s, report_id=rid, editor=who)
                else:
                    desk.reject(session=s, report_id=rid, editor=who, reason="not an error")
            outcome[who] = "done"
        except desk.ReportError as exc:
            outcome[who] = f"refused: {exc}"
        except Exception as exc:  # the bug: a 500 for one of them
            outcome[who] = f"ERROR {type(exc).__name__}: {exc}"

    threads = [
        threading.Thread(target=act, args=("ann", first)),
        threading.Thread(target=act, args=("bob", second)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(v.split(":")[0] for v in outcome.values()) == ["done", "refused"], outcome
    assert "already" in next(v for v in outcome.values() if v.startswith("refused"))
    with store.session() as s:
        art = repo.get_article(session=s, article_id=1)
    accepted = outcome["ann"] == "done" or (second == "accept" and outcome["bob"] == "done")
    assert art["revision"] == (2 if accepted else 1)
    assert len(art["revisions"]) == art["revision"]  # one revision, not two


def test_the_second_editor_on_the_page_is_told_it_is_already_handled(client, store, tmp_path):
    _article(store, tmp_path)
    rid = _report(store, "Lakeside", "Lakeview")
    sign_in(client)
    token = csrf_of(client.get("/editor").text)
    with store.session() as s:
        desk.reject(session=s, report_id=rid, editor="ann", reason="not an error")
    r = client.post(
        f"/editor/reports/{rid}/accept", data={"csrf_token": token}, follow_redirects=False
    )
    assert r.status_code == 409 and "text/html" in r.headers["content-type"]
    assert "already handled by ann" in r.text and 'href="/editor"' in r.text
    api = client.post(
        f"/editor/reports/{rid}/reject",
        data={"csrf_token": token, "reason": "dup"},
        headers={"Accept": "application/json"},
    )
    assert api.status_code == 409
    assert api.json() == {
        "detail": f"Report {rid}: status: report {rid} is rejected, not open "
        "(already handled by ann)"
    }
    with store.session() as s:
        assert repo.get_article(session=s, article_id=1)["revision"] == 1


SECOND_EDITOR = ("fran", "battery-staple-77")


@pytest.mark.parametrize(("first", "second"), [("accept", "accept"), ("accept", "reject")])
@pytest.mark.parametrize("accept_header", ["text/html", "application/json"])
def test_two_editors_posting_at_once_get_one_done_and_one_409(
    db_path, store, tmp_path, first, second, accept_header
):
    """Two signed-in editors press their buttons on one report at the same moment (real
    threads through the app): one is redirected with "done", the other gets a 409 that says
    the report is already handled - never a 500, never two successes."""
    _article(store, tmp_path)
    rid = _report(store, "Lakeside", "Lakeview")
    with store.session() as s:
        auth.add_user(session=s, name=SECOND_EDITOR[0], password=SECOND_EDITOR[1], role="editor")
    with make_client(db_path) as one, make_client(db_path) as two:
        sign_in(one)
        sign_in(two, *SECOND_EDITOR)
        tokens = [csrf_of(c.get("/editor").text) for c in (one, two)]
        barrier = threading.Barrier(2)
        answers: dict[str, object] = {}

        def press(who: str, c, token: str, action: str) -> None:
            barrier.wait()
            answers[who] = c.post(
                f"/editor/reports/{rid}/{action}",
                data={"csrf_token": token, "reason": "not an error"},
                headers={"Accept": accept_header},
                follow_redirects=False,
            )

        threads = [
            threading.Thread(target=press, args=("one", one, tokens[0], first)),
            threading.Thread(target=press, args=("two", two, tokens[1], second)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
    codes = sorted(r.status_code for r in answers.values())  # type: ignore[attr-defined]
    assert codes == [303, 409], {k: (r.status_code, r.text[:300]) for k, r in answers.items()}  # type: ignore[attr-defined]
    loser = next(r for r in answers.values() if r.status_code == 409)  # type: ignore[attr-defined]
    assert "already handled" in loser.text  # type: ignore[attr-defined]
    winner = next(r for r in answers.values() if r.status_code == 303)  # type: ignore[attr-defined]
    assert "already" not in winner.headers["location"]  # type: ignore[attr-defined]
    with store.session() as s:
        art = repo.get_article(session=s, article_id=1)
        status = reports.get_report(session=s, report_id=rid).status
    assert status in ("accepted", "rejected")
    assert art["revision"] == (2 if status == "accepted" else 1)
    assert len(art["revisions"]) == art["revision"]
