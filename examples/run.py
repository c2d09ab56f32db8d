#!/usr/bin/env python3
"""`make demo`: builds every examples/*.c with bin/rustcrt-cc and runs it, showing what it
printed and that the binary is static with no glibc inside."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "out", "examples")
RUNS = {
    "args_env": (["first", "second argument"], {"GREETING": "hello"}),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    failed = 0
    for name in sorted(f[:-2] for f in os.listdir(os.path.join(ROOT, "examples")) if f.endswith(".c")):
        exe = os.path.join(OUT, name)
        src = os.path.join(ROOT, "examples", name + ".c")
        cmd = [os.path.join(ROOT, "bin", "rustcrt-cc"), "-O2", "-Wall", "-Wextra", "-D_GNU_SOURCE", src, "-o", exe]
        print(f"$ bin/rustcrt-cc -O2 examples/{name}.c -o out/examples/{name}")
        if subprocess.run(cmd).returncode != 0:
            failed += 1
            continue
        args, env = RUNS.get(name, ([], {}))
        shown = " ".join(f"{k}={v}" for k, v in env.items())
        print(f"$ {shown + ' ' if shown else ''}out/examples/{name} {' '.join(repr(a) if ' ' in a else a for a in args)}".rstrip())
        r = subprocess.run([exe] + args, env=env, capture_output=True, text=True, cwd=ROOT)
        sys.stdout.write(r.stdout)
        size = os.path.getsize(exe)
        interp = "INTERP" in subprocess.run(["readelf", "-lW", exe], capture_output=True, text=True).stdout
        print(f"  [exit {r.returncode}; {size} bytes; {'dynamic' if interp else 'static, no interpreter'}]\n")
        failed += r.returncode != 0
    print(f"{failed} example(s) failed" if failed else "all examples ran")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
