"""Finding 11 (SIGTERM, bulk half): `claimgraph bulk --local-cluster` stopped with SIGTERM
shuts its Dask workers down instead of orphaning them, exits 143, and the same command then
resumes from the manifest."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

psutil = pytest.importorskip("psutil")
pytest.importorskip("dask.distributed")
pytestmark = pytest.mark.slow


def _corpus(tmp_path: Path, n: int = 60) -> Path:
    path = tmp_path / "wire.jsonl"
    rows = [
        {
            "url": f"https://news.example/{i}",
            "title": f"Story {i}",
            "text": f"Police in town {i} arrested {i % 7 + 2} men on Monday after a fire at pier "
            f"{i}, a spokeswoman said. The council of district {i} met on Tuesday.",
        }
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _bulk(src: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "claimgraph",
        "bulk",
        str(src),
        "--out",
        str(out),
        "--local-cluster",
        "1",
        "--lines-per-partition",
        "4",
        "--no-load",
        "--json",
    ]


def test_sigterm_stops_the_local_cluster_and_the_batch_resumes(tmp_path):
    src, out = _corpus(tmp_path), tmp_path / "out"
    proc = subprocess.Popen(_bulk(src, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    me = psutil.Process(proc.pid)
    children: list = []
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        children = me.children(recursive=True)
        if children and (out / "manifest.json").exists():
            break
        time.sleep(0.2)
    if proc.poll() is not None:
        pytest.fail(f"bulk ended before it could be stopped: {proc.stderr.read().decode()[-2000:]}")
    time.sleep(3)  # let the worker start on the partitions
    children = me.children(recursive=True)
    assert children, "no Dask worker process was started"
    start = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    assert time.monotonic() - start < 30
    assert proc.returncode == 143, proc.stderr.read().decode()[-2000:]
    gone, alive = psutil.wait_procs(children, timeout=15)
    assert alive == [], f"orphaned workers: {[p.pid for p in alive]}"
    assert "run the same command again to resume" in proc.stderr.read().decode()

    again = subprocess.run(_bulk(src, out), capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-2000:]
    summary = json.loads(again.stdout)
    assert summary["partitions"] == 15 and summary["failed"] == []
    assert summary["skipped"] + summary["ran"] == 15
