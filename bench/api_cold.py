"""Uncached cost of the API rows of section 6: the app's answer caches (web/api/answers.py,
the export cache) are emptied before every request and each request carries a unique dummy
query parameter, so each request does the full work. One client, in-process (TestClient).

    .venv/bin/python -m bench.api_cold DB [DB ...] [--runs 15]

DB is a SQLite path or a PostgreSQL URL (e.g. the stores `bench/run.py --only api --keep`
leaves). Prints a markdown table: median and p95 (nearest rank) per endpoint and store.
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.api_latency import ENDPOINTS, pct


def cold_times(db: str, runs: int) -> dict[str, list[float]]:
    """Per endpoint path, `runs` request times in ms, none answered from a cache."""
    from fastapi.testclient import TestClient

    from claimgraph.web import create_app

    out: dict[str, list[float]] = {}
    app = create_app(db=db)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        for _label, path in ENDPOINTS:
            sep = "&" if "?" in path else "?"
            c.get(f"{path}{sep}_cold=warmup")  # imports, compiled statements
            times = []
            for i in range(runs):
                for cache in ("answer_cache", "export_cache"):  # made again on first use
                    if hasattr(app.state, cache):
                        delattr(app.state, cache)
                t = time.perf_counter()
                r = c.get(f"{path}{sep}_cold={i}")
                times.append(1000 * (time.perf_counter() - t))
                if r.status_code != 200:
                    raise RuntimeError(f"{path}: HTTP {r.status_code}")
            out[path] = times
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", nargs="+", help="SQLite path or PostgreSQL URL")
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    results = {db: cold_times(db, args.runs) for db in args.db}
    names = ["PostgreSQL" if db.startswith("postgresql") else "SQLite" for db in args.db]
    head = "| endpoint | " + " | ".join(f"{n} median ms | {n} p95 ms" for n in names) + " |"
    print(head)
    print("|---|" + "---:|---:|" * len(names))
    for _label, path in ENDPOINTS:
        cells = []
        for db in args.db:
            v = results[db][path]
            cells += [f"{statistics.median(v):.1f}", f"{pct(v, 95):.1f}"]
        print(f"| `{path}` | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
