#!/usr/bin/env python3
"""Compiles include/rustcrt.h together with glibc's headers under -Werror, as C.

(Not as C++: glibc declares extra `extern "C++"` overloads of atexit and at_quick_exit there.)"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "c-tests", "common", "header_check.c")
COMMON = ["-fsyntax-only", "-Wall", "-Wextra", "-Werror", "-I", os.path.join(ROOT, "include")]

failed = 0
CHECKS = (("gcc", ["-x", "c", "-std=gnu17"]), ("gcc", ["-x", "c", "-std=c11", "-pedantic"]))
for compiler, extra in CHECKS:
    r = subprocess.run([compiler] + COMMON + extra + [SOURCE], capture_output=True, text=True)
    if r.returncode != 0:
        failed += 1
        print(f"FAIL header with glibc's headers ({' '.join(extra)}):\n{r.stderr}")
    else:
        print(f"ok   header with glibc's headers ({' '.join(extra)})")
print(f"{len(CHECKS) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
