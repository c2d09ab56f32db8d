"""A bar chart of each libc's cost relative to the reference, as hand-written SVG.

Log scale; a bar runs from 1.0 to the ratio, so bars to the left are better
than the reference and bars to the right are worse."""

import html
import math

from . import config

COLOURS = {"rustcrt": "#d95f02", "musl": "#1b9e77"}
SPARE_COLOURS = ["#7570b3", "#e7298a", "#66a61e"]
LABEL_W, PLOT_W, RIGHT_W = 260, 560, 70
TOP, BAR_H, GAP, SECTION_H = 70, 7, 5, 20
TICKS = [m * 10.0 ** e for e in range(-3, 4) for m in (1, 2, 5)]


def _domain(ratios):
    lo = min([1.0, *ratios])
    hi = max([1.0, *ratios])
    lo = max(2.0 ** math.floor(math.log2(lo) - 0.5), 1 / 1024)
    hi = min(2.0 ** math.ceil(math.log2(hi) + 0.5), 1024)
    return lo, hi


def _text(x, y, s, anchor="start", size=11, weight="normal", fill="#222"):
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" '
            f'text-anchor="{anchor}" fill="{fill}">{html.escape(s)}</text>')


def chart(entries, columns, title):
    """entries: list of ("section", name) or ("row", name, {column: ratio or None})."""
    colours = dict(COLOURS)
    for c in columns:
        colours.setdefault(c, SPARE_COLOURS[len(colours) % len(SPARE_COLOURS)])
    all_ratios = [r for e in entries if e[0] == "row" for r in e[2].values() if r]
    lo, hi = _domain(all_ratios)
    span = math.log(hi) - math.log(lo)

    def x(r):
        r = min(max(r, lo), hi)
        return LABEL_W + PLOT_W * (math.log(r) - math.log(lo)) / span

    body, y = [], TOP
    for entry in entries:
        if entry[0] == "section":
            y += 6
            body.append(_text(8, y + 11, entry[1], size=12, weight="bold"))
            y += SECTION_H - 6
            continue
        _, name, ratios = entry
        body.append(_text(LABEL_W - 8, y + BAR_H * len(columns) / 2 + 4, name, anchor="end"))
        for i, column in enumerate(columns):
            top = y + i * BAR_H
            r = ratios.get(column)
            if not r:
                body.append(_text(x(1) + 4, top + BAR_H, "–", size=8, fill="#999"))
                continue
            left, right = sorted((x(1), x(r)))
            body.append(f'<rect x="{left:.1f}" y="{top:.1f}" width="{max(right - left, 1):.1f}" '
                        f'height="{BAR_H - 1}" fill="{colours[column]}"/>')
            label_x, anchor = (right + 3, "start") if r >= 1 else (left - 3, "end")
            body.append(_text(label_x, top + BAR_H - 0.5, f"{r:.2f}", anchor=anchor, size=8))
        y += BAR_H * len(columns) + GAP
    height = y + 30

    grid = []
    for t in TICKS:
        if lo <= t <= hi:
            stroke = "#444" if t == 1 else "#ddd"
            grid.append(f'<line x1="{x(t):.1f}" y1="{TOP - 8}" x2="{x(t):.1f}" y2="{y}" '
                        f'stroke="{stroke}" stroke-width="1"/>')
            label = f"{t:g}"
            grid.append(_text(x(t), TOP - 12, label, anchor="middle", size=9, fill="#555"))
            grid.append(_text(x(t), y + 14, label, anchor="middle", size=9, fill="#555"))

    legend, lx = [], LABEL_W
    for column in columns:
        legend.append(f'<rect x="{lx}" y="34" width="12" height="10" fill="{colours[column]}"/>')
        legend.append(_text(lx + 16, 43, f"{column} / {config.REFERENCE}"))
        lx += 140
    width = LABEL_W + PLOT_W + RIGHT_W
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        _text(8, 18, title, size=13, weight="bold"),
        _text(8, 43, "left of 1 = better than " + config.REFERENCE + " (log scale)", size=10,
              fill="#555"),
    ]
    return "\n".join(head + grid + legend + body + ["</svg>", ""])
