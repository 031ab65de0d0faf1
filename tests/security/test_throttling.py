"""Findings 5 and 6: password guessing is throttled (per account and per address, with backoff),
and report rate limits hold against a new User-Agent or a forged X-Forwarded-For per request;
X-Forwarded-For counts only from a proxy the operator listed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claimgraph.config import Settings
from claimgraph.corrections import desk, limits
from claimgraph.pipeline import ingest_sources
from claimgraph.store import repo_corrections as reports
from claimgraph.web import auth
from claimgraph.web.security import forwarded_client, trusted_networks
from tests.security.conftest import EDITOR, SECRET, csrf_of, make_client


class Clock:
    """A hand-moved clock, so backoff is tested without sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _try(client, name: str, password: str):
    token = csrf_of(client.get("/login").text)
    return client.post(
        "/login",
        data={"csrf_token": token, "name": name, "password": password, "next": "/editor"},
        follow_redirects=False,
    )


def _throttled_client(db_path, clock: Clock, **kw):
    client = make_client(db_path, **kw)
    client.app.state.login_throttle = auth.LoginThrottle(clock=clock)
    return client


# ---------------------------------------------------------------- finding 5: sign-in


def test_sixty_wrong_passwords_do_not_end_in_a_sign_in(db_path):
    """The issue's attack: 60 guesses, then the right password. Past 5 free tries the account is
    told to wait (429 + Retry-After), and the right password does not get in while it waits."""
    clock = Clock()
    with _throttled_client(db_path, clock) as client:
        codes = [_try(client, EDITOR[0], f"guess-{i:04d}").status_code for i in range(60)]
        assert codes[:5] == [401] * 5
        assert set(codes[5:]) == {429}
        r = _try(client, EDITOR[0], EDITOR[1])
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert "Too many failed sign-ins" in r.text
        assert client.get("/editor", follow_redirects=False).status_code == 303


def test_backoff_doubles_and_then_lets_the_owner_in(db_path):
    clock = Clock()
    with _throttled_client(db_path, clock) as client:
        for i in range(5):
            assert _try(client, EDITOR[0], f"wrong-{i}").status_code == 401
        waits = []
        for i in range(4):
            r = _try(client, EDITOR[0], f"wrong-late-{i}")
            assert r.status_code == 429
            wait = int(r.headers["retry-after"])
            waits.append(wait)
            clock.now += wait  # wait it out, then guess wrong again
            assert _try(client, EDITOR[0], f"wrong-after-{i}").status_code == 401
        assert waits == sorted(waits) and waits[-1] >= 4 * waits[0]  # exponential
        r = _try(client, EDITOR[0], EDITOR[1])
        assert r.status_code == 429
        clock.now += int(r.headers["retry-after"])
        assert _try(client, EDITOR[0], EDITOR[1]).status_code == 303  # the owner gets in


def test_unknown_names_are_throttled_alike(db_path):
    """Same answers for a name that does not exist, so throttling cannot list accounts."""
    clock = Clock()
    with _throttled_client(db_path, clock) as client:
        real = [_try(client, EDITOR[0], f"x-{i}").status_code for i in range(7)]
    with _throttled_client(db_path, Clock()) as client:
        ghost = [_try(client, "nobody-here", f"x-{i}").status_code for i in range(7)]
    assert real == ghost == [401] * 5 + [429] * 2


def test_rotating_names_is_throttled_per_address(db_path):
    """Spraying one password over many names trips the per-address counter."""
    with _throttled_client(db_path, Clock()) as client:
        codes = [_try(client, f"user-{i}", "password1").status_code for i in range(25)]
        assert codes[:20] == [401] * 20 and set(codes[20:]) == {429}
        assert _try(client, EDITOR[0], EDITOR[1]).status_code == 429
    with make_client(db_path) as other:  # another address (here: another app) is not held back
        other.app.state.login_throttle = auth.LoginThrottle()
        assert _try(other, EDITOR[0], EDITOR[1]).status_code == 303


def test_throttle_memory_is_bounded():
    throttle = auth.LoginThrottle(max_keys=100, clock=Clock())
    for i in range(1000):
        throttle.failed(*throttle.keys(f"name-{i}", f"198.51.100.{i % 250}"))
    assert len(throttle._fails) <= 100


# ---------------------------------------------------------------- finding 6: report limits


def _article(db_path, tmp_path: Path) -> tuple[int, int]:
    src = tmp_path / "story.jsonl"
    text = "The river council in Lakeside voted 5 to 2 on Monday to rebuild the ferry pier."
    src.write_text(json.dumps({"url": "https://news.example/a", "title": "T", "text": text}) + "\n")
    from claimgraph.store.db import open_store

    store = open_store(db_path)
    try:
        list(ingest_sources([str(src)], store))
        with store.session() as s:
            from claimgraph.store import repo

            stored = repo.get_article(session=s, article_id=1)["text"]
    finally:
        store.close()
    start = stored.index("Lakeside")
    return start, start + len("Lakeside")


