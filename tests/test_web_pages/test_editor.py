"""The editors' queue: sign-in, roles, CSRF, and accept / reject / duplicate end to end."""

from __future__ import annotations

import re

from claimgraph.store import repo
from claimgraph.store import repo_corrections as reports
from claimgraph.store.db import Store
from tests.test_web_pages.conftest import EDITOR, READER, csrf_of, sign_in

ORIGIN = {"Origin": "http://testserver"}


def _file_reports(client, page_store: Store) -> list[int]:
    with page_store.session() as s:
        text = repo.get_article(session=s, article_id=1)["text"]
    ids = []
    for word, fix in (("Yelabuz", "Yelabuga"), ("Dushanbe", None), ("Gomel", None)):
        start = text.index(word)
        body = {"article_id": 1, "revision": 1, "start": start, "end": start + len(word)}
        if fix:
            body["suggestion"] = fix
        r = client.post("/api/corrections", json=body, headers=ORIGIN)
        assert r.status_code == 202
    with page_store.session() as s:
        ids = [r["id"] for r in reports.list_reports(session=s, status="open")]
    return ids


def test_queue_needs_an_editor(client):
    r = client.get("/editor", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/editor"
    r = client.post("/editor/reports/1/reject", data={"reason": "x"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    sign_in(client, *READER)
    assert client.get("/editor").status_code == 403
    token = csrf_of(client.get("/").text)  # the reader's logout form carries one
    r = client.post(
        "/editor/reports/1/reject",
        data={"reason": "x", "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 403


def test_wrong_password_and_login_csrf(client):
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"csrf_token": token, "name": EDITOR[0], "password": "nope"})
    assert r.status_code == 401 and "Wrong name or password" in r.text
    r = client.post(
        "/login", data={"csrf_token": "forged", "name": EDITOR[0], "password": EDITOR[1]}
    )
    assert r.status_code == 403
    r = client.post(
        "/login",
        data={
            "csrf_token": token,
            "name": EDITOR[0],
            "password": EDITOR[1],
            "next": "//evil.example",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/editor"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_accept_reject_duplicate(client, page_store: Store):
    yel, dus, gom = _file_reports(client, page_store)
    sign_in(client, *EDITOR)
    page = client.get("/editor").text
    assert page.count('class="report"') == 3
    assert re.search(r"<mark>Yelabuz</mark>, Tatarstan", page)  # quote shown in its context
    token = csrf_of(page)

    r = client.post(f"/editor/reports/{yel}/accept", data={"replacement": "Yelabuga"})
    assert r.status_code == 403  # no CSRF token, no action
    r = client.post(
        f"/editor/reports/{yel}/accept", data={"replacement": "Yelabuga", "csrf_token": token}
    )
    assert r.status_code == 200 and "now at revision 2" in r.text
    r = client.post(f"/editor/reports/{dus}/reject", data={"reason": "", "csrf_token": token})
    assert "say why" in r.text
    r = client.post(
        f"/editor/reports/{dus}/reject", data={"reason": "spelling is right", "csrf_token": token}
    )
    assert "rejected" in r.text
    r = client.post(f"/editor/reports/{gom}/duplicate", data={"of": str(dus), "csrf_token": token})
    assert "duplicate" in r.text
    assert "No open reports." in client.get("/editor").text

    with page_store.session() as s:
        art = repo.get_article(session=s, article_id=1)
        claims = repo.list_claims(session=s, article_id=1)
    assert art["revision"] == 2 and "Yelabuga, Tatarstan" in art["text"]
    assert any((c.get("location") or {}).get("name") == "Yelabuga" for c in claims)
    article = client.get("/articles/1").text
    assert "revision 2" in article and "correction #" in article
