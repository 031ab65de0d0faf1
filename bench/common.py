"""Shared helpers for the benchmark suite: tables, machine facts, process-tree RSS, timing."""

from __future__ import annotations

import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
VENV_BIN = Path(sys.executable).parent


def claimgraph_cmd() -> list[str]:
    """The CLI as a command line: the venv's entry point, else `python -m claimgraph`."""
    exe = VENV_BIN / "claimgraph"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "claimgraph"]


@dataclass
class Table:
    """One markdown table with a heading, an optional note and a failure slot."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failed: str | None = None

    def add(self, *cells: Any) -> None:
        self.rows.append([fmt(c) for c in cells])

    def fail(self, reason: str) -> None:
        self.failed = reason

    def markdown(self) -> str:
        out = [f"## {self.title}", ""]
        out += [n for n in self.notes] + ([""] if self.notes else [])
        out.append("| " + " | ".join(self.columns) + " |")
        out.append(
            "|" + "|".join("---" if i == 0 else "---:" for i in range(len(self.columns))) + "|"
        )
        for r in self.rows:
            out.append("| " + " | ".join(r + [""] * (len(self.columns) - len(r))) + " |")
        if self.failed:
            out.append(
                "| failed: "
                + self.failed.replace("|", "/").replace("\n", " ")[:400]
                + " |"
                + " |" * (len(self.columns) - 1)
            )
        return "\n".join(out) + "\n"


def fmt(v: Any) -> str:
    """Numbers with sensible precision; None as an em dash."""
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        if v != v:  # NaN
            return "—"
        if abs(v) >= 100:
            return f"{v:,.0f}"
        if abs(v) >= 10:
            return f"{v:.1f}"
        return f"{v:.2f}"
    return str(v)


def guarded(table: Table, fn: Callable[[], Any]) -> Any:
    """Run one section step; an exception becomes the table's `failed:` row, the run goes on."""
    try:
        return fn()
    except Exception as exc:  # a failing section must not stop the others
        table.fail(f"{type(exc).__name__}: {exc}")
        traceback.print_exc(file=sys.stderr)
        return None


def total_ram_bytes() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def git_head() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=10,
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=10,
        ).stdout.strip()
        return out.stdout.strip() + (" (+ uncommitted changes)" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def machine_facts() -> dict[str, str]:
    """Facts that make two RESULTS.md files comparable (or not)."""
    ram = total_ram_bytes()
    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    return {
        "date": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "commit": git_head(),
        "machine": f"{platform.system()} {platform.release()} {platform.machine()} "
        f"{platform.processor() or ''}".strip(),
        "python": platform.python_version(),
        "cpus (os.cpu_count)": str(os.cpu_count()),
        "total RAM": f"{ram / 2**30:.1f} GiB" if ram else "?",
        "load average at start (1/5/15 min)": load,
        "wrk": "installed" if shutil.which("wrk") else "not installed (httpx load generator)",
    }


# ---------------------------------------------------------------- process-tree RSS


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants (Linux /proc; 0 if unreadable)."""
    kids = _children_map()
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        todo.extend(kids.get(p, []))
        try:
            with open(f"/proc/{p}/statm", encoding="ascii") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    return total


@dataclass
class RunResult:
    """One timed subprocess: wall seconds, exit code, peak RSS of its tree, stderr tail."""

    seconds: float
    returncode: int
    peak_rss: int | None
    rss_method: str
    tail: str


def run_timed(
    cmd: Sequence[str], *, log: Path, timeout: float, cwd: Path | None = None
) -> RunResult:
    """Run `cmd`, timing wall clock and polling the process tree's RSS every 0.1 s."""
    have_proc = Path("/proc/self/statm").exists()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak = 0
    with log.open("wb") as fh:
        t0 = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=fh, stderr=subprocess.STDOUT, cwd=cwd)
        stop = threading.Event()

        def poll() -> None:
            nonlocal peak
            while not stop.is_set():
                peak = max(peak, tree_rss(proc.pid))
                stop.wait(0.1)

        poller = threading.Thread(target=poll, daemon=True)
        if have_proc:
            poller.start()
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            rc = -9
        seconds = time.perf_counter() - t0
        stop.set()
        if have_proc:
            poller.join()
    if have_proc and peak:
        rss, method = peak, "/proc tree sum"
    else:
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        rss, method = (after * 1024 if after > before else None), "ru_maxrss (largest child)"
    tail = log.read_bytes()[-1500:].decode("utf-8", "replace")
    return RunResult(seconds, rc, rss, method, tail)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def mib(n: int | None) -> float | None:
    return None if n is None else n / 2**20
