"""Instruction counts with valgrind's callgrind: exact and repeatable.

Micro rows: only the bk_* kernel is collected (--toggle-collect), at two
iteration counts; the difference divided by the difference of the counts is
the cost of one operation, with warm-up and set-up cancelled.  Start-up rows:
the whole process."""

import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from .config import PINNED

VALGRIND = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
SMALL, LARGE = 2000, 4000  # operations; multiples of malloc's batch of 1000
BYTES_BUDGET = 1 << 23  # at most this many bytes per run of a string row


def available():
    return shutil.which("valgrind") is not None


def _collected(argv):
    try:
        run = subprocess.run(VALGRIND + argv, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return None
    found = re.search(r"Collected : (\d+)", run.stderr)
    return int(found.group(1)) if run.returncode == 0 and found else None


def _bytes_per_op(row):
    """The bytes of a GB/s row, from its name (..._64, _4k, _1m)."""
    return {"64": 64, "4k": 4096, "1m": 1 << 20}.get(row.rsplit("_", 1)[-1], 64)


def _per_op(exe, row, unit):
    small, large = SMALL, LARGE
    if unit == "GB/s":
        small = max(4, min(16384, BYTES_BUDGET // _bytes_per_op(row) // 2))
        large = 2 * small
    toggle = ["--toggle-collect=bk_*"]
    a = _collected(toggle + [str(exe), "-n", str(small), row])
    b = _collected(toggle + [str(exe), "-n", str(large), row])
    if a is None or b is None:
        return None
    return (b - a) / (large - small)


def _task(row, exe):
    if row.section == "startup":
        return _collected([str(exe)])
    return _per_op(exe, row.name, row.unit)


def count(plan, built, columns):
    """[(name, unit, {column: Ir})] for the start-up rows and the one-thread rows."""
    rows = [r for r in plan.rows
            if (r.section == "startup" and not r.name.endswith(PINNED))
            or (r.solo and r.section != "floors")]
    tasks = [(row, column, built.exe[(column, row.program)])
             for row in rows for column in columns if (column, row.program) in built.exe]
    print(f"bench: callgrind: {len(tasks)} counts", file=sys.stderr, flush=True)
    with ThreadPoolExecutor(max_workers=max(1, len(os.sched_getaffinity(0)))) as pool:
        counted = list(pool.map(lambda t: _task(t[0], t[2]), tasks))
    by_row = {row.name: {} for row in rows}
    for (row, column, _), ir in zip(tasks, counted):
        if ir is not None:
            by_row[row.name][column] = ir
    return [(row.name, "Ir/process" if row.section == "startup" else "Ir/op", by_row[row.name])
            for row in rows]
