"""Fuzz every route of the web app on SQLite and PostgreSQL and count server errors (issue 12).

Two drivers over one small store per backend (stories with claims, an editor, a partner site,
open reader reports):

- the routes in /openapi.json (every /api GET, the reader and widget report POSTs): schemathesis
  generates valid and invalid requests from the schema (positive and negative modes);
- the routes the schema leaves out (HTML pages, sign-in, sign-out, the editors' queue and its
  accept/reject/duplicate POSTs): hypothesis generates path values, query strings and form
  fields, the editor POSTs signed in as an editor with the session's CSRF token (sometimes a
  wrong one).

Every answer is tallied by route and status class; a 5xx (or an exception escaping the app)
is a failure, listed with the request that caused it. The route list is read from the app, so
a new route is fuzzed (or reported as not covered) without editing this file.

    python -m bench.fuzz_routes                         # SQLite, 100 examples per route
    python -m bench.fuzz_routes --pg-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres
    python -m bench.fuzz_routes --examples 15 --json out.json

Exit status 1 when any request got a 5xx. tests/security/test_fuzz_routes.py runs a small
version (a few hundred requests) in the default test command.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import traceback
import uuid
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

with warnings.catch_warnings():  # starlette nags about httpx versions; irrelevant here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

EDITOR = ("fuzz-editor", "fuzz-editor-password-42")
SECRET = "fuzz-routes-secret-0123456789-abcdefghijkl"
ORIGIN = "http://testserver"

STORIES = [
    "Police in Lakeside arrested two men on Monday after a fire at the ferry pier, a "
    "spokeswoman for the city said. The mayor visited the harbour on Tuesday.",
    "The council of Riverton approved a $4 million plan to repair three bridges on 3 March "
    "2024, officials said. Engineers will arrive in April, the council said.",
    "Protesters marched through Eastport on Friday. The governor denied that troops had "
    "fired on the crowd, his office said in a statement.",
    "Rebels attacked an army post near Millbrook on Sunday, killing four soldiers, the "
    "defence ministry said. The army said it had retaken the post.",
    "The health ministry said on Wednesday that 120 people had been treated for cholera in "
    "Fairhaven since January. Aid groups sent doctors to the town.",
]


@dataclass
class Tally:
    """Answers by route and status class, and every 5xx with the request behind it."""

    backend: str
    by_route: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    not_covered: list[str] = field(default_factory=list)

    def add(self, route: str, status: int, request: str, detail: str = "") -> None:
        self.by_route.setdefault(route, Counter())[f"{status // 100}xx"] += 1
        if status >= 500:
            self.errors.append(
                {
                    "route": route,
                    "status": status,
                    "request": request[:500],
                    "detail": detail[-2000:],
                }
            )

    @property
    def requests(self) -> int:
        return sum(sum(c.values()) for c in self.by_route.values())

    @property
    def server_errors(self) -> int:
        return sum(c["5xx"] for c in self.by_route.values())

    def summary(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "routes": len(self.by_route),
            "requests": self.requests,
            "5xx": self.server_errors,
            "seconds": round(self.seconds, 1),
            "by_status": dict(sum(self.by_route.values(), Counter())),
            "by_route": {k: dict(v) for k, v in sorted(self.by_route.items())},
            "not_covered": self.not_covered,
            "errors": self.errors[:20],
        }


# ---------------------------------------------------------------- the store


@dataclass
class Fixture:
    db: str
    articles: list[int]
    reports: list[int]
    site_key: str
    entities: list[str]
    claims: list[str]
    spans: list[tuple[int, int, int, str]]  # (article id, start, end, word) readers may report


def build_store(db: str, *, reports: int = 40) -> Fixture:
    """Stories ingested and extracted, an editor account, a partner site, open reports."""
    from claimgraph.corrections import desk, sites
    from claimgraph.pipeline import ingest_sources
    from claimgraph.store import repo
    from claimgraph.store.db import open_store
    from claimgraph.web import auth

    store = open_store(db)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "stories.jsonl"
            src.write_text(
                "".join(
                    json.dumps(
                        {
                            "url": f"https://news.example/{i}",
                            "title": f"Story {i}",
                            "text": t,
                            "published": "2024-03-0" + str(i + 1),
                        }
                    )
                    + "\n"
                    for i, t in enumerate(STORIES)
                ),
                encoding="utf-8",
            )
            outcomes = list(ingest_sources([str(src)], store, extract=True))
        articles = [o.article_id for o in outcomes if isinstance(o, repo.IngestOutcome)]
        report_ids: list[int] = []
        spans: list[tuple[int, int, int, str]] = []
        with store.session() as s:
            auth.add_user(session=s, name=EDITOR[0], password=EDITOR[1], role="editor")
            key = sites.add_site(session=s, name="Partner", origins=[ORIGIN]).key
            for n in range(reports):
                aid = articles[n % len(articles)]
                text = repo.get_article(session=s, article_id=aid)["text"]
                words = [m for m in re.finditer(r"[A-Za-z]{4,}", text)]
                m = words[(n // len(articles)) % len(words)]
                last = words[-1 - n % 3]
                spans.append((aid, last.start(), last.end(), last.group(0)))
                done = desk.submit(
                    session=s,
                    fingerprint_=f"fuzz-{n}",
                    article_id=aid,
                    revision=1,
                    start=m.start(),
                    end=m.end(),
                    suggestion=m.group(0).upper(),
                    comment="fuzz",
                )
                report_ids.append(done.report["id"])
            claims = [c["id"] for c in repo.list_claims(session=s, order="pk", limit=50)]
            entities = [e["id"] for e in repo.list_entities(session=s, limit=20)]
    finally:
        store.close()
    return Fixture(db, articles, sorted(set(report_ids)), key, entities, claims, spans)


@contextmanager
def pg_database(admin_url: str) -> Iterator[str]:
    """A throw-away database on the server at `admin_url`, dropped afterwards."""
    from sqlalchemy import create_engine, text

    name = f"cg_fuzz_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# ---------------------------------------------------------------- drivers


def _settings(examples: int) -> settings:
    """`examples` generated cases, no deadline, no example database; nothing is raised (every
    answer is tallied), so hypothesis never shrinks."""
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def make_app(db: str) -> Any:
    from claimgraph.config import Settings
    from claimgraph.web import create_app

    return create_app(Settings(secret=SECRET), db=db)


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    return m.group(1) if m else ""


def sign_in(client: TestClient) -> str:
    """Sign the client in as the editor; the CSRF token of its session."""
    token = csrf_of(client.get("/login").text)
    r = client.post(
        "/login",
        data={"csrf_token": token, "name": EDITOR[0], "password": EDITOR[1], "next": "/editor"},
        follow_redirects=False,
    )
    if r.status_code != 303:
        raise RuntimeError(f"editor sign-in failed: {r.status_code} {r.text[:200]}")
    return csrf_of(client.get("/editor").text)


def fuzz_openapi(app: Any, fx: Fixture, examples: int, tally: Tally) -> set[tuple[str, str]]:
    """schemathesis over /openapi.json: positive and negative cases for every operation."""
    import schemathesis
    from schemathesis import GenerationMode

    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    done: set[tuple[str, str]] = set()
    for result in schema.get_all_operations():
        op = result.ok()
        route = f"{op.method.upper()} {op.path}"
        done.add((op.method.upper(), op.path))
        cases = op.as_strategy(GenerationMode.POSITIVE) | op.as_strategy(GenerationMode.NEGATIVE)
        headers = {"Origin": ORIGIN} if op.method.upper() == "POST" else {}
        # half the cases get values that exist (a stored article, claim, entity, a word of
        # an article for a report, the partner site's key), so the paths past the lookups
        # are fuzzed too, not only the 404s and 422s
        cases = st.tuples(cases, st.booleans(), st.integers(0, 10**6)).map(
            lambda t: _with_known(t[0], fx, t[2]) if t[1] else t[0]
        )

        _call_cases(cases, route, headers, examples, tally)
    return done


def _call_cases(
    cases: st.SearchStrategy[Any], route: str, headers: dict[str, str], examples: int, tally: Tally
) -> None:
    """Send `examples` generated cases of one operation; tally every answer."""

    @_settings(examples)
    @given(case=cases)
    def run(case: Any) -> None:
        described = (
            f"{case.method} {case.formatted_path} query={case.query!r} "
            f"body={str(case.body)[:200]!r}"
        )
        try:
            r = case.call(headers=headers)
        except Exception:  # an exception escaping the app is a 500 for the client
            tally.add(route, 500, described, traceback.format_exc())
            return
        tally.add(route, r.status_code, described, r.text[:500] if r.status_code >= 500 else "")

    run()


def _with_known(case: Any, fx: Fixture, pick: int) -> Any:
    """The case with its ids replaced by ones the store holds (`pick` chooses which)."""
    known = {
        "article_id": fx.articles[pick % len(fx.articles)],
        "number": 1,
        "claim_id": fx.claims[pick % len(fx.claims)] if fx.claims else "0" * 16,
        "name_or_id": fx.entities[pick % len(fx.entities)] if fx.entities else "x",
    }
    if isinstance(case.path_parameters, dict):
        for name in case.path_parameters:
            if name in known:
                case.path_parameters[name] = known[name]
    if case.path.endswith("/widget"):
        case.query = {**(case.query or {}), "site": fx.site_key}
    if isinstance(case.body, dict) and case.method.upper() == "POST":
        aid, start, end, word = fx.spans[pick % len(fx.spans)]
        if case.path.endswith("/widget"):  # a page of the partner's own site
            case.body = {**case.body, "exact": word, "page_url": f"{ORIGIN}/story/{pick}"}
        else:
            case.body = {
                **case.body,
                "article_id": aid,
                "revision": 1,
                "start": start,
                "end": end,
                "exact": word,
            }
    return case


TEXT = st.text(max_size=40)
WEIRD = st.one_of(
    TEXT,
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "1",
            "2",
            "true",
            "null",
            "[]",
            "{}",
            "%00",
            "../..",
            "javascript:alert(1)",
            "\u202e",
            "9" * 40,
            "1e309",
            "NaN",
        ]
    ),
)
FILTER_NAMES = [
    "event",
    "modality",
    "polarity",
    "entity",
    "role",
    "source",
    "place",
    "q",
    "from",
    "to",
    "article_id",
    "near",
    "after",
    "before",
    "limit",
    "cursor",
    "offset",
    "rev",
    "diff",
    "claims_offset",
    "done",
    "article",
    "next",
    "error",
    "fmt",
    "table",
    "min_claims",
    "claims_limit",
]
QUERY = st.dictionaries(st.one_of(st.sampled_from(FILTER_NAMES), TEXT), WEIRD, max_size=4)


def _seg(value: str) -> str:
    return quote(value, safe="") or "x"


def fuzz_pages(
    app: Any, fx: Fixture, examples: int, tally: Tally, skip: set[tuple[str, str]]
) -> None:
    """Every route outside the schema: GET pages with made-up path values and query strings,
    sign-in/out and the editor's POSTs with made-up forms (signed in, CSRF token mostly right)."""
    editor = TestClient(app, raise_server_exceptions=False)
    anon = TestClient(app, raise_server_exceptions=False)
    token = sign_in(editor)
    anon_token = csrf_of(anon.get("/login").text)  # a sign-in form's token, no session
    ints = st.one_of(st.sampled_from([*fx.articles, *fx.reports]), st.integers(-3, 10**6), WEIRD)
    path_values: dict[str, st.SearchStrategy[Any]] = {
        "article_id": ints,
        "report_id": st.one_of(st.sampled_from(fx.reports), ints),
        "action": st.one_of(st.sampled_from(["accept", "reject", "duplicate"]), TEXT),
        "name_or_id": st.one_of(st.sampled_from(fx.entities or ["x"]), TEXT),
        "path": st.one_of(
            st.sampled_from(["article.js", "style.css", "vendor/versions.json"]), TEXT
        ),
    }
    seen: set[tuple[str, str]] = set(skip)
    for path, methods in app_routes(app):
        for method in sorted(methods - {"HEAD"}):
            plain = re.sub(r"{(\w+):\w+}", r"{\1}", path)  # the schema's spelling
            if (method, plain) in seen or path == "/openapi.json":
                continue
            seen.add((method, plain))
            names = re.findall(r"{(\w+)(?::\w+)?}", path)
            if any(n not in path_values for n in names):
                tally.not_covered.append(f"{method} {path}")
                continue
            label = f"{method} {plain}"
            paths = st.fixed_dictionaries({n: path_values[n] for n in names})
            if method == "GET":
                _fuzz_get(editor, anon, path, label, paths, examples, tally)
            else:
                tokens = (token, anon_token)
                _fuzz_send(editor, anon, method, path, label, paths, tokens, fx, examples, tally)


