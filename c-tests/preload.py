#!/usr/bin/env python3
"""The preload suite: the C tests of the families that librustcrt_preload.so exports (string,
malloc, sync), those of c-tests/preload/ and the glibc-only ones of preload/tests/ (names only
glibc and the preload build have), built against glibc as ordinary dynamic programs,
run once plainly and once with LD_PRELOAD=librustcrt_preload.so and RUSTCRT_STATS=1.

A test passes when both runs exit as the test declares (run.py's declarations), print the same
standard output, and the preloaded run's statistics line shows that our functions served it:
the family of the test's directory counted calls, and so did every sync family the file name
names (sync/rwlock.c: rwlock), or those a `// families: a b` line at the top names. A test expected to die by a signal prints no statistics (the
destructor that prints them does not run); its exit is checked alone.

    c-tests/preload.py [filter...]   (needs `make preload` first)
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (the main driver: declarations, flags, expected exits)

PRELOAD = os.path.join(run.ROOT, "target", "release", "librustcrt_preload.so")
OUT = os.path.join(run.ROOT, "out", "c-tests-preload")
DIRS = [os.path.join(run.TESTS, d) for d in ["string", "malloc", "sync", "preload"]]
DIRS.append(os.path.join(run.ROOT, "preload", "tests"))
SYNC = ["mutex", "cond", "rwlock", "spin", "barrier", "once", "sem"]


def stats(stderr):
    """Family -> calls, the largest over every statistics line (forked children print too)."""
    counts = {}
    for line in stderr.decode(errors="replace").splitlines():
        if line.startswith("rustcrt stats:"):
            for family, n in re.findall(r"(\w+)=(\d+)", line):
                counts[family] = max(counts.get(family, 0), int(n))
    return counts


def expected_families(name, src):
    with open(src) as f:
        m = re.match(r"//\s*families:(.*)", f.readline())
    if m:
        return m.group(1).split(), False
    directory, base = name.split("/", 1)
    if directory != "sync":
        return [directory], False
    return [f for f in SYNC if f in base], True


def one_test(src):
    name = os.path.relpath(src, run.TESTS if src.startswith(run.TESTS) else run.ROOT)[:-2]
    title = name + " (preload)"
    decl = run.declarations(src)
    exe = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    cmd = ["gcc"] + run.CFLAGS + run.shlex.split(decl["cflags"]) + [src, "-o", exe]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        return title, [f"build failed:\n{' '.join(cmd)}\n{r.stderr}"]
    args = run.shlex.split(decl["args"])
    env = dict(kv.split("=", 1) for kv in run.shlex.split(decl["env"]))
    preload_env = dict(env, LD_PRELOAD=PRELOAD, RUSTCRT_STATS="1")
    results = {}
    failures = []
    for label, e in (("glibc", env), ("preload", preload_env)):
        try:
            p = subprocess.run([exe] + args, env=e, capture_output=True, timeout=run.TIMEOUT, cwd=os.path.dirname(exe))
        except subprocess.TimeoutExpired:
            failures.append(f"{label}: timed out after {run.TIMEOUT}s")
            continue
        results[label] = p
        if p.returncode != run.expected_code(decl):
            failures.append(f"{label}: exit {p.returncode}, expected {run.expected_code(decl)}\nstdout:\n"
                            f"{p.stdout.decode(errors='replace')}stderr:\n{p.stderr.decode(errors='replace')}")
    if len(results) == 2:
        plain, pre = results["glibc"], results["preload"]
        if plain.stdout != pre.stdout:
            failures.append(f"stdout differs:\n--- glibc\n{plain.stdout.decode(errors='replace')}"
                            f"--- preload\n{pre.stdout.decode(errors='replace')}")
        if decl["expect"].startswith("status"):
            counts = stats(pre.stderr)
            families, any_sync = expected_families(name, src)
            if not counts:
                failures.append("preload: no statistics line on stderr")
            elif any_sync and not any(counts.get(f, 0) for f in SYNC):
                failures.append(f"preload: no sync family served a call: {counts}")
            for f in families:
                if not counts.get(f, 0):
                    failures.append(f"preload: family {f} served no call: {counts}")
    return title, failures


def main():
    if not os.path.exists(PRELOAD):
        print(f"{PRELOAD} missing: run `make preload`")
        return 1
    only = sys.argv[1:]
    sources = sorted(os.path.join(d, f) for d in DIRS for f in os.listdir(d) if f.endswith(".c"))
    # Filters match the path from the repository's root, which names "preload" only where meant.
    sources = [s for s in sources if not only or any(o in os.path.relpath(s, run.ROOT) for o in only)]
    return run.run_all(sources, one_test, "preload tests (glibc, then LD_PRELOAD)")


if __name__ == "__main__":
    sys.exit(main())
