"""API latency on a store of ≥ 100k claims: build it, serve it, load it, report percentiles.

The store starts from real ingested articles (a copy of the 1-worker throughput store) and grows
with synthetic articles (copies of real ones: metadata, text, search entry) each carrying copies
of real claim records with new ids, shifted years and, for half of them, another agent/recipient
of the same entity type. PostgreSQL (--pg-url) gets the same rows, copied table by table.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from bench.common import Table, claimgraph_cmd, free_port, mib, tree_rss

ENDPOINTS = [
    ("claims, first page", "/api/claims?limit=50"),
    ("claims of an entity", "/api/claims?entity=Iran&limit=50"),
    ("entity profile", "/api/entities/Iran"),
    ("full-text search", "/api/search?q=drone"),
    ("map data (the /map page's places)", "/api/map"),
    ("map data (GeoJSON export)", "/api/export/geojson?event=SUPPLY"),
    ("timeline data", "/api/timeline"),
    ("network data", "/api/graph?limit=100"),
]
CLAIMS_PER_SYNTHETIC_ARTICLE = 10
BATCH = 5000


@dataclass
class BuildInfo:
    """What the store builder produced."""

    real_articles: int = 0
    real_claims: int = 0
    articles: int = 0
    claims: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def _models() -> Any:
    from claimgraph.store import models

    return models


def _index_rows(dialect: str, rows: list[dict[str, Any]]) -> tuple[Any, list[dict[str, Any]]]:
    """The full-text index insert for this dialect (the same tables repo._index fills)."""
    if dialect == "sqlite":
        return text("INSERT INTO article_fts(rowid, title, text) VALUES (:id, :title, :text)"), rows
    return text(
        "INSERT INTO article_search(article_id, title, text) VALUES (:id, :title, :text)"
    ), rows


def _shift_year(value: str | None, years: int) -> str | None:
    if not value or not years:
        return value
    m = re.match(r"^(\d{4})", value)
    return f"{int(m.group(1)) - years:04d}{value[4:]}" if m else value


def grow_store(store: Any, target_claims: int, seed: int = 7) -> BuildInfo:
    """Add synthetic articles and claims to `store` (which already holds real ones) until it
    holds at least `target_claims` claims."""
    m = _models()
    info = BuildInfo()
    t0 = time.perf_counter()
    rng = random.Random(seed)
    with store.session() as s:
        real_arts = s.execute(
            select(m.ArticleRow, m.RevisionRow.text)
            .join(
                m.RevisionRow,
                (m.RevisionRow.article_id == m.ArticleRow.id)
                & (m.RevisionRow.number == m.ArticleRow.current_revision),
            )
            .order_by(m.ArticleRow.id)
        ).all()
        real_claims = [dict(r._mapping) for r in s.execute(select(m.ClaimRow.__table__)).all()]
        ents = s.execute(select(m.EntityRow.id, m.EntityRow.name, m.EntityRow.type)).all()
        max_aid = s.scalar(select(func.max(m.ArticleRow.id))) or 0
    info.real_articles, info.real_claims = len(real_arts), len(real_claims)
    if not real_arts or not real_claims:
        raise RuntimeError(
            f"no real data to copy ({len(real_arts)} articles, {len(real_claims)} claims)"
        )
    by_type: dict[str, list[tuple[str, str]]] = {}
    ent_type = {}
    for eid, name, typ in ents:
        by_type.setdefault(typ, []).append((eid, name))
        ent_type[eid] = typ
    need = max(0, target_claims - len(real_claims))
    n_new = -(-need // CLAIMS_PER_SYNTHETIC_ARTICLE)
    base_day = datetime(2024, 6, 30)
    dialect = store.dialect
    ci = 0
    for start in range(0, n_new, BATCH // CLAIMS_PER_SYNTHETIC_ARTICLE):
        arts, revs, idx, claims = [], [], [], []
        for i in range(start, min(n_new, start + BATCH // CLAIMS_PER_SYNTHETIC_ARTICLE)):
            src, body = real_arts[i % len(real_arts)]
            aid = max_aid + 1 + i
            day = base_day - timedelta(days=i % 1500)
            arts.append(
                {
                    "id": aid,
                    "title": src.title,
                    "url": f"{src.url or 'https://x.example/a'}?copy={i}",
                    "site": src.site,
                    "author": src.author,
                    "published": day.date().isoformat(),
                    "published_utc": day,
                    "language": src.language,
                    "language_score": src.language_score,
                    "extraction_supported": src.extraction_supported,
                    "current_revision": 1,
                }
            )
            revs.append(
                {
                    "article_id": aid,
                    "number": 1,
                    "text": body,
                    "reason": "ingest",
                    "text_hash": hashlib.sha256(f"{i}:{body}".encode()).hexdigest(),
                }
            )
            idx.append({"id": aid, "title": src.title or "", "text": body})
            for _ in range(CLAIMS_PER_SYNTHETIC_ARTICLE):
                claims.append(
                    _copy_claim(real_claims[ci % len(real_claims)], aid, ci, rng, by_type, ent_type)
                )
                ci += 1
        with store.session() as s:
            s.execute(insert(m.ArticleRow), arts)
            s.execute(insert(m.RevisionRow), revs)
            stmt, rows = _index_rows(dialect, idx)
            s.execute(stmt, rows)
            s.execute(insert(m.ClaimRow), claims)
    with store.session() as s:
        # the claims went in past the writer: fill the network it keeps (graph_index) once
        from claimgraph.store import graph_index

        graph_index.rebuild_all(s)
        info.articles = s.scalar(select(func.count()).select_from(m.ArticleRow)) or 0
        info.claims = s.scalar(select(func.count()).select_from(m.ClaimRow)) or 0
    info.seconds = time.perf_counter() - t0
    return info


def _copy_claim(
    c: dict[str, Any],
    aid: int,
    n: int,
    rng: random.Random,
    by_type: dict[str, list[tuple[str, str]]],
    ent_type: dict[str, str],
) -> dict[str, Any]:
    """A copy of a real claim row with a new id and article, a shifted year and maybe other actors."""
    data = json.loads(c["data"])
    cid = hashlib.blake2b(f"bench-claim-{n}".encode(), digest_size=8).hexdigest()
    data["id"] = cid
    years = n % 4
    row = {k: v for k, v in c.items() if k != "pk"}
    row.update(id=cid, article_id=aid, revision=1)
    if isinstance(data.get("time"), dict):
        data["time"]["value"] = _shift_year(data["time"].get("value"), years)
    row["time_value"] = _shift_year(c.get("time_value"), years)
    if rng.random() < 0.5:
        for role, col in (("agent", "agent_id"), ("recipient", "recipient_id")):
            old = data.get(role)
            if isinstance(old, dict) and old.get("id") in ent_type:
                pool = by_type.get(ent_type[old["id"]], [])
                if pool:
                    eid, name = rng.choice(pool)
                    data[role] = {**old, "id": eid, "name": name}
                    row[col] = eid
    row["data"] = json.dumps(data, ensure_ascii=False)
    return row


COPY_ORDER = [
    "ArticleRow",
    "RevisionRow",
    "SourceRow",
    "EntityRow",
    "EntityNameRow",
    "ExtractionRow",
    "ClaimRow",
    "ClusterMemberRow",
    "GraphArticleNodeRow",
    "GraphArticleEdgeRow",
    "GraphNodeRow",
    "GraphEdgeRow",
    "ArticleStatsRow",
]


def copy_store(src: Any, dst: Any, *, reset: bool = False) -> float:
    """Copy the benchmark tables (and the search index) from one store to another; seconds."""
    m = _models()
    t0 = time.perf_counter()
    with dst.session() as s:
        have = s.scalar(select(func.count()).select_from(m.ArticleRow)) or 0
        if have and not reset:
            raise RuntimeError(
                f"the PostgreSQL database already holds {have} articles; give an "
                "empty database (or --pg-reset to empty it)"
            )
        if have:
            tables = ", ".join(getattr(m, n).__tablename__ for n in reversed(COPY_ORDER))
            s.execute(
                text(f"TRUNCATE {tables}, article_search, lsh_bands, article_fingerprints CASCADE")
            )
    for name in COPY_ORDER:
        table = getattr(m, name).__table__
        with src.sessions() as rs:
            result = rs.execute(select(table)).yield_per(BATCH)
            for part in result.partitions(BATCH):
                with dst.session() as ws:
                    ws.execute(insert(table), [dict(r._mapping) for r in part])
    with src.sessions() as rs:
        q = select(m.ArticleRow.id, m.ArticleRow.title, m.RevisionRow.text).join(
            m.RevisionRow,
            (m.RevisionRow.article_id == m.ArticleRow.id)
            & (m.RevisionRow.number == m.ArticleRow.current_revision),
        )
        for part in rs.execute(q).yield_per(BATCH).partitions(BATCH):
            stmt, rows = _index_rows(
                dst.dialect, [{"id": a, "title": t or "", "text": b} for a, t, b in part]
            )
            with dst.session() as ws:
                ws.execute(stmt, rows)
    with dst.engine.connect() as conn:
        # VACUUM as autovacuum would after a bulk insert: sets the visibility map, so
        # counts and groupings can be answered from indexes (index-only scans)
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    return time.perf_counter() - t0


# ---------------------------------------------------------------- serve + load


class Server:
    """`claimgraph serve` as a subprocess on 127.0.0.1, up once /api/health answers 200."""

    def __init__(self, db: str, log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log.open("wb")
        self.proc = subprocess.Popen(
            [
                *claimgraph_cmd(),
                "serve",
                "--db",
                db,
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait(self, timeout: float = 180) -> float:
        import httpx

        t0 = time.perf_counter()
        while time.perf_counter() - t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited {self.proc.returncode} (see {self.log.name})")
            try:
                if httpx.get(self.base + "/api/health", timeout=5).status_code == 200:
                    return time.perf_counter() - t0
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"/api/health did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def pct(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100) of a list of numbers."""
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(-(-q * len(s) // 100)) - 1))]


@dataclass
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    first_ms: float
    size: int
    status: int
    peak_rss: int


def load(base: str, path: str, *, concurrency: int, duration: float, server_pid: int) -> LoadResult:
    """Hit one endpoint with `concurrency` client threads for ~`duration` seconds."""
    import httpx

    with httpx.Client(timeout=300) as c:
        t = time.perf_counter()
        r = c.get(base + path)
        first_ms, size, status = 1000 * (time.perf_counter() - t), len(r.content), r.status_code
    lat: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + duration
    peak = 0
    stop = threading.Event()

    def rss() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(server_pid))
            stop.wait(0.25)

    def worker() -> None:
        nonlocal errors
        with httpx.Client(timeout=300) as client:
            while time.perf_counter() < deadline:
                t1 = time.perf_counter()
                try:
                    ok = client.get(base + path).status_code == 200
                except httpx.HTTPError:
                    ok = False
                ms = 1000 * (time.perf_counter() - t1)
                with lock:
                    if ok:
                        lat.append(ms)
                    else:
                        errors += 1

    poller = threading.Thread(target=rss, daemon=True)
    poller.start()
    t0 = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for f in [pool.submit(worker) for _ in range(concurrency)]:
            f.result()
    secs = time.perf_counter() - t0
    stop.set()
    poller.join()
    return LoadResult(len(lat), errors, secs, lat, first_ms, size, status, peak)


def latency_table(
    title: str,
    db: str,
    work: Path,
    *,
    duration: float,
    build: BuildInfo | None,
    results: dict[str, Any],
) -> Table:
    """Serve `db`, load every endpoint at concurrency 1 and 4, one row per (endpoint, clients)."""
    t = Table(
        title,
        [
            "endpoint",
            "clients",
            "requests",
            "req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "first ms",
            "errors",
            "body KiB",
            "server RSS MiB",
            "p95 < 100 ms",
        ],
    )
    if build:
        t.notes.append(
            f"Store: {build.articles:,} articles, {build.claims:,} claims "
            f"({build.real_articles:,} real articles / {build.real_claims:,} real claims, the rest "
            f"synthetic copies); built in {build.seconds:.0f} s."
        )
    t.notes.append(
        f"`claimgraph serve` on 127.0.0.1 (uvicorn, 1 process); httpx clients on the "
        f"same machine, ~{duration:.0f} s per row after one untimed first request."
    )
    srv = Server(db, work / f"serve-{abs(hash(db)) % 10000}.log")
    try:
        up = srv.wait()
        t.notes.append(f"Server ready after {up:.1f} s.")
        for _label, path in ENDPOINTS:
            for conc in (1, 4):
                try:
                    r = load(
                        srv.base,
                        path,
                        concurrency=conc,
                        duration=duration / 2 if conc == 1 else duration,
                        server_pid=srv.proc.pid,
                    )
                except Exception as exc:  # one endpoint failing must not stop the others
                    t.add(f"`{path}`", conc, f"failed: {type(exc).__name__}: {exc}")
                    continue
                if r.status != 200:
                    t.add(f"`{path}`", conc, f"failed: HTTP {r.status}")
                    continue
                p95 = pct(r.latencies_ms, 95)
                results.setdefault(path, {})[conc] = p95
                t.add(
                    f"`{path}`",
                    conc,
                    r.requests,
                    r.requests / r.seconds if r.seconds else None,
                    pct(r.latencies_ms, 50),
                    p95,
                    pct(r.latencies_ms, 99),
                    r.first_ms,
                    r.errors,
                    r.size / 1024,
                    mib(r.peak_rss),
                    None if p95 is None else ("met" if p95 < 100 else "NOT met"),
                )
    finally:
        srv.stop()
    return t


def build_sqlite(
    source_db: Path | None, work: Path, target: int, fallback_corpus: Path | None
) -> tuple[Path, BuildInfo]:
    """The ≥ target-claims SQLite store: a copy of the real store, then synthetic growth."""
    from claimgraph.store.db import open_store

    dst = work / "api.db"
    for p in (dst, Path(f"{dst}-wal"), Path(f"{dst}-shm")):
        p.unlink(missing_ok=True)
    if source_db is not None and source_db.exists():
        import sqlite3

        with sqlite3.connect(source_db) as con:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copyfile(source_db, dst)
    elif fallback_corpus is not None:
        proc = subprocess.run(
            [*claimgraph_cmd(), "ingest", str(fallback_corpus), "--db", str(dst), "--no-dedupe"],
            capture_output=True,
            timeout=1800,
        )
        if proc.returncode not in (0, 1) or not dst.exists():  # 1: some sources failed
            raise RuntimeError(f"seed ingest exited {proc.returncode}: {proc.stderr[-300:]!r}")
    else:
        raise RuntimeError("no real store to start from")
    store = open_store(str(dst))
    try:
        info = grow_store(store, target)
    finally:
        store.close()
    return dst, info


def to_postgres(sqlite_db: Path, pg_url: str, *, reset: bool) -> tuple[str, float]:
    """Load the SQLite benchmark store into PostgreSQL; (url, seconds)."""
    from claimgraph.store.db import open_store

    src = open_store(str(sqlite_db))
    dst = open_store(pg_url)
    try:
        secs = copy_store(src, dst, reset=reset)
    finally:
        src.close()
        dst.close()
    return pg_url, secs
