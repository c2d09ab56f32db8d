"""Settings (from the environment), paths, and the libcs under comparison."""

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
ROOT = BENCH.parent
OUT = BENCH / "out"
SRC = BENCH / "src"

WARNINGS = ["-Wall", "-Wextra"]

# The reference libc: ratios are relative to it.
REFERENCE = "glibc"

# Units where a larger number is better; for all others smaller is better.
HIGHER_IS_BETTER = {"GB/s", "rt/s"}

# A program's section is its name up to the first "_" (string_memcpy: string).
# Sections in this order; sections not listed follow, sorted by name.
SECTION_ORDER = [
    "size", "startup", "atexit", "thread", "mutex", "cond", "barrier", "rwlock", "once",
    "tsd", "spin", "sem", "string", "malloc", "stdio", "floors",
]
# Programs in this order within their section; the others by name.
PROGRAM_ORDER = [
    "startup_empty", "startup_hello", "startup_atexit1k",
    "string_memcpy", "string_memset", "string_memchr", "string_strlen", "string_memcmp",
]


def section_of(program):
    return program.split("_", 1)[0]


def section_key(section):
    s = SECTION_ORDER.index(section) if section in SECTION_ORDER else len(SECTION_ORDER)
    return (s, section)


def program_key(program):
    p = PROGRAM_ORDER.index(program) if program in PROGRAM_ORDER else len(PROGRAM_ORDER)
    return (*section_key(section_of(program)), p, program)

# The floor that bounds a row from below, shown beside it.
FLOOR_OF = {
    "size_empty_stripped": "floor_elf_tiny",
    "size_hello_stripped": "floor_elf_tiny",
    "thread_create_join": "floor_clone_exit_join",
    "thread_create_detached": "floor_clone_exit_join",
    "cond_pingpong_2t": "floor_futex_pingpong_2t",
}
for _row in ("startup_empty", "startup_hello", "startup_atexit1k"):
    FLOOR_OF[_row] = "floor_execve_tiny"
for _size in ("64", "4k", "1m"):
    FLOOR_OF["memcpy_" + _size] = "floor_rep_movsb_" + _size
    FLOOR_OF["memset_" + _size] = "floor_rep_stosb_" + _size

PINNED = "@1cpu"
PIN_COMMAND = ["taskset", "-c", "0"]


@dataclass
class Libc:
    name: str
    compiler: list  # argv prefix: compiler and its libc-selecting flags
    missing: str = ""  # why it cannot be used, if it cannot

    @property
    def usable(self):
        return not self.missing


def _libcs():
    wrapper = Path(os.environ.get("RUSTCRT_CC") or ROOT / "bin" / "rustcrt-cc")
    rustcrt = Libc("rustcrt", [str(wrapper), "-O2"])
    if not os.access(wrapper, os.X_OK):
        rustcrt.missing = f"{wrapper} not found (run `make lib`)"
    glibc = Libc("glibc", ["gcc", "-O2", "-static"])
    musl = Libc("musl", ["musl-gcc", "-O2", "-static"])
    if not shutil.which("musl-gcc"):
        musl.missing = "musl-gcc not found (apt-get install musl-tools)"
    return [rustcrt, glibc, musl]


def _flag(name):
    return os.environ.get(name, "") not in ("", "0", "no", "false")


def _number(name, default):
    text = os.environ.get(name, "")
    return int(text) if text.strip() else default


def _names(name):
    return [x for x in os.environ.get(name, "").replace(",", " ").split() if x]


@dataclass
class Settings:
    quick: bool
    rounds: int
    target_ms: int
    spawns: int
    timeout_s: int
    callgrind: bool
    only: list  # program names; empty = all
    libcs: list = field(default_factory=list)

    @property
    def complete(self):
        """A run over everything, worth recording in bench/RESULTS.md."""
        return not self.quick and not self.only and len(self.libcs) == 3


def settings():
    quick = _flag("QUICK")
    wanted = _names("LIBCS")
    libcs = [c for c in _libcs() if not wanted or c.name in wanted]
    return Settings(
        quick=quick,
        rounds=max(1, _number("ROUNDS", 1 if quick else 7)),
        target_ms=max(1, _number("TARGET_MS", 5 if quick else 30)),
        spawns=max(1, _number("SPAWNS", 50 if quick else 300)),
        timeout_s=max(5, _number("TIMEOUT", 30)),
        callgrind=_flag("CALLGRIND"),
        only=_names("ONLY"),
        libcs=libcs,
    )
