#!/usr/bin/env python3
"""Builds and runs the C tests: each built against rustcrt and against glibc, static-PIE and
plain static, and run under all four. A test passes when every build exits as the test
declares, every build prints the same standard output, and every rustcrt binary is
self-contained (no INTERP, no NEEDED, no undefined symbol).

Declarations, in `//` comments at the top of a test file:
  // expect: status=N        exit status (default 0)
  // expect: signal=NAME     dies by this signal (SIGABRT, SIGSEGV, ...)
  // args: a b c             command-line arguments
  // env: K=V K2=V2          the whole environment (default: empty)
  // cflags: ...             extra compiler flags
  // ldflags: ...            extra link arguments, after the source (libraries: -lm)
  // check: aslr             static-PIE builds must load at a different address on each run
                             (the test prints its address; output is then not compared)
  // stderr: compare         standard error must match across builds too
"""
import concurrent.futures
import os
import re
import shlex
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "c-tests")
OUT = os.path.join(ROOT, "out", "c-tests")
WRAPPER = os.path.join(ROOT, "bin", "rustcrt-cc")
CFLAGS = ["-O2", "-g", "-Wall", "-Wextra", "-Werror", "-D_GNU_SOURCE", "-I", os.path.join(TESTS, "common")]
BUILDS = {
    "rustcrt-pie": [WRAPPER],
    "rustcrt-static": [WRAPPER, "-no-pie"],
    "glibc-pie": ["gcc", "-static-pie"],
    "glibc-static": ["gcc", "-static", "-no-pie"],
}
TIMEOUT = 120


def declarations(path):
    decl = {"expect": "status=0", "args": "", "env": "", "cflags": "", "ldflags": "", "check": "", "stderr": ""}
    with open(path) as f:
        for line in f:
            m = re.match(r"\s*//\s*(expect|args|env|cflags|ldflags|check|stderr):\s*(.*)$", line)
            if m:
                decl[m.group(1)] = m.group(2).strip()
            elif line.strip() and not line.lstrip().startswith("//"):
                break
    return decl


def build(src, name, build_name, decl):
    exe = os.path.join(OUT, name, build_name)
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    cmd = BUILDS[build_name] + CFLAGS + shlex.split(decl["cflags"]) + [src, "-o", exe] + shlex.split(decl["ldflags"])
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        return None, f"build {build_name} failed:\n{' '.join(cmd)}\n{r.stderr}"
    return exe, None


def self_contained(exe):
    """Problems that make a rustcrt binary not self-contained."""
    problems = []
    headers = subprocess.run(["readelf", "-lW", exe], capture_output=True, text=True).stdout
    if "INTERP" in headers:
        problems.append("has an INTERP header")
    dynamic = subprocess.run(["readelf", "-dW", exe], capture_output=True, text=True).stdout
    if "(NEEDED)" in dynamic:
        problems.append("has NEEDED entries")
    undefined = subprocess.run(["nm", "-u", exe], capture_output=True, text=True).stdout.split("\n")
    # `_DYNAMIC` is referenced weakly by _start and is absent, by design, in a non-PIE link.
    strong = [l for l in undefined if l.strip() and not l.strip().endswith(" _DYNAMIC")]
    if strong:
        problems.append("undefined symbols: " + ", ".join(l.split()[-1] for l in strong))
    return problems


def run(exe, decl):
    args = shlex.split(decl["args"])
    env = dict(kv.split("=", 1) for kv in shlex.split(decl["env"]))
    r = subprocess.run([exe] + args, env=env, capture_output=True, timeout=TIMEOUT, cwd=os.path.dirname(exe))
    return r.returncode, r.stdout, r.stderr


def expected_code(decl):
    kind, _, value = decl["expect"].partition("=")
    if kind == "signal":
        return -getattr(signal, value)
    return int(value)


def one_test(src):
    name = os.path.relpath(src, TESTS)[:-2]
    decl = declarations(src)
    failures = []
    results = {}
    for build_name in BUILDS:
        exe, err = build(src, name, build_name, decl)
        if err:
            failures.append(err)
            continue
        if build_name.startswith("rustcrt"):
            failures += [f"{build_name}: {p}" for p in self_contained(exe)]
        try:
            code, out, errout = run(exe, decl)
        except subprocess.TimeoutExpired:
            failures.append(f"{build_name}: timed out after {TIMEOUT}s")
            continue
        results[build_name] = (code, out, errout)
        want = expected_code(decl)
        if code != want:
            failures.append(f"{build_name}: exit {code}, expected {want}\nstdout:\n{out.decode(errors='replace')}"
                            f"stderr:\n{errout.decode(errors='replace')}")
        if decl["check"] == "aslr" and build_name.endswith("-pie"):
            outs = {run(exe, decl)[1] for _ in range(4)} | {out}
            if len(outs) < 2:
                failures.append(f"{build_name}: loaded at the same address on 5 runs")
    if decl["check"] != "aslr" and len(results) > 1:
        reference = results.get("glibc-pie") or next(iter(results.values()))
        for build_name, (code, out, errout) in results.items():
            if out != reference[1]:
                failures.append(f"{build_name}: stdout differs from glibc's:\n--- glibc\n"
                                f"{reference[1].decode(errors='replace')}--- {build_name}\n{out.decode(errors='replace')}")
            if decl["stderr"] == "compare" and errout != reference[2]:
                failures.append(f"{build_name}: stderr differs from glibc's:\n--- glibc\n"
                                f"{reference[2].decode(errors='replace')}--- {build_name}\n{errout.decode(errors='replace')}")
    return name, failures


def run_all(sources, test, title):
    """Runs `test(source) -> (name, failures)` on every source, in parallel, printing a line per
    test and a summary; returns the exit status. (c-tests/preload.py uses it too.)"""
    start = time.time()
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for name, failures in pool.map(test, sources):
            if failures:
                failed += 1
                print(f"FAIL {name}")
                for f in failures:
                    print("    " + f.replace("\n", "\n    "))
            else:
                passed += 1
                print(f"ok   {name}")
    print(f"{title} took {time.time() - start:.1f}s")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not sources else 0


def main():
    only = sys.argv[1:]
    sources = []
    for d, _, files in os.walk(TESTS):
        if os.path.basename(d) == "common":
            continue
        sources += [os.path.join(d, f) for f in files if f.endswith(".c")]
    sources = sorted(s for s in sources if not only or any(o in s for o in only))
    return run_all(sources, one_test, f"C tests ({len(BUILDS)} builds each)")


if __name__ == "__main__":
    sys.exit(main())
