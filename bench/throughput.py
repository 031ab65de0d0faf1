"""End-to-end throughput (CLI subprocesses), spaCy's parse-only baseline, per-stage time, store size."""

from __future__ import annotations

import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import Table, claimgraph_cmd, guarded, mib, run_timed
from bench.corpus import Doc, write_jsonl


@dataclass
class Mode:
    """One way of ingesting the corpus, and what it measured."""

    name: str
    cmd: list[str]
    db: Path
    available: bool = True
    why: str = ""
    seconds: float | None = None
    rss: int | None = None
    articles: int | None = None
    claims: int | None = None
    error: str | None = None
    failed_sources: int | None = None

    def words_per_s(self, words: int, startup: float = 0.0) -> float | None:
        if self.seconds is None or self.error:
            return None
        return words / max(self.seconds - startup, 1e-6)


def _help(args: list[str]) -> tuple[int, str]:
    try:
        p = subprocess.run(claimgraph_cmd() + args, capture_output=True, text=True, timeout=120)
        return p.returncode, p.stdout + p.stderr
    except (OSError, subprocess.SubprocessError) as exc:
        return 1, str(exc)


def store_counts(db: Path) -> tuple[int | None, int | None]:
    """(articles, claims) in a SQLite store, read with the stdlib driver."""
    if not db.exists():
        return None, None
    with sqlite3.connect(db) as con:
        arts = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    return arts, claims


def checkpointed_size(db: Path) -> int:
    """Bytes of the SQLite file plus its -wal/-shm after a WAL checkpoint (TRUNCATE)."""
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists())


def modes(corpus: Path, work: Path) -> list[Mode]:
    """The three ingest modes; options that do not exist (yet) give 'not available' rows."""
    base = claimgraph_cmd()
    one = Mode("1 worker (`ingest`)", [], work / "one.db")
    one.cmd = [*base, "ingest", str(corpus), "--db", str(one.db), "--no-dedupe"]
    two = Mode("2 workers (`ingest --workers 2`)", [], work / "two.db")
    two.cmd = [*base, "ingest", str(corpus), "--db", str(two.db), "--no-dedupe", "--workers", "2"]
    rc, text = _help(["ingest", "--help"])
    if "--workers" not in text:
        two.available, two.why = False, "not available: `claimgraph ingest` has no --workers option"
    dask = Mode("Dask LocalCluster 2 (`bulk --local-cluster 2`)", [], work / "dask.db")
    dask.cmd = [
        *base,
        "bulk",
        str(corpus),
        "--out",
        str(work / "bulk-out"),
        "--local-cluster",
        "2",
        "--db",
        str(dask.db),
    ]
    rc, text = _help(["bulk", "--help"])
    if rc != 0 or "--local-cluster" not in text:
        dask.available = False
        dask.why = "not available: no `claimgraph bulk --local-cluster` command"
    return [one, two, dask]


def measure_startup(docs: list[Doc], work: Path) -> float:
    """Seconds for `claimgraph ingest` of one short article: process start, model and gazetteer
    load (also warms the gazetteer cache so the timed runs do not build it)."""
    tiny = write_jsonl(docs[:1], work / "tiny.jsonl")
    res = run_timed(
        [*claimgraph_cmd(), "ingest", str(tiny), "--db", str(work / "warm.db"), "--no-dedupe"],
        log=work / "warm.log",
        timeout=600,
    )
    if res.returncode != 0:
        raise RuntimeError(f"warm-up ingest exited {res.returncode}: {res.tail[-300:]}")
    return res.seconds


def run_modes(ms: list[Mode], n_docs: int, work: Path) -> None:
    for m in ms:
        if not m.available:
            continue
        m.db.unlink(missing_ok=True)
        res = run_timed(m.cmd, log=work / f"{m.db.stem}.log", timeout=max(900, n_docs * 3))
        m.seconds, m.rss = res.seconds, res.peak_rss
        m.articles, m.claims = store_counts(m.db)
        lines = (work / f"{m.db.stem}.log").read_text("utf-8", "replace").splitlines()
        m.failed_sources = sum(1 for ln in lines if ln.lstrip().startswith("failed"))
        last = lines[-1].strip() if lines else ""
        # `ingest` exits 1 when some source failed; the others are stored and the run counts
        if res.returncode not in (0, 1):
            m.error = f"exit {res.returncode}: {last}"
        elif not m.articles or m.articles < 0.9 * n_docs:
            m.error = (
                f"exit {res.returncode}, only {m.articles or 0} of {n_docs} articles stored: {last}"
            )