def app_routes(app: Any) -> list[tuple[str, set[str]]]:
    """(path, methods) of every HTTP route, routers included under their prefixes (FastAPI
    keeps an included router as one wrapper route) and static files as one route."""
    from starlette.routing import Mount, Route

    out: list[tuple[str, set[str]]] = []

    def walk(routes: list[Any], prefix: str) -> None:
        for r in routes:
            if isinstance(r, Route):
                out.append((prefix + r.path, set(r.methods or {"GET"})))
            elif isinstance(r, Mount):
                out.append((prefix + r.path + "/{path}", {"GET"}))
            elif hasattr(r, "original_router"):  # fastapi's included-router wrapper
                walk(r.original_router.routes, prefix + r.include_context.prefix)

    walk(app.routes, "")
    return out


def _fill(path: str, values: dict[str, Any]) -> str:
    return re.sub(r"{(\w+)(?::\w+)?}", lambda m: _seg(str(values[m.group(1)])), path)


def _fuzz_get(
    editor: TestClient,
    anon: TestClient,
    path: str,
    label: str,
    paths: st.SearchStrategy[dict[str, Any]],
    examples: int,
    tally: Tally,
) -> None:
    @_settings(examples)
    @given(values=paths, query=QUERY, signed_in=st.booleans())
    def run(values: dict[str, Any], query: dict[str, str], signed_in: bool) -> None:
        url = _fill(path, values)
        client = editor if signed_in else anon
        try:
            r = client.get(url, params=query, follow_redirects=False)
        except Exception:
            tally.add(label, 500, f"GET {url} {query!r}", traceback.format_exc())
            return
        tally.add(label, r.status_code, f"GET {url} {query!r}", r.text[:500])

    run()


