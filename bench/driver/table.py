"""The Markdown table of the timed results (and of instruction counts)."""

from . import config, stats
from .plan import FLOOR


def _header(columns):
    names = ["benchmark", "unit", "better", *columns, "floor"]
    names += [f"{c}/{config.REFERENCE}" for c in columns if c != config.REFERENCE]
    return "| " + " | ".join(names) + " |\n|" + "---|" * len(names) + "\n"


def _row(row, columns, results):
    values = {c: results.values.get((row.name, c), []) for c in columns}
    cells = [stats.cell(values[c]) for c in columns]
    floor_name = config.FLOOR_OF.get(row.name.removesuffix(config.PINNED), "")
    if floor_name and row.name.endswith(config.PINNED):
        floor_name += config.PINNED
    floor = results.values.get((floor_name, FLOOR), []) if floor_name else []
    ref = values.get(config.REFERENCE, [])
    ratios = [stats.ratio_text(stats.paired_ratio(row.unit, values[c], ref))
              for c in columns if c != config.REFERENCE]
    return ("| " + " | ".join([row.name, row.unit, stats.better(row.unit), *cells,
                              stats.number(stats.median(floor)) if floor else "", *ratios]) + " |\n")


def _legend(columns):
    return (f"Cells: median (min–max) over the rounds; `-` = not built or failed (see notes). "
            f"Ratios `X/{config.REFERENCE}` are cost relative to {config.REFERENCE}: time or size "
            f"divided by {config.REFERENCE}'s, and for rates (GB/s, rt/s) {config.REFERENCE}'s rate "
            f"divided by X's, so **below 1.00 is better than {config.REFERENCE}** in every row; "
            f"each is the median over the rounds of that round's ratio (a round runs the libcs "
            f"back to back, so a pair shares the machine's fast or slow spell). "
            f"`better` says which way the raw numbers improve. `floor`: the same work with no libc "
            f"(raw system calls, `rep movsb`/`stosb`, a 3-instruction ELF). "
            f"`{config.PINNED}` rows run under `{' '.join(config.PIN_COMMAND)}`.\n\n")


def timed_table(plan, results, columns):
    out = [_legend(columns), _header(columns)]
    section = None
    width = len(columns) * 2 + 3
    for row in plan.rows:
        if row.section != section:
            section = row.section
            out.append(f"| **{section}** |" + " |" * (width - 1) + "\n")
        if row.section == "floors":
            cells = [""] * len(columns)
            floor = stats.cell(results.values.get((row.name, FLOOR), []))
            ratios = [""] * (len(columns) - 1)
            out.append("| " + " | ".join([row.name, row.unit, stats.better(row.unit), *cells,
                                          floor, *ratios]) + " |\n")
        else:
            out.append(_row(row, columns, results))
    return "".join(out)


def count_table(counts, columns):
    """counts: list of (name, unit, {column: value})."""
    names = ["benchmark", "unit", *columns]
    names += [f"{c}/{config.REFERENCE}" for c in columns if c != config.REFERENCE]
    out = ["| " + " | ".join(names) + " |\n|" + "---|" * len(names) + "\n"]
    for name, unit, by_column in counts:
        ref = by_column.get(config.REFERENCE)
        cells = [stats.count_text(by_column.get(c)) for c in columns]
        ratios = [stats.ratio_text(stats.cost_ratio(unit, by_column.get(c), ref))
                  for c in columns if c != config.REFERENCE]
        out.append("| " + " | ".join([name, unit, *cells, *ratios]) + " |\n")
    return "".join(out)
