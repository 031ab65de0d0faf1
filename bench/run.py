"""The benchmark suite, one command: throughput, spaCy baseline, stages, store size, API latency.

    .venv/bin/python bench/run.py [--quick] [--pg-url URL [--pg-reset]] [--docs N] [--keep]
    .venv/bin/python bench/run.py --only api [--api-db FILE] [--pg-url URL] [--out FILE]

Writes bench/RESULTS.md and prints it. See bench/README.md for what each number means.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import api_latency, throughput  # noqa: E402
from bench.common import BENCH, Table, guarded, machine_facts  # noqa: E402
from bench.corpus import build, unique_count, write_jsonl  # noqa: E402


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def corpus_table(docs: list[Any], path: Path, n_unique: int) -> Table:
    t = Table("1. Corpus", ["measure", "value"])
    words = sum(d.words for d in docs)
    t.notes.append(
        "Real texts read in place from ../shared/eval/*/dev.jsonl (`text`) and "
        "../shared/seed/*.txt, repeated with new ids, URLs (5 sites) and a varying "
        "first line; ingested with --no-dedupe."
    )
    t.add("articles", len(docs))
    t.add("unique source texts", n_unique)
    t.add("copies per text (max)", -(-len(docs) // n_unique))
    t.add("words (whitespace split)", words)
    t.add("words per article (mean)", words / len(docs))
    t.add("JSONL bytes", path.stat().st_size)
    return t


def findings(
    ratios: dict[str, float | None],
    latency: dict[str, dict[str, Any]],
    modes: list[throughput.Mode] | None,
) -> str:
    """A paragraph built from the measured numbers only."""
    out: list[str] = []
    r = ratios.get("ours_vs_spacy")
    if r is not None:
        out.append(
            f"End-to-end single-worker ingest runs at {r:.0%} of spaCy's parse-only speed "
            f"(start-up excluded), so the ≥ 50% target is {'met' if r >= 0.5 else 'not met'}."
        )
    else:
        out.append("The single-worker vs spaCy ratio was not measured.")
    for m in modes or []:
        if not m.available:
            out.append(f"{m.name.split(' (')[0]}: {m.why}.")
        elif m.error:
            out.append(f"{m.name.split(' (')[0]} failed ({m.error}).")
    two = ratios.get("two_vs_one")
    if two is not None:
        out.append(
            f"Two workers give {two:.2f}× one worker (target ≥ 1.7×: "
            f"{'met' if two >= 1.7 else 'not met'})."
        )
    dask = ratios.get("dask_vs_two")
    if dask is not None:
        out.append(
            f"The Dask LocalCluster runs at {dask:.2f}× the local 2-worker speed (target "
            f"within 15%: {'met' if abs(dask - 1) <= 0.15 else 'not met'})."
        )
    for backend, res in latency.items():
        if not res:
            out.append(f"API latency on {backend} was not measured.")
            continue
        slow = [p for p, v in res.items() if v.get(4) is None or v[4] >= 100]
        fast = [p for p, v in res.items() if v.get(4) is not None and v[4] < 100]
        worst = max(((v.get(4) or 0, p) for p, v in res.items()), default=(0, ""))
        if slow:
            out.append(
                f"On {backend}, p95 < 100 ms at 4 clients is met by {len(fast)} of "
                f"{len(res)} endpoints; not by {', '.join(f'`{p}`' for p in slow)} "
                f"(worst `{worst[1]}` at {worst[0]:,.0f} ms)."
            )
        else:
            out.append(
                f"On {backend}, every endpoint keeps p95 < 100 ms at 4 clients "
                f"(worst `{worst[1]}` at {worst[0]:,.0f} ms)."
            )
    out.append(
        "Numbers come from a shared 2-core machine unless the facts above say otherwise; "
        "treat differences under ~15% as noise."
    )
    return "## 7. Findings\n\n" + " ".join(out) + "\n"


def api_only(args: argparse.Namespace) -> int:
    """Section 6 alone (SQLite, and PostgreSQL with --pg-url): minutes instead of the whole
    suite's hour, for checking an API change. Writes its own file, never RESULTS.md's others."""
    import shutil

    duration = 4.0 if args.quick else 10.0
    out = args.out if args.out != BENCH / "RESULTS.md" else BENCH / "RESULTS-api.md"
    tmp = tempfile.TemporaryDirectory(prefix="claimgraph-bench-api-")
    work = Path(tmp.name)
    facts = machine_facts()
    info: api_latency.BuildInfo | None = None
    if args.api_db:
        api_db = work / "api.db"
        shutil.copyfile(args.api_db, api_db)
        log(f"serving a copy of {args.api_db}")
    else:
        n_docs = args.docs or 300
        log(f"building the API store from {n_docs} corpus articles (≥ {args.claims:,} claims)")
        seed = write_jsonl(build(n_docs)[:300], work / "api-seed.jsonl")
        api_db, info = api_latency.build_sqlite(None, work, args.claims, seed)
    sections: list[str] = []
    latency: dict[str, dict[str, Any]] = {"SQLite": {}}
    log("API latency on SQLite")
    t6 = api_latency.latency_table(
        "6. API latency (SQLite)",
        str(api_db),
        work,
        duration=duration,
        build=info,
        results=latency["SQLite"],
    )
    sections.append(t6.markdown())
    if args.pg_url:
        log("loading the store into PostgreSQL")
        _, secs = api_latency.to_postgres(api_db, args.pg_url, reset=args.pg_reset)
        log("API latency on PostgreSQL")
        latency["PostgreSQL"] = {}
        t6pg = api_latency.latency_table(
            "6b. API latency (PostgreSQL)",
            args.pg_url,
            work,
            duration=duration,
            build=info,
            results=latency["PostgreSQL"],
        )
        t6pg.notes.append(f"Loaded from the SQLite store in {secs:.0f} s, then VACUUM ANALYZE.")
        sections.append(t6pg.markdown())
    head = [
        "# claimgraph API latency (bench/run.py --only api)",
        "",
        "| fact | value |",
        "|---|---|",
    ]
    head += [f"| {k} | {v} |" for k, v in facts.items()]
    report = "\n".join(head) + "\n\n" + "\n".join(sections)
    out.write_text(report, encoding="utf-8")
    print(report)
    if args.keep:
        log(f"kept {work}")
        tmp._finalizer.detach()  # type: ignore[attr-defined]
    else:
        tmp.cleanup()
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="~200 articles, shorter load runs")
    ap.add_argument("--docs", type=int, help="corpus size (default 1000, quick 200)")
    ap.add_argument("--pg-url", help="also measure API latency on this PostgreSQL database")
    ap.add_argument("--pg-reset", action="store_true", help="empty the PostgreSQL database first")
    ap.add_argument("--claims", type=int, default=100_000, help="claims in the API store")
    ap.add_argument("--out", type=Path, default=BENCH / "RESULTS.md")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument(
        "--only",
        choices=["all", "api"],
        default="all",
        help="api: only section 6 (API latency), written to --out (default bench/RESULTS-api.md)",
    )
    ap.add_argument(
        "--api-db",
        type=Path,
        help="with --only api: serve a copy of this SQLite API store instead of building one",
    )
    args = ap.parse_args()
    if args.only == "api":
        return api_only(args)
    n_docs = args.docs or (200 if args.quick else 1000)
    n_stage = min(n_docs, 50 if args.quick else 150)
    duration = 4.0 if args.quick else 10.0
    t_start = time.perf_counter()
    facts = machine_facts()
    tmp = tempfile.TemporaryDirectory(prefix="claimgraph-bench-")
    work = Path(tmp.name)
    log(f"working in {work}")
    sections: list[str] = []
    ratios: dict[str, float | None] = {}
    latency: dict[str, dict[str, Any]] = {}
    modes: list[throughput.Mode] | None = None

    t1 = Table("1. Corpus", ["measure", "value"])
    built = guarded(t1, lambda: build(n_docs))
    docs = built or []
    corpus_path = work / "corpus.jsonl"
    if docs:
        write_jsonl(docs, corpus_path)
        t1 = guarded(t1, lambda: corpus_table(docs, corpus_path, unique_count())) or t1
    sections.append(t1.markdown())

    t2 = Table("2. End-to-end throughput", ["mode"])
    t3 = Table("3. Baseline in the same run", ["measure"])
    startup = None
    if docs:
        log("warm-up / start-up ingest")
        startup = guarded(t2, lambda: throughput.measure_startup(docs, work))
        modes = throughput.modes(corpus_path, work)
        for m in modes:
            if m.available:
                log(f"throughput: {m.name}")
            guarded(t2, lambda m=m: throughput.run_modes([m], n_docs, work))
        t2 = throughput.throughput_table(modes, docs, startup)
        log("spaCy baseline")
        base = guarded(t3, lambda: throughput.spacy_baseline(docs))
        if base is not None:
            t3, ratios = throughput.baseline_table(modes, docs, startup, base)
    else:
        t2.fail("no corpus")
        t3.fail("no corpus")
    sections += [t2.markdown(), t3.markdown()]

    t4 = Table("4. Per-stage time", ["stage"])
    if docs:
        log(f"per-stage time on {n_stage} articles")
        t4 = guarded(t4, lambda: throughput.stage_table(docs[:n_stage], work)) or t4
    sections.append(t4.markdown())

    size_slot = len(sections)
    sections.append("")
    t6 = Table("6. API latency (SQLite)", ["endpoint"])
    api_db: Path | None = None
    log(f"building the API store (≥ {args.claims:,} claims)")
    one_db = modes[0].db if modes and modes[0].available else None
    res = guarded(
        t6,
        lambda: api_latency.build_sqlite(
            one_db,
            work,
            args.claims,
            write_jsonl(docs[:300], work / "api-seed.jsonl") if docs else None,
        ),
    )
    if res is not None:
        api_db, info = res
        log("API latency on SQLite")
        latency["SQLite"] = {}
        t6 = (
            guarded(
                t6,
                lambda: api_latency.latency_table(
                    "6. API latency (SQLite)",
                    str(api_db),
                    work,
                    duration=duration,
                    build=info,
                    results=latency["SQLite"],
                ),
            )
            or t6
        )
    sections.append(t6.markdown())
    if args.pg_url:
        t6pg = Table("6b. API latency (PostgreSQL)", ["endpoint"])
        if api_db is None:
            t6pg.fail("the SQLite API store was not built")
        else:
            log("loading the store into PostgreSQL")
            loaded = guarded(
                t6pg, lambda: api_latency.to_postgres(api_db, args.pg_url, reset=args.pg_reset)
            )
            if loaded is not None:
                log("API latency on PostgreSQL")
                latency["PostgreSQL"] = {}
                t6pg = (
                    guarded(
                        t6pg,
                        lambda: api_latency.latency_table(
                            "6b. API latency (PostgreSQL)",
                            args.pg_url,
                            work,
                            duration=duration,
                            build=info,
                            results=latency["PostgreSQL"],
                        ),
                    )
                    or t6pg
                )
                t6pg.notes.append(
                    f"Loaded from the SQLite store in {loaded[1]:.0f} s, then VACUUM ANALYZE."
                )
        sections.append(t6pg.markdown())

    size_rows = [(f"throughput store, 1 worker ({n_docs:,} corpus articles)", work / "one.db")]
    if api_db is not None:
        size_rows.append(("API store (real + synthetic)", api_db))
    sections[size_slot] = throughput.size_table(size_rows).markdown()
    sections.append(findings(ratios, latency, modes))

    total = time.perf_counter() - t_start
    head = [
        "# claimgraph benchmark results",
        "",
        f"`bench/run.py{' --quick' if args.quick else ''}"
        f"{' --pg-url …' if args.pg_url else ''}` — total {total / 60:.1f} min.",
        "",
        "| fact | value |",
        "|---|---|",
    ]
    head += [f"| {k} | {v} |" for k, v in facts.items()]
    report = "\n".join(head) + "\n\n" + "\n".join(sections)
    args.out.write_text(report, encoding="utf-8")
    print(report)
    if args.keep:
        log(f"kept {work}")
        tmp._finalizer.detach()  # type: ignore[attr-defined]
    else:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