FORM = st.dictionaries(
    st.one_of(st.sampled_from(["name", "password", "next", "replacement", "reason", "of"]), TEXT),
    WEIRD,
    max_size=4,
)


def _fuzz_send(
    editor: TestClient,
    anon: TestClient,
    method: str,
    path: str,
    label: str,
    paths: st.SearchStrategy[dict[str, Any]],
    tokens: tuple[str, str],
    fx: Fixture,
    examples: int,
    tally: Tally,
) -> None:
    """POST (or OPTIONS) with a made-up form: the session's CSRF token most of the time, a
    forged or no token otherwise; signed in as the editor three times in four."""

    @_settings(examples)
    @given(
        values=paths,
        form=FORM,
        csrf=st.sampled_from(["right"] * 4 + ["wrong", "none"]),
        signed_in=st.sampled_from([True, True, True, False]),
        origin=st.sampled_from([ORIGIN, ORIGIN, "https://evil.example", "null"]),
    )
    def run(
        values: dict[str, Any], form: dict[str, str], csrf: str, signed_in: bool, origin: str
    ) -> None:
        url = _fill(path, values)
        data = dict(form)
        client = editor if signed_in and path != "/logout" else anon
        if csrf != "none":
            right = tokens[0] if client is editor else tokens[1]
            data["csrf_token"] = right if csrf == "right" else "forged-token"
        headers = {"Origin": origin, "Access-Control-Request-Method": "POST"}
        described = f"{method} {url} {data!r} origin={origin}"
        try:
            if method == "POST":
                r = client.post(url, data=data, headers=headers, follow_redirects=False)
            else:
                params = {**form, "site": fx.site_key} if signed_in else form
                r = client.request(method, url, params=params, headers=headers)
        except Exception:
            tally.add(label, 500, described, traceback.format_exc())
            return
        tally.add(label, r.status_code, described, r.text[:500])

    run()


