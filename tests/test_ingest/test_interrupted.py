"""An ingest killed half-way leaves no half-written article; a rerun completes with no duplicates."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

TOPICS = ["harbour", "election", "bridge", "vaccine", "drought", "railway", "festival", "mine"]


def write_corpus(folder, n):
    folder.mkdir()
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        (folder / f"story-{i:04d}.txt").write_text(
            f"Report {i} on the {topic}\n\n"
            f"Officials in district {i} said on Monday that the {topic} project number {i * 7919} "
            f"would be reviewed by a commission of {i % 13 + 2} members before the end of the year, "
            f"and residents of block {i * 31} were invited to comment in writing.\n"
        )


@pytest.mark.slow
def test_kill_mid_batch_then_resume(tmp_path):
    corpus = tmp_path / "corpus"
    n = 150
    write_corpus(corpus, n)
    db = tmp_path / "cg.db"
    cmd = [sys.executable, "-m", "claimgraph", "ingest", str(corpus), "--db", str(db)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True
    )
    stored = 0
    deadline = time.monotonic() + 120
    while stored < 20 and time.monotonic() < deadline:  # let it store some, then kill -9
        line = proc.stderr.readline()
        if not line:
            break
        stored += b"stored as article" in line
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 20 <= stored < n, "the process should be killed part-way through the batch"

    con = sqlite3.connect(db)
    partial = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert stored <= partial < n

    rerun = subprocess.run(cmd, capture_output=True, env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()[-2000:]
    con = sqlite3.connect(db)
    q = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    assert q("SELECT count(*) FROM articles") == n
    assert q("SELECT count(*) FROM article_revisions") == n
    assert q("SELECT count(DISTINCT text_hash) FROM article_revisions") == n
    assert q("SELECT count(*) FROM ingest_sources") == n
    assert q("SELECT count(*) FROM article_fts") == n
    assert (
        q(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM article_revisions r WHERE r.article_id = a.id)"
        )
        == 0
    )
    assert (
        q(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM article_fingerprints f WHERE f.article_id = a.id)"
        )
        == 0
    )
    con.close()
    assert f"{partial} seen" in rerun.stderr.decode() or partial == 0
