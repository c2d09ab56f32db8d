"""Compiles every benchmark program for every libc, and the harness."""

import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from . import config

HARNESS = "harness"


@dataclass
class Built:
    exe: dict = field(default_factory=dict)  # (libc, program) -> Path
    why_not: dict = field(default_factory=dict)  # (libc, program) -> reason


def programs(only):
    names = sorted((p.stem for p in config.SRC.glob("*.c")), key=config.program_key)
    return [n for n in names if not only or n in only or n.startswith("startup_")]


def _reason(log):
    """A one-line reason from a failed build's output."""
    missing = sorted(set(re.findall(r"undefined reference to [`']([^'`]+)'", log)))
    if missing:
        shown = ", ".join(missing[:6]) + (" …" if len(missing) > 6 else "")
        return "undefined: " + shown
    for line in log.splitlines()[1:]:  # the first line is the command
        if ("error" in line or "ld:" in line) and not line.startswith("collect2"):
            line = re.sub(r"^\S*ld: ", "", line.strip())
            line = re.sub(r"^\S+\.(?:a|o|c)(?:\([^)]*\))?:(?:\d+:\d+:)? ", "", line)
            return line[:160] if "error" in line else "link: " + line[:160]
    lines = log.strip().splitlines()
    return lines[-1][:160] if lines else "build failed"


def _compile(argv, log_path):
    try:
        run = subprocess.run(argv, capture_output=True, text=True, timeout=300)
        log = run.stdout + run.stderr
        ok = run.returncode == 0
    except (OSError, subprocess.TimeoutExpired) as err:
        log, ok = str(err), False
    log_path.write_text(" ".join(argv) + "\n" + log)
    return ok, log


def _build_one(libc, program):
    out_dir = config.OUT / libc.name
    exe = out_dir / program
    exe.unlink(missing_ok=True)
    argv = libc.compiler + config.WARNINGS + [str(config.SRC / f"{program}.c"), "-o", str(exe)]
    ok, log = _compile(argv, out_dir / f"{program}.log")
    if ok and not exe.exists():
        ok, log = False, log + "\nno executable produced"
    return exe if ok else None, "" if ok else _reason(log)


def _build_harness():
    out_dir = config.OUT / HARNESS
    out_dir.mkdir(parents=True, exist_ok=True)
    base = config.BENCH
    jobs = {
        "spawn": ["gcc", "-O2"] + config.WARNINGS + [str(base / "harness/spawn.c")],
        "floors": ["gcc", "-O2", "-static"] + config.WARNINGS + [str(base / "floors/floors.c")],
        "tiny": ["gcc", "-nostdlib", "-static", "-s", "-Wl,--build-id=none", "-Wl,-n",
                 "-Wl,--no-warn-rwx-segments", str(base / "floors/tiny.c")],
    }
    built = Built()
    for name, argv in jobs.items():
        ok, log = _compile(argv + ["-o", str(out_dir / name)], out_dir / f"{name}.log")
        if ok:
            built.exe[(HARNESS, name)] = out_dir / name
        else:
            built.why_not[(HARNESS, name)] = _reason(log)
    return built


def build_all(libcs, names):
    """Builds the harness and every (libc, program); never raises on a failed build."""
    built = _build_harness()
    for libc in libcs:
        (config.OUT / libc.name).mkdir(parents=True, exist_ok=True)
    todo = [(c, p) for c in libcs if c.usable for p in names]
    with ThreadPoolExecutor(max_workers=max(2, len(os.sched_getaffinity(0)))) as pool:
        results = pool.map(lambda job: (job, _build_one(*job)), todo)
        for (libc, program), (exe, reason) in results:
            if exe:
                built.exe[(libc.name, program)] = exe
            else:
                built.why_not[(libc.name, program)] = reason
    for libc in libcs:
        if not libc.usable:
            for program in names:
                built.why_not[(libc.name, program)] = libc.missing
    return built


def stripped_size(exe):
    """Size in bytes of a stripped copy of exe (kept beside it), or None."""
    copy = exe.with_name(exe.name + ".stripped")
    shutil.copyfile(exe, copy)
    try:
        subprocess.run(["strip", str(copy)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return copy.stat().st_size