def throughput_table(ms: list[Mode], docs: list[Doc], startup: float | None) -> Table:
    words = sum(d.words for d in docs)
    t = Table(
        "2. End-to-end throughput (ingest → claims stored, fresh SQLite store per run)",
        [
            "mode",
            "wall s",
            "articles/s",
            "words/s",
            "words/s excl. start-up",
            "peak RSS MiB",
            "articles stored",
            "claims stored",
            "failed sources",
        ],
    )
    t.notes.append(
        f"{len(docs):,} articles, {words:,} words; wall clock of the CLI subprocess (start-up "
        f"included); peak RSS = sum over the process tree, polled every 0.1 s. Start-up "
        f"(process + spaCy + gazetteer load, 1-article ingest): "
        f"{'—' if startup is None else f'{startup:.1f} s'}."
    )
    for m in ms:
        if not m.available:
            t.add(m.name, m.why)
            continue
        if m.error or m.seconds is None:
            t.add(m.name, f"failed: {m.error}", None, None, None, mib(m.rss), m.articles, m.claims)
            continue
        t.add(
            m.name,
            m.seconds,
            len(docs) / m.seconds,
            m.words_per_s(words),
            m.words_per_s(words, startup or 0.0),
            mib(m.rss),
            m.articles,
            m.claims,
            m.failed_sources,
        )
    return t


def spacy_baseline(docs: list[Doc]) -> tuple[float, float]:
    """(seconds, words/s) of spaCy's own nlp.pipe over the texts: parse only, batch 64, 1 process."""
    from claimgraph.extract.nlp import load_nlp

    nlp = load_nlp()
    nlp("Warm-up sentence for the pipeline.")
    words = sum(d.words for d in docs)
    t0 = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=64):
        pass
    secs = time.perf_counter() - t0
    return secs, words / secs


def ratio_row(
    t: Table, label: str, value: float | None, target: str, ok: bool | None, info: bool = False
) -> None:
    verdict = "not measured" if value is None else ("met" if ok else "NOT met")
    t.add(label, None if value is None else f"{value:.2f}", target, "" if info else verdict)


def baseline_table(
    ms: list[Mode], docs: list[Doc], startup: float | None, base: tuple[float, float] | None
) -> tuple[Table, dict[str, float | None]]:
    """Section 3: the spaCy ceiling and our ratios against it and against each other."""
    words = sum(d.words for d in docs)
    t = Table(
        "3. Baseline in the same run: spaCy parse only, and scaling ratios",
        ["measure", "value", "target", "verdict"],
    )
    ratios: dict[str, float | None] = {
        "ours_vs_spacy": None,
        "two_vs_one": None,
        "dask_vs_two": None,
        "ours_vs_spacy_gross": None,
    }
    if base is None:
        t.fail("spaCy baseline did not run")
        return t, ratios
    secs, wps = base
    t.notes.append(
        f"spaCy `nlp.pipe` (load_nlp(), batch 64, 1 process) over the same "
        f"{len(docs):,} texts: {secs:.1f} s, {wps:,.0f} words/s."
    )
    by = {m.name.split(" (")[0]: m for m in ms}
    one, two, dask = by.get("1 worker"), by.get("2 workers"), by.get("Dask LocalCluster 2")
    w1 = one.words_per_s(words, startup or 0.0) if one else None
    w1g = one.words_per_s(words) if one else None
    w2 = two.words_per_s(words) if two and two.available else None
    wd = dask.words_per_s(words) if dask and dask.available else None
    t.add("spaCy parse-only words/s (ceiling)", f"{wps:,.0f}", "", "")
    ratios["ours_vs_spacy"] = w1 / wps if w1 else None
    ratios["ours_vs_spacy_gross"] = w1g / wps if w1g else None
    ratio_row(
        t,
        "1 worker / spaCy (start-up excluded)",
        ratios["ours_vs_spacy"],
        "≥ 0.50",
        None if w1 is None else w1 / wps >= 0.5,
    )
    ratio_row(
        t,
        "1 worker / spaCy (start-up included)",
        ratios["ours_vs_spacy_gross"],
        "(info)",
        None,
        info=True,
    )
    w1w = one.words_per_s(words) if one else None
    ratios["two_vs_one"] = w2 / w1w if w2 and w1w else None
    ratio_row(
        t,
        "2 workers / 1 worker (wall clock)",
        ratios["two_vs_one"],
        "≥ 1.70",
        None if ratios["two_vs_one"] is None else ratios["two_vs_one"] >= 1.7,
    )
    ratios["dask_vs_two"] = wd / w2 if wd and w2 else None
    ratio_row(
        t,
        "Dask LocalCluster 2 / 2 workers",
        ratios["dask_vs_two"],
        "0.85 – 1.15",
        None if ratios["dask_vs_two"] is None else abs(ratios["dask_vs_two"] - 1) <= 0.15,
    )
    return t, ratios


