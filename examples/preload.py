#!/usr/bin/env python3
"""`make demo-preload`: an ordinary glibc program (examples/wordcount.c, built with gcc, dynamic)
run as it is and then with LD_PRELOAD=librustcrt_preload.so and RUSTCRT_STATS=1, whose
statistics line on standard error shows how many calls each of our families served."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "out", "examples-preload")
PRELOAD = os.path.join("target", "release", "librustcrt_preload.so")


def main():
    os.makedirs(OUT, exist_ok=True)
    exe = os.path.join(OUT, "wordcount")
    print("$ gcc -O2 examples/wordcount.c -o out/examples-preload/wordcount")
    if subprocess.run(["gcc", "-O2", "-Wall", "-Wextra", os.path.join(ROOT, "examples", "wordcount.c"), "-o", exe]).returncode:
        return 1
    failed = 0
    for shown, env in (("", {}), (f"LD_PRELOAD={PRELOAD} RUSTCRT_STATS=1 ", {"LD_PRELOAD": os.path.join(ROOT, PRELOAD), "RUSTCRT_STATS": "1"})):
        print(f"$ {shown}out/examples-preload/wordcount")
        r = subprocess.run([exe], env=env, capture_output=True, text=True, cwd=ROOT)
        sys.stdout.write(r.stdout)
        sys.stdout.write(r.stderr)
        print(f"  [exit {r.returncode}]\n")
        failed += r.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
