#!/usr/bin/env python3
"""Writes reference.h for ulp.c: correctly rounded values of the <math.h> functions that are
not required to be exact, computed with mpmath at 256 bits and rounded once to double (or to
float). Run from this directory: python3 gen_reference.py > reference.h

The inputs avoid the zeros of the functions (where a tiny absolute error is a huge relative
one) and results that are subnormal or overflow."""
import mpmath as mp

mp.mp.prec = 256


def rounded(v, bits):
    """v rounded to nearest with a `bits`-bit significand, as a Python float (exact)."""
    with mp.workprec(bits):
        return float(+v)


def spread(lo, hi, n):
    return [lo + (hi - lo) * (i + 0.5) / n for i in range(n)]


def logspread(lo, hi, n):
    return [float(mp.power(10, mp.mpf(lo) + (hi - lo) * mp.mpf(i + 0.5) / n)) for i in range(n)]


def both(xs):
    return xs + [-x for x in xs]


TRIG = both([1e-300, 1e-8, 0.1, 0.5, 0.785398, 1.0, 1.5, 2.0, 3.0, 10.0, 100.0, 1e5, 1e10, 1e22, 1e300]) + spread(-6, 6, 24)
# name, mpmath function, inputs (each a tuple of the float arguments; an int first for jn/yn)
FUNCS = [
    ("sin", mp.sin, [(x,) for x in TRIG]),
    ("cos", mp.cos, [(x,) for x in TRIG]),
    ("tan", mp.tan, [(x,) for x in TRIG]),
    ("asin", mp.asin, [(x,) for x in both([1e-300, 1e-8, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999999, 1.0])]),
    ("acos", mp.acos, [(x,) for x in both([1e-300, 1e-8, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999999])] + [(1.0,)]),
    ("atan", mp.atan, [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 1.0, 2.0, 10.0, 1e5, 1e300])]),
    ("atan2", mp.atan2, [(y, x) for y in (1.0, -2.5, 1e-10, 1e10) for x in (1.0, -1.0, 3.5, -0.001, 1e8)]),
    ("sinh", mp.sinh, [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 1.0, 2.0, 10.0, 100.0, 700.0])]),
    ("cosh", mp.cosh, [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 1.0, 2.0, 10.0, 100.0, 700.0])]),
    ("tanh", mp.tanh, [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 1.0, 2.0, 10.0, 20.0])]),
    ("asinh", mp.asinh, [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 1.0, 2.0, 10.0, 1e5, 1e300])]),
    ("acosh", mp.acosh, [(x,) for x in [1.0000001, 1.1, 1.5, 2.0, 10.0, 1e5, 1e300]]),
    ("atanh", mp.atanh, [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 0.9, 0.999999])]),
    ("exp", mp.exp, [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 1.0, 2.0, 10.0, 100.0, 700.0]) + spread(-30, 30, 20)]),
    ("exp2", lambda x: mp.power(2, x), [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 1.0, 2.5, 10.3, 100.7, 1000.1]) + spread(-20, 20, 16)]),
    ("exp10", lambda x: mp.power(10, x), [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 1.0, 2.5, 10.3, 100.7, 300.1]) + spread(-10, 10, 16)]),
    ("expm1", mp.expm1, [(x,) for x in both([1e-300, 1e-8, 1e-3, 0.1, 0.5, 1.0, 2.0, 10.0, 100.0, 700.0])]),
    ("log", mp.log, [(x,) for x in [1e-300, 1e-8, 0.1, 0.5, 0.9, 1.1, 2.0, 10.0, 1e5, 1e300] + logspread(-20, 20, 16)]),
    ("log2", lambda x: mp.log(x, 2), [(x,) for x in [1e-300, 1e-8, 0.1, 0.5, 0.9, 1.1, 3.0, 10.0, 1e5, 1e300] + logspread(-20, 20, 16)]),
    ("log10", mp.log10, [(x,) for x in [1e-300, 1e-8, 0.1, 0.5, 0.9, 1.1, 3.0, 11.0, 1e5, 1e300] + logspread(-20, 20, 16)]),
    ("log1p", mp.log1p, [(x,) for x in [1e-300, 1e-8, -1e-8, 1e-3, 0.1, -0.1, 0.5, -0.5, -0.9, 1.0, 10.0, 1e5, 1e300]]),
    ("pow", lambda x, y: mp.power(x, y) if x > 0 else (-1) ** int(y) * mp.power(-x, y), [(x, y) for x in (0.5, 1.5, 2.0, 3.7, 10.0, 1e-5, 1e5) for y in (-3.3, -1.0, 0.5, 2.0, 7.25, 100.5) if 1e-300 < float(mp.power(x, y)) < 1e300]
        + [(-2.0, 3.0), (-1.5, -7.0), (-10.0, 21.0)]),
    ("cbrt", lambda x: mp.cbrt(x) if x >= 0 else -mp.cbrt(-x), [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 1.0, 2.0, 10.0, 1e5, 1e300])]),
    ("hypot", lambda x, y: mp.sqrt(x * x + y * y), [(x, y) for x in (1.0, -3.0, 1e-300, 1e300, 0.1) for y in (1.0, 4.0, -1e-10, 1e150, 7.7)]),
    ("erf", mp.erf, [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 0.9, 1.5, 2.5, 4.0, 6.0])]),
    ("erfc", mp.erfc, [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 0.9, 1.5, 2.5, 4.0, 6.0]) + [10.0, 20.0, 26.0]]),
    ("lgamma", lambda x: mp.log(abs(mp.gamma(x))), [(x,) for x in [1e-300, 1e-8, 0.1, 0.5, 1.5, 3.0, 4.5, 10.0, 100.0, 1e5, 1e300, -0.5, -1.5, -3.7, -10.2]]),
    ("tgamma", mp.gamma, [(x,) for x in [1e-300, 1e-8, 0.1, 0.5, 1.5, 3.0, 4.5, 10.0, 50.5, 170.5, -0.5, -1.5, -3.7, -10.2, -100.5]]),
    ("j0", lambda x: mp.besselj(0, x), [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 1.0, 2.0, 4.0, 10.0, 50.0])]),
    ("j1", lambda x: mp.besselj(1, x), [(x,) for x in both([1e-300, 1e-8, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 50.0])]),
    ("y0", lambda x: mp.bessely(0, x), [(x,) for x in [1e-300, 1e-8, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 50.0]]),
    ("y1", lambda x: mp.bessely(1, x), [(x,) for x in [1e-8, 0.1, 0.5, 1.0, 3.0, 5.0, 10.0, 50.0]]),
    ("jn", lambda n, x: mp.besselj(n, x), [(n, x) for n in (2, 3, 10) for x in (0.1, 1.0, 5.5, 20.0)]),
    ("yn", lambda n, x: mp.bessely(n, x), [(n, x) for n in (2, 3, 10) for x in (0.1, 1.0, 5.5, 20.0)]),
]


