"""The machine and tool versions a result belongs to."""

import datetime
import os
import platform
import subprocess

from . import config


def _output(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=10)
        return (out.stdout or out.stderr).strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def _first_line(argv):
    text = _output(argv)
    return text.splitlines()[0] if text else "?"


def _cpu_model():
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def describe(settings):
    rustcrt = next((c for c in settings.libcs if c.name == "rustcrt"), None)
    outside = ["--", ".", ":(exclude)bench"]
    git = ["git", "-C", str(config.ROOT)]
    commit = _first_line(git + ["log", "-1", "--format=%h %s"] + outside)
    if _output(git + ["status", "--porcelain", "--untracked-files=no"] + outside):
        commit += ", plus uncommitted changes"
    lines = [
        ("date", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("machine", f"nproc {len(os.sched_getaffinity(0))}, {_cpu_model()}"),
        ("kernel", f"{platform.system()} {platform.release()} {platform.machine()}"),
        ("gcc", _first_line(["gcc", "--version"])),
        ("glibc", os.confstr("CS_GNU_LIBC_VERSION") or "?"),
        ("musl", "musl-tools " + _first_line(["dpkg-query", "-W", "-f=${Version}", "musl"])),
        ("rustcrt", f"commit {commit}" + (f" ({rustcrt.missing})" if rustcrt and rustcrt.missing
                                           else "")),
        ("builds", "; ".join(f"{c.name}: `{' '.join(c.compiler)}`" for c in settings.libcs)
         .replace(str(config.ROOT) + "/", "")),
        ("settings", f"rounds {settings.rounds}, ≥{settings.target_ms} ms per timed run, "
                     f"{settings.spawns} spawns per start-up median"
                     + (", QUICK" if settings.quick else "")
                     + (f", only {','.join(settings.only)}" if settings.only else "")),
    ]
    return "".join(f"- {k}: {v}\n" for k, v in lines)
