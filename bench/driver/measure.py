"""Runs the plan: libcs interleaved, rotated each round, each run its own process."""

import signal
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field

from . import config
from .build import HARNESS, stripped_size
from .plan import FLOOR, SIZE_ROWS


@dataclass
class Results:
    values: dict = field(default_factory=lambda: defaultdict(list))  # (row, column) -> [v]
    failed: dict = field(default_factory=dict)  # (row, column) -> reason

    def fail(self, row, column, reason):
        self.failed.setdefault((row, column), reason)


def _why(proc):
    if proc.returncode < 0:
        try:
            what = signal.Signals(-proc.returncode).name
        except ValueError:
            what = f"signal {-proc.returncode}"
        text = f"killed by {what}"
    else:
        text = f"exit status {proc.returncode}"
    last = proc.stderr.strip().splitlines()[-1:] if proc.stderr else []
    return text + (": " + last[0][:120] if last else "")


def _parse(stdout, suffix):
    """{name: value} from "name value unit" lines."""
    found = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) != 3:
            continue
        try:
            found[parts[0] + suffix] = float(parts[1])
        except ValueError:
            continue
    return found


class Runner:
    def __init__(self, plan, built, settings):
        self.plan, self.built, self.settings = plan, built, settings
        self.results = Results()

    def _argv(self, job, column):
        owner = HARNESS if column == FLOOR else column
        exe = self.built.exe.get((owner, job.program))
        if not exe:
            return None, self.built.why_not.get((owner, job.program), "not built")
        name = job.row.removesuffix(config.PINNED)  # the program prints the plain name
        if job.kind == "spawn":
            spawn = self.built.exe.get((HARNESS, "spawn"))
            if not spawn:
                return None, "spawn harness not built"
            argv = [str(spawn), name, str(self.settings.spawns), str(exe)]
        else:
            argv = [str(exe), "-t", str(self.settings.target_ms), name]
        return (config.PIN_COMMAND + argv if job.pinned else argv), ""

    def _run_job(self, job, column, round_index):
        res = self.results
        if (job.row, column) in res.failed:
            return
        if len(res.values[(job.row, column)]) > round_index:
            return  # an earlier run printed this row too (atexit gives two)
        argv, reason = self._argv(job, column)
        if argv is None:
            res.fail(job.row, column, reason)
            return
        try:
            proc = subprocess.run(argv, capture_output=True, text=True,
                                  timeout=self.settings.timeout_s)
        except subprocess.TimeoutExpired:
            res.fail(job.row, column, f"timed out after {self.settings.timeout_s} s")
            return
        except OSError as err:
            res.fail(job.row, column, f"cannot run: {err}")
            return
        if proc.returncode != 0:
            res.fail(job.row, column, _why(proc))
            return
        found = _parse(proc.stdout, config.PINNED if job.pinned else "")
        if job.row not in found:
            res.fail(job.row, column, "printed no value")
        for name, value in found.items():
            if len(res.values[(name, column)]) <= round_index:
                res.values[(name, column)].append(value)

    def sizes(self):
        for column in [c.name for c in self.settings.libcs]:
            for short, program in SIZE_ROWS.items():
                exe = self.built.exe.get((column, program))
                if not exe:
                    reason = self.built.why_not.get((column, program), "not built")
                    self.results.fail(f"size_{short}", column, reason)
                    self.results.fail(f"size_{short}_stripped", column, reason)
                    continue
                self.results.values[(f"size_{short}", column)].append(exe.stat().st_size)
                stripped = stripped_size(exe)
                if stripped is None:
                    self.results.fail(f"size_{short}_stripped", column, "strip failed")
                else:
                    self.results.values[(f"size_{short}_stripped", column)].append(stripped)
        tiny = self.built.exe.get((HARNESS, "tiny"))
        if tiny:
            self.results.values[("floor_elf_tiny", FLOOR)].append(tiny.stat().st_size)

    def rounds(self):
        names = [c.name for c in self.settings.libcs]
        total = self.settings.rounds
        for r in range(total):
            k = r % len(names)
            order = names[k:] + names[:k]
            start = time.monotonic()
            for job in self.plan.jobs:
                for column in ([FLOOR] if job.floor else order):
                    self._run_job(job, column, r)
            print(f"bench: round {r + 1}/{total} ({' '.join(order)}) took "
                  f"{time.monotonic() - start:.1f} s", file=sys.stderr, flush=True)
        return self.results