def stage_table(sample: list[Doc], work: Path) -> Table:
    """Section 4: seconds per stage on a sample, in-process, like bench/extract_speed.py."""
    from claimgraph.extract.claims import extract_frames
    from claimgraph.extract.nlp import load_nlp
    from claimgraph.extraction import Extraction
    from claimgraph.ingest.article import Article
    from claimgraph.ingest.dedupe import fingerprint
    from claimgraph.ingest.sources import ReadOptions, read_jsonl
    from claimgraph.pipeline import write_extraction
    from claimgraph.resolve.claims import resolve_claims
    from claimgraph.resolve.entities import resolve_entities
    from claimgraph.resolve.places import find_places
    from claimgraph.resolve.times import tag_times
    from claimgraph.store import repo
    from claimgraph.store.db import open_store

    t = Table(
        "4. Per-stage time (in-process, one article at a time)",
        ["stage", "seconds", "share", "ms/article", "words/s"],
    )
    words = sum(d.words for d in sample)
    raw = write_jsonl(sample, work / "stages.jsonl").read_bytes()
    nlp = load_nlp()
    nlp("Warm-up.")
    find_places(nlp("Warm-up in Kazan."))
    db = work / "stages.db"
    db.unlink(missing_ok=True)
    store = open_store(str(db))
    st = dict.fromkeys(
        [
            "ingest/clean (read JSONL, clean, language)",
            "store article",
            "parse (spaCy)",
            "claims frames",
            "resolve: entities",
            "resolve: places",
            "resolve: times",
            "resolve: claims",
            "store extraction + clusters",
        ],
        0.0,
    )
    k = list(st)
    fp_s = 0.0
    t0 = time.perf_counter()
    arts = [
        a
        for a in read_jsonl(raw, label="stages.jsonl", opts=ReadOptions())
        if isinstance(a, Article)
    ]
    st[k[0]] = time.perf_counter() - t0
    for art in arts:
        c = time.perf_counter()
        fingerprint(art.text)
        fp_s += time.perf_counter() - c
        c = time.perf_counter()
        with store.session() as s:
            aid = repo.add_article(session=s, article=art, fp=None).article_id
        st[k[1]] += time.perf_counter() - c
        c = time.perf_counter()
        doc = nlp(art.text)
        st[k[2]] += time.perf_counter() - c
        c = time.perf_counter()
        frames = extract_frames(doc)
        st[k[3]] += time.perf_counter() - c
        c = time.perf_counter()
        ents = resolve_entities(doc)
        st[k[4]] += time.perf_counter() - c
        c = time.perf_counter()
        places = find_places(doc)
        st[k[5]] += time.perf_counter() - c
        c = time.perf_counter()
        times = tag_times(doc, art.published)
        st[k[6]] += time.perf_counter() - c
        c = time.perf_counter()
        claims = resolve_claims(
            frames,
            entities=ents,
            places=places,
            times=times,
            published=art.published,
            publisher=art.site or "publisher",
            article_key=str(aid),
        )
        st[k[7]] += time.perf_counter() - c
        c = time.perf_counter()
        ext = Extraction(
            id=str(aid),
            title=art.title,
            published=art.published.isoformat() if art.published else None,
            text=art.text,
            entities=ents,
            places=places,
            times=times,
            claims=claims,
        )
        with store.session() as s:  # the one writer: ids, history, clusters
            write_extraction(s, article_id=aid, revision=1, extraction=ext.to_dict())
        st[k[8]] += time.perf_counter() - c
    store.close()
    total = sum(st.values())
    n = max(len(arts), 1)
    t.notes.append(
        f"{len(arts)} articles, {words:,} words; the texts are the first articles of "
        f"the corpus. Parse is one `nlp(text)` per article (the pipeline pipes "
        f"paragraph chunks of ≤ 50k chars, i.e. one chunk for these)."
    )
    for name, secs in st.items():
        t.add(
            name,
            secs,
            f"{secs / total:.0%}" if total else "—",
            1000 * secs / n,
            words / secs if secs else None,
        )
    t.add("**total**", total, "100%", 1000 * total / n, words / total if total else None)
    t.add(
        "(not in the runs: MinHash fingerprint for dedupe)",
        fp_s,
        "",
        1000 * fp_s / n,
        words / fp_s if fp_s else None,
    )
    return t


def size_table(rows: list[tuple[str, Path]]) -> Table:
    """Section 5: SQLite bytes per 1k articles (file + WAL after a checkpoint)."""
    t = Table(
        "5. Store size (SQLite file incl. WAL/SHM after checkpoint)",
        ["store", "articles", "claims", "MiB", "MiB per 1k articles", "KiB per claim"],
    )
    for label, db in rows:

        def one(label: str = label, db: Path = db) -> None:
            if not db.exists():
                t.add(label, "not available (store was not built)")
                return
            size = checkpointed_size(db)
            arts, claims = store_counts(db)
            t.add(
                label,
                arts,
                claims,
                mib(size),
                mib(size) * 1000 / arts if arts else None,
                size / 1024 / claims if claims else None,
            )

        guarded(t, one)
    return t
