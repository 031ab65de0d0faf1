"""Workbench page loads in a real browser on a store of ≥ 10,000 claims.

    .venv/bin/python -m bench.pages [--claims 10000] [--runs 5] [--db PATH] [--real-docs 200]
                                    [--shots DIR] [--out bench/RESULTS.md | --no-write]

The store is built like section 6's (bench.api_latency.build_sqlite): real texts from
../shared ingested with the CLI (--no-dedupe), then grown with synthetic copies of real articles
and claims up to --claims; it is cached at --db (default /tmp/claimgraph-bench-pages/
pages-N.db) so reruns start at once. `claimgraph serve` runs on 127.0.0.1 (a subprocess) and
Debian chromium (Playwright, headless) loads each page: one cold run in a fresh browser context,
then, in one context whose HTTP cache was warmed by an unmeasured visit, --runs measured runs,
each in a fresh page. The time is `performance.now()` in the page (0 = navigation start) when
the page is usable, plus the wall clock around goto + wait. The table is printed and appended
to RESULTS.md as section 8.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.api_latency import Server, build_sqlite, pct
from bench.common import BENCH, fmt, machine_facts
from bench.corpus import build, write_jsonl

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
SECTION = "## 8. Workbench page loads (10k claims)"


def log(msg: str) -> None:
    print(f"[pages] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- the store


def ensure_store(db: Path, claims: int, real_docs: int) -> tuple[float, bool]:
    """Build the store at `db` unless it is already there; (seconds, built now)."""
    if db.exists():
        return 0.0, False
    db.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cg-pages-", dir=db.parent) as tmp:
        work = Path(tmp)
        seed = write_jsonl(build(real_docs), work / "seed.jsonl")
        log(f"ingesting {real_docs} real articles, then growing to {claims:,} claims")
        built, info = build_sqlite(None, work, claims, seed)
        with sqlite3.connect(built) as con:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        built.replace(db)
    log(f"store built in {time.perf_counter() - t0:.0f} s: {info.articles:,} articles")
    return time.perf_counter() - t0, True


def store_facts(db: Path) -> dict[str, Any]:
    """Counts, and the articles with the most claims and a typical (median) number of claims."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        one = lambda q: con.execute(q).fetchone()[0]  # noqa: E731
        facts: dict[str, Any] = {
            "articles": one("SELECT count(*) FROM articles"),
            "claims": one("SELECT count(*) FROM claims"),
            "places": one(
                "SELECT count(*) FROM (SELECT DISTINCT place_name, lat, lon FROM claims "
                "WHERE lat IS NOT NULL AND lon IS NOT NULL)"
            ),
            "claims placed": one("SELECT count(*) FROM claims WHERE lat IS NOT NULL"),
            "claims with a time": one("SELECT count(*) FROM claims WHERE time_value IS NOT NULL"),
            "entities": one("SELECT count(*) FROM entities"),
            "file MiB": db.stat().st_size / 2**20,
        }
        per = con.execute(
            "SELECT a.id, count(c.pk) AS n, length(r.text), "
            "EXISTS (SELECT 1 FROM extractions e WHERE e.article_id = a.id) FROM articles a "
            "JOIN article_revisions r ON r.article_id = a.id AND r.number = a.current_revision "
            "LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id ORDER BY n DESC, a.id"
        ).fetchall()
    finally:
        con.close()
    facts["biggest"] = per[0][:3]
    # the reader draws claims from the extraction; synthetic articles have none, so "typical"
    # is the median among ingested articles with at least one claim
    real = sorted((p for p in per if p[1] > 0 and p[3]), key=lambda p: (p[1], p[0]))
    facts["typical"] = (real or per)[len(real or per) // 2][:3]
    return facts


# ---------------------------------------------------------------- pages


@dataclass
class PageSpec:
    name: str
    path: str
    ready_js: str  # a predicate evaluated in the page; true once the page is usable
    api: str | None  # the page's data endpoint (fetched by its script), if any
    note: str = ""


READY_LOAD = "document.readyState === 'complete'"
PAGES_JS = {
    "map": "!!document.querySelector('#map[data-ready]') && "
    "!!document.querySelector('#map .leaflet-overlay-pane canvas')",
    "timeline": "!!document.querySelector('#timeline[data-ready]') && "
    "!!document.querySelector('#timeline .vis-item')",
    "graph": "!!document.querySelector('#graph[data-ready]')",
}


def page_specs(facts: dict[str, Any]) -> list[PageSpec]:
    big_id, big_n, big_len = facts["biggest"]
    typ_id, typ_n, typ_len = facts["typical"]
    return [
        PageSpec(
            "reader, most claims",
            f"/articles/{big_id}",
            READY_LOAD,
            None,
            f"article {big_id}: {big_n} claims, {big_len:,} characters",
        ),
        PageSpec(
            "reader, typical",
            f"/articles/{typ_id}",
            READY_LOAD,
            None,
            f"article {typ_id}: {typ_n} claims, {typ_len:,} characters (median of ingested articles)",
        ),
        PageSpec("map", "/map", PAGES_JS["map"], "/api/map", "data-ready + country canvas"),
        PageSpec("timeline", "/timeline", PAGES_JS["timeline"], "/api/timeline", "first .vis-item"),
        PageSpec("graph", "/graph", PAGES_JS["graph"], "/api/graph", "data-ready"),
        PageSpec("claims list", "/claims", READY_LOAD, None, "200 rows, `load` event"),
    ]


MEASURE_JS = """(apiPath) => {
  const nav = performance.getEntriesByType('navigation')[0] || {};
  const res = performance.getEntriesByType('resource');
  let transfer = nav.transferSize || 0, body = nav.encodedBodySize || 0, decoded = nav.decodedBodySize || 0;
  let api = null;
  for (const r of res) {
    transfer += r.transferSize || 0; body += r.encodedBodySize || 0; decoded += r.decodedBodySize || 0;
    if (apiPath && new URL(r.name).pathname === apiPath && !api)
      api = {ms: r.responseEnd - r.requestStart, ttfb: r.responseStart - r.requestStart,
             start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize};
  }
  return {ready: window.__cgReadyAt, transfer, body, decoded, requests: res.length + 1, api,
          doc_ttfb: nav.responseStart - nav.requestStart, doc_end: nav.responseEnd,
          dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
          nodes: document.getElementsByTagName('*').length};
}"""


@dataclass
class Sample:
    ready_ms: float
    wall_ms: float
    transfer: int
    body: int
    decoded: int
    requests: int
    api_ms: float | None
    after_data: float | None
    api_bytes: int | None
    doc_ttfb: float
    dcl: float
    load: float
    nodes: int
    errors: list[str] = field(default_factory=list)


def measure(ctx: Any, base: str, spec: PageSpec, shot: Path | None = None) -> Sample:
    """One visit in a fresh page of `ctx`."""
    page = ctx.new_page()
    page.set_default_timeout(120_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        t0 = time.perf_counter()
        page.goto(base + spec.path, wait_until="commit")
        page.wait_for_function(
            f"() => {{ if ({spec.ready_js}) {{ if (window.__cgReadyAt === undefined) "
            f"window.__cgReadyAt = performance.now(); return true; }} return false; }}",
            polling="raf",
        )
        wall = 1000 * (time.perf_counter() - t0)
        if spec.ready_js != READY_LOAD:  # fetches finish before `load` only by chance
            page.wait_for_load_state("load")
        page.wait_for_timeout(50)
        m = page.evaluate(MEASURE_JS, spec.api)
        if shot is not None:
            page.wait_for_timeout(800)  # let animations settle for the picture
            page.screenshot(path=str(shot))
    finally:
        page.close()
    api = m.get("api") or {}
    return Sample(
        ready_ms=m["ready"],
        wall_ms=wall,
        transfer=int(m["transfer"]),
        body=int(m["body"]),
        decoded=int(m["decoded"]),
        requests=int(m["requests"]),
        api_ms=api.get("ms"),
        after_data=m["ready"] - api["end"] if api else None,
        api_bytes=api.get("bytes"),
        doc_ttfb=m["doc_ttfb"],
        dcl=m["dcl"],
        load=m["load"],
        nodes=int(m["nodes"]),
        errors=errors,
    )


def api_times(base: str, spec: PageSpec, runs: int) -> tuple[float | None, int | None]:
    """Median wall ms (and body bytes) of the data endpoint (or the HTML page) with httpx."""
    import httpx

    path = spec.api or spec.path
    out, size = [], None
    with httpx.Client(timeout=300) as c:
        c.get(base + path)
        for _ in range(runs):
            t = time.perf_counter()
            r = c.get(base + path)
            out.append(1000 * (time.perf_counter() - t))
            size = len(r.content)
    return statistics.median(out), size


def med(xs: list[float | None]) -> float | None:
    v = [x for x in xs if x is not None]
    return statistics.median(v) if v else None


def kib(n: float | None) -> float | None:
    return None if n is None else n / 1024


# ---------------------------------------------------------------- main


def run(args: argparse.Namespace) -> str:
    from playwright.sync_api import sync_playwright

    facts_machine = machine_facts()
    db = Path(args.db or f"/tmp/claimgraph-bench-pages/pages-{args.claims}.db")
    build_s, built = ensure_store(db, args.claims, args.real_docs)
    facts = store_facts(db)
    log(f"store {db}: {facts['articles']:,} articles, {facts['claims']:,} claims")
    specs = page_specs(facts)
    shots = Path(args.shots)
    shots.mkdir(parents=True, exist_ok=True)
    srv_log = Path(tempfile.gettempdir()) / "claimgraph-bench-pages-serve.log"
    srv = Server(str(db), srv_log)
    rows: list[list[str]] = []
    errors: dict[str, list[str]] = {}
    try:
        up = srv.wait()
        log(f"server up after {up:.1f} s at {srv.base}")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            try:
                for spec in specs:
                    log(f"{spec.name}: {spec.path}")
                    cold_ctx = browser.new_context(viewport=VIEWPORT)
                    cold = measure(cold_ctx, srv.base, spec)
                    cold_ctx.close()
                    ctx = browser.new_context(viewport=VIEWPORT)
                    slug = spec.name.replace(",", "").replace(" ", "-")
                    measure(ctx, srv.base, spec, shot=shots / f"{slug}.png")  # warms the cache
                    warm = [measure(ctx, srv.base, spec) for _ in range(args.runs)]
                    ctx.close()
                    api_ms, api_size = api_times(srv.base, spec, args.runs)
                    for s in [cold, *warm]:
                        errors.setdefault(spec.name, []).extend(s.errors)
                    ready = [s.ready_ms for s in warm]
                    wall = [s.wall_ms for s in warm]
                    rows.append(
                        [
                            f"{spec.name} (`{spec.path}`)",
                            fmt(statistics.median(ready)),
                            fmt(pct(ready, 95)),
                            fmt(statistics.median(wall)),
                            fmt(cold.ready_ms),
                            fmt(med([s.doc_ttfb for s in warm])),
                            fmt(med([s.api_ms for s in warm])) if spec.api else "—",
                            fmt(med([s.after_data for s in warm])) if spec.api else "—",
                            f"{fmt(api_ms)} (`{spec.api or spec.path}`)",
                            fmt(kib(cold.transfer)),
                            fmt(kib(statistics.median([s.transfer for s in warm]))),
                            fmt(kib(cold.decoded)),
                            fmt(cold.requests),
                            fmt(kib(api_size)),
                            fmt(warm[-1].nodes),
                            spec.note,
                        ]
                    )
                    log(
                        f"  ready median {statistics.median(ready):.0f} ms, cold {cold.ready_ms:.0f} ms"
                    )
            finally:
                browser.close()
    finally:
        srv.stop()
    return report(args, facts_machine, facts, db, build_s, built, rows, errors, shots)


COLUMNS = [
    "page",
    "usable ms (median)",
    "usable ms (p95)",
    "wall ms (median)",
    "cold usable ms",
    "HTML TTFB ms",
    "data fetch ms (in page)",
    "JS after data ms",
    "server ms (httpx, median)",
    "KiB transferred cold",
    "KiB transferred warm",
    "KiB decoded",
    "requests",
    "data/HTML KiB",
    "DOM elements",
    "usable when / note",
]


def report(
    args: argparse.Namespace,
    m: dict[str, str],
    facts: dict[str, Any],
    db: Path,
    build_s: float,
    built: bool,
    rows: list[list[str]],
    errors: dict[str, list[str]],
    shots: Path,
) -> str:
    out = [SECTION, ""]
    out.append(
        f"Run {m['date']}, commit {m['commit']}, {m['machine']}, {m['cpus (os.cpu_count)']} CPUs, "
        f"{m['total RAM']}, load average at start {m['load average at start (1/5/15 min)']} "
        "(a shared machine with other jobs running: noisy, read the medians)."
    )
    out.append("")
    out.append(
        f"Store: {facts['articles']:,} articles, {facts['claims']:,} claims "
        f"({facts['claims placed']:,} placed at {facts['places']:,} distinct places, "
        f"{facts['claims with a time']:,} with a time), {facts['entities']:,} entities, "
        f"{facts['file MiB']:.0f} MiB SQLite; built like section 6 ({args.real_docs} real "
        "articles ingested with `--no-dedupe`, then synthetic copies of real articles with 10 "
        "claims each)" + (f", in {build_s:.0f} s" if built else ", reused from the cache") + "."
    )
    out.append("")
    out.append(
        f"Method: `.venv/bin/python -m bench.pages --claims {args.claims} --runs {args.runs}`. "
        "`claimgraph serve` (uvicorn, 1 process) on 127.0.0.1; Debian chromium 1280×900, "
        "headless, via Playwright on the same machine. Per page: one *cold* run in a fresh "
        "browser context (empty HTTP cache), then one unmeasured visit to warm the cache and "
        f"{args.runs} measured runs, each in a new page of that context. *Usable* is "
        "`performance.now()` (0 = navigation start) at the first animation frame where the page "
        "is usable: the `load` event for the reader and /claims; `#map[data-ready]` and the "
        "country canvas for /map; `#timeline[data-ready]` and a `.vis-item` for /timeline; "
        "`#graph[data-ready]` for /graph. *Wall* is the Python clock around `goto` + that wait "
        "(includes Playwright round trips). p95 is nearest-rank over the runs. *HTML TTFB* is "
        "Navigation Timing `responseStart - requestStart`; *data fetch (in page)* is the "
        "Resource Timing `responseEnd - requestStart` of the page's data endpoint; *JS after data* "
        "is *usable* minus that fetch's `responseEnd` (parsing the JSON and drawing); *server ms* "
        "is the median of httpx GETs of that endpoint (or of the HTML page) after a first "
        "request. *KiB transferred* sums `transferSize` over the document and all resources "
        "(cold: everything; warm: what the cache did not answer); *decoded* is the "
        "uncompressed size."
    )
    out.append("")
    out.append("| " + " | ".join(COLUMNS) + " |")
    out.append("|---|" + "---:|" * (len(COLUMNS) - 2) + "---|")
    out += ["| " + " | ".join(r) + " |" for r in rows]
    out.append("")
    errs = {k: sorted(set(v)) for k, v in errors.items() if v}
    if errs:
        out.append("JavaScript errors: " + json.dumps(errs)[:800])
    else:
        out.append("No JavaScript errors on any page.")
    out.append(f"Screenshots (one per page, warm-up visit): `{shots}/*.png`.")
    out.append("")
    return "\n".join(out) + "\n"


def append_section(path: Path, section: str) -> None:
    """Append at the end (re-reading the file right before writing), replacing nothing."""
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    sep = (
        ""
        if current.endswith("\n\n") or not current
        else ("\n" if current.endswith("\n") else "\n\n")
    )
    with path.open("a", encoding="utf-8") as fh:
        fh.write(sep + section)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--claims", type=int, default=10_000, help="claims in the store (≥)")
    ap.add_argument("--runs", type=int, default=5, help="measured warm runs per page")
    ap.add_argument("--db", help="the store (built there when missing; default under /tmp)")
    ap.add_argument("--real-docs", type=int, default=200, help="real articles ingested first")
    ap.add_argument("--shots", default="/tmp/claimgraph-bench-pages/shots", help="screenshots")
    ap.add_argument("--out", type=Path, default=BENCH / "RESULTS.md", help="file to append to")
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()
    section = run(args)
    print(section)
    if not args.no_write:
        append_section(args.out, section)
        log(f"appended section 8 to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