def hexf(v):
    return float.hex(v)


def table(name, f, args, bits, suffix):
    rows = []
    for a in args:
        if bits == 24:
            fa = tuple(x if isinstance(x, int) else rounded(mp.mpf(x), 24) for x in a)
            if any(not isinstance(x, int) and not (abs(x) == 0 or 1e-37 < abs(x) < 3e38) for x in fa):
                continue
        else:
            fa = a
        v = f(*[mp.mpf(x) if not isinstance(x, int) else x for x in fa])
        if isinstance(v, mp.mpc):
            raise SystemExit(f"{name}{fa}: complex {v}")
        limit = (1e-37, 3e38) if bits == 24 else (1e-307, 1.7e308)
        if not (limit[0] < abs(v) < limit[1]):
            continue
        want = rounded(v, bits)
        cells = ", ".join(str(x) if isinstance(x, int) else hexf(x) + suffix for x in fa)
        rows.append(f"    {{{cells}, {hexf(want)}{suffix}}},")
    return rows


print("/* Generated by gen_reference.py (mpmath, 256 bits, rounded once): do not edit. */")
for bits, suffix, tag in ((53, "", "d"), (24, "f", "f")):
    t = "double" if bits == 53 else "float"
    for name, f, args in FUNCS:
        rows = table(name, f, args, bits, suffix)
        intarg = isinstance(args[0][0], int)
        nargs = len(args[0]) - (1 if intarg else 0)
        fields = ("int n; " if intarg else "") + " ".join(f"{t} {c};" for c in "xy"[:nargs]) + f" {t} want;"
        print(f"static const struct {{ {fields} }} ref_{tag}_{name}[] = {{")
        print("\n".join(rows))
        print("};")
