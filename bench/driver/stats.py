"""Medians, ratios and how numbers are written."""

import statistics

from . import config


def median(values):
    return statistics.median(values) if values else None


def number(v):
    """Four significant digits, no exponent for the magnitudes we meet."""
    if v is None:
        return "-"
    if float(v).is_integer() and abs(v) >= 100:
        return f"{v:.0f}"
    if abs(v) >= 1000:
        return f"{v:.0f}"
    if abs(v) >= 100:
        return f"{v:.1f}"
    if abs(v) >= 10:
        return f"{v:.2f}"
    return f"{v:.3f}"


def cell(values):
    """median (min–max), or the single value, or a dash."""
    if not values:
        return "-"
    mid = number(median(values))
    if len(values) == 1 or min(values) == max(values):
        return mid
    return f"{mid} ({number(min(values))}–{number(max(values))})"


def cost_ratio(unit, value, reference):
    """The row's cost relative to the reference: below 1 is better.

    Times and sizes: value / reference.  Rates (GB/s, rt/s): reference / value."""
    if value is None or reference is None or value <= 0 or reference <= 0:
        return None
    if unit in config.HIGHER_IS_BETTER:
        return reference / value
    return value / reference


def paired_ratio(unit, values, reference):
    """The median over rounds of each round's cost ratio (see `cost_ratio`).

    A round runs the libcs' programs back to back, so the two runs of a pair see the same
    phase of a machine whose speed drifts (a virtual machine's slow and fast spells last
    seconds); the ratio of two medians mixes runs from different spells.  Rows measured
    once (sizes) pair their single values."""
    pairs = [cost_ratio(unit, v, r) for v, r in zip(values, reference)]
    pairs = [x for x in pairs if x is not None]
    return median(pairs)


def count_text(v):
    """An instruction count: whole, or with one decimal when averaged."""
    if v is None:
        return "-"
    return f"{v:.0f}" if float(v).is_integer() else f"{v:.1f}"


def ratio_text(r):
    return "" if r is None else f"{r:.2f}"


def better(unit):
    return "higher" if unit in config.HIGHER_IS_BETTER else "lower"