def fuzz_backend(backend: str, db: str, examples: int, page_examples: int) -> Tally:
    """Build the store at `db`, fuzz every route, return the tally."""
    tally = Tally(backend)
    began = time.perf_counter()
    fx = build_store(db)
    app = make_app(db)
    with TestClient(app):  # lifespan: the store is closed afterwards
        done = fuzz_openapi(app, fx, examples, tally)
        fuzz_pages(app, fx, page_examples, tally, done)
    tally.seconds = time.perf_counter() - began
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=100, help="cases per schema operation")
    parser.add_argument(
        "--page-examples",
        type=int,
        default=None,
        help="cases per page/editor route (default: --examples)",
    )
    parser.add_argument(
        "--pg-url", default=None, help="PostgreSQL server (admin URL) for the second backend"
    )
    parser.add_argument("--json", type=Path, default=None, help="write the tallies here")
    args = parser.parse_args(argv)
    pages = args.page_examples or args.examples
    tallies = []
    with tempfile.TemporaryDirectory() as tmp:
        tallies.append(fuzz_backend("sqlite", str(Path(tmp) / "fuzz.db"), args.examples, pages))
    if args.pg_url:
        with pg_database(args.pg_url) as url:
            tallies.append(fuzz_backend("postgresql", url, args.examples, pages))
    out = [t.summary() for t in tallies]
    for s in out:
        print(
            f"{s['backend']}: {s['requests']} requests over {s['routes']} routes in "
            f"{s['seconds']} s, {s['5xx']} x 5xx; by status {s['by_status']}; "
            f"not covered: {s['not_covered'] or 'none'}"
        )
        for e in s["errors"]:
            print(f"  5xx {e['status']} {e['request']}\n    {e['detail'][-600:]}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    return 1 if any(t.server_errors for t in tallies) else 0


if __name__ == "__main__":
    sys.exit(main())
