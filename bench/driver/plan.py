"""What to measure: the rows of the table and the process runs that give them."""

import subprocess
from dataclasses import dataclass, field

from . import config
from .build import HARNESS

FLOOR = "floor"  # the column of the no-libc floors
SIZE_ROWS = {"empty": "startup_empty", "hello": "startup_hello"}


@dataclass
class Row:
    name: str
    unit: str
    section: str
    solo: bool = False  # one thread: instruction counts are meaningful
    program: str = ""  # the benchmark program that prints it


@dataclass
class Job:
    """One process run per libc (or one for the floors), giving one row."""
    kind: str  # "micro": a bench_rows program; "spawn": start-up via the spawn harness
    program: str
    row: str  # the row it measures (with the pinned suffix if pinned)
    pinned: bool = False
    floor: bool = False  # runs once, as the harness, into the floor column


@dataclass
class Plan:
    rows: list = field(default_factory=list)
    jobs: list = field(default_factory=list)


def _listing(exe):
    """The rows a bench_rows program declares: (name, unit, flags)."""
    try:
        out = subprocess.run([str(exe), "--list"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return []
    rows = []
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3:
            rows.append((parts[0], parts[1], set(parts[2].split(","))))
    return rows


def _first_exe(built, libc_names, program):
    for libc in [config.REFERENCE, "musl", *libc_names]:
        exe = built.exe.get((libc, program))
        if exe:
            return exe
    return None


def _add_micro(plan, section, program, listing, floor):
    pinned = []
    for name, unit, flags in listing:
        plan.rows.append(Row(name, unit, section, "solo" in flags, program))
        plan.jobs.append(Job("micro", program, name, floor=floor))
        if "wake" in flags:
            pinned.append((name + config.PINNED, unit))
    for name, unit in pinned:
        plan.rows.append(Row(name, unit, section, False, program))
        plan.jobs.append(Job("micro", program, name, pinned=True, floor=floor))


def _add_startup(plan, startups):
    for program in startups:
        plan.rows.append(Row(program, "us", "startup", False, program))
        plan.jobs.append(Job("spawn", program, program))
    for program in startups:
        name = program + config.PINNED
        plan.rows.append(Row(name, "us", "startup", False, program))
        plan.jobs.append(Job("spawn", program, name, pinned=True))


def _add_sizes(plan):
    for short in SIZE_ROWS:
        plan.rows.append(Row(f"size_{short}", "bytes", "size"))
        plan.rows.append(Row(f"size_{short}_stripped", "bytes", "size"))


def _add_floors(plan, built):
    exe = built.exe.get((HARNESS, "floors"))
    if exe:
        _add_micro(plan, "floors", "floors", _listing(exe), floor=True)
    if built.exe.get((HARNESS, "tiny")):
        for name in ("floor_execve_tiny", "floor_execve_tiny" + config.PINNED):
            plan.rows.append(Row(name, "us", "floors", False, "tiny"))
            plan.jobs.append(Job("spawn", "tiny", name, config.PINNED in name, floor=True))
        plan.rows.append(Row("floor_elf_tiny", "bytes", "floors"))


def make_plan(built, programs, libc_names):
    plan = Plan()
    _add_sizes(plan)
    _add_startup(plan, [p for p in programs if p.startswith("startup_")])
    for program in programs:
        if program.startswith("startup_"):
            continue
        exe = _first_exe(built, libc_names, program)
        if exe:
            _add_micro(plan, config.section_of(program), program, _listing(exe), floor=False)
    _add_floors(plan, built)
    plan.rows.sort(key=lambda r: config.section_key(r.section))  # stable within a section
    return plan