def _report(client, span, **headers):
    body = {"article_id": 1, "revision": 1, "start": span[0], "end": span[1]}
    return client.post(
        "/api/corrections", json=body, headers={"Origin": "http://testserver", **headers}
    )


def test_new_user_agent_or_forged_forwarded_for_does_not_reset_the_limit(db_path, tmp_path):
    """The issue's attack: 25 reports, each with a fresh User-Agent and X-Forwarded-For."""
    span = _article(db_path, tmp_path)
    with make_client(db_path) as client:
        codes = [
            _report(
                client, span, **{"User-Agent": f"bot/{i}", "X-Forwarded-For": f"203.0.113.{i}"}
            ).status_code
            for i in range(25)
        ]
    assert codes == [202] * limits.PER_REPORTER + [429] * (25 - limits.PER_REPORTER)


def test_forwarded_for_is_believed_only_from_a_trusted_proxy(db_path, tmp_path):
    span = _article(db_path, tmp_path)
    settings = Settings(secret=SECRET, trusted_proxies="127.0.0.1")
    from fastapi.testclient import TestClient

    from claimgraph.web import create_app

    with TestClient(create_app(settings, db=db_path), client=("127.0.0.1", 1)) as proxied:
        for _ in range(limits.PER_REPORTER):
            assert _report(proxied, span, **{"X-Forwarded-For": "198.51.100.7"}).status_code == 202
        assert _report(proxied, span, **{"X-Forwarded-For": "198.51.100.7"}).status_code == 429
        # a different reader behind the same proxy has their own budget
        assert _report(proxied, span, **{"X-Forwarded-For": "198.51.100.8"}).status_code == 202
        # a client-written hop left of the real one changes nothing
        forged = {"X-Forwarded-For": "10.9.9.9, 198.51.100.7"}
        assert _report(proxied, span, **forged).status_code == 429


def test_forwarded_client_walks_from_the_right():
    assert forwarded_client("203.0.113.5", ["1.2.3.4"], "") == "203.0.113.5"
    assert forwarded_client("203.0.113.5", ["1.2.3.4"], "127.0.0.1") == "203.0.113.5"
    assert forwarded_client("127.0.0.1", ["1.2.3.4, 5.6.7.8"], "127.0.0.1") == "5.6.7.8"
    assert forwarded_client("10.0.0.2", ["1.2.3.4, 10.0.0.1"], "10.0.0.0/8") == "1.2.3.4"
    assert forwarded_client("::1", ["2001:db8::9"], "::1") == "2001:db8::9"
    with pytest.raises(ValueError, match="CLAIMGRAPH_TRUSTED_PROXIES: 'nonsense'"):
        trusted_networks("127.0.0.1, nonsense")


def test_one_reporter_cannot_exhaust_a_sites_quota(store):
    """A forged Origin lets one client post as the site; it still gets only its share of the
    site's hourly quota (the per-minute limit lifted here to isolate the share)."""
    rate, fp = 60, desk.fingerprint("203.0.113.66", secret="s")
    with store.session() as s:
        got = [
            limits.check_and_record(
                session=s, fingerprint=fp, site="k", site_rate_per_hour=rate, per_reporter=10**6
            )
            for _ in range(rate)
        ]
    assert sum(1 for g in got if g is None) == rate // limits.SITE_SHARE
    assert got[-1] is not None and got[-1][0] == "reporter"
    other = desk.fingerprint("203.0.113.67", secret="s")
    with store.session() as s:  # a real reader still gets through
        assert (
            limits.check_and_record(session=s, fingerprint=other, site="k", site_rate_per_hour=rate)
            is None
        )


def test_merged_comments_stay_bounded(store, db_path, tmp_path):
    span = _article(db_path, tmp_path)
    for i in range(300):
        with store.session() as s:
            desk.submit(
                session=s,
                fingerprint_=f"r{i}",
                article_id=1,
                start=span[0],
                end=span[1],
                comment=f"comment number {i} " + "x" * 1000,
            )
    with store.session() as s:
        [row] = reports.list_reports(session=s, status="open")
    assert row["reports"] == 300
    assert len(row["comment"]) <= desk.MAX_COMMENT
    assert re.match(r"comment number 0 ", row["comment"])


def test_password_hashing_runs_off_the_event_loop(db_path, monkeypatch):
    """argon2 takes ~50 ms a try: on the event loop, 4 login loops made every other request
    wait (health 23 -> 357 ms in the issue's run)."""
    import asyncio

    seen: list[bool] = []
    real = auth.authenticate

    def spy(**kw):
        try:
            asyncio.get_running_loop()
            seen.append(True)  # called on the event loop: the bug
        except RuntimeError:
            seen.append(False)
        return real(**kw)

    monkeypatch.setattr(auth, "authenticate", spy)
    with _throttled_client(db_path, Clock()) as client:
        assert _try(client, EDITOR[0], "wrong-password").status_code == 401
        assert _try(client, EDITOR[0], EDITOR[1]).status_code == 303
    assert seen == [False, False]
