"""RESULTS.md and ratio.svg: the written record of one run."""

from . import config, stats, svg, table
from .plan import FLOOR


def _notes(plan, results, columns):
    """One line per (column, program or row) that gave dashes, with the reason."""
    by_reason = {}
    for (row, column), reason in sorted(results.failed.items()):
        if column == FLOOR or column in columns:
            by_reason.setdefault((column, reason), []).append(row)
    lines = []
    for (column, reason), rows in sorted(by_reason.items()):
        shown = ", ".join(rows[:8]) + (f" and {len(rows) - 8} more" if len(rows) > 8 else "")
        lines.append(f"- {column}: {shown}: {reason}")
    return "\n".join(lines) + "\n" if lines else "- none: every row ran for every libc\n"


def _chart_entries(plan, results, columns):
    others = [c for c in columns if c != config.REFERENCE]
    entries, section = [], None
    for row in plan.rows:
        if row.section == "floors" or (row.unit == "bytes" and not row.name.endswith("stripped")):
            continue
        if row.section != section:
            section = row.section
            entries.append(("section", section))
        ref = results.values.get((row.name, config.REFERENCE), [])
        ratios = {c: stats.paired_ratio(row.unit, results.values.get((row.name, c), []), ref)
                  for c in others}
        entries.append(("row", row.name, ratios))
    return entries, others


def chart(plan, results, columns, title):
    entries, others = _chart_entries(plan, results, columns)
    return svg.chart(entries, others, title)


def results_md(machine, plan, results, columns, counts):
    parts = [
        "# rustcrt benchmarks\n\n",
        "Written by `bench/run.py` (`make bench`); do not edit by hand. Every number below was "
        "measured in this one run, the libcs interleaved and their order rotated each round. "
        "The VM's two vCPUs are shared and noisy: compare wake-up paths (threads, condvars, "
        "barriers, start-up) on the `@1cpu` rows, and one-thread micro benchmarks on the "
        "instruction counts (`CALLGRIND=1`) as well as the times.\n\n",
        machine, "\n",
        table.timed_table(plan, results, columns), "\n",
        "Rows that show `-`, and why:\n\n", _notes(plan, results, columns), "\n",
    ]
    if counts:
        parts += ["## Instruction counts (callgrind)\n\n",
                  "Exact and repeatable. `Ir/op`: instructions per operation of the kernel "
                  "(two runs of different length, differenced; includes the few instructions "
                  "of the loop); `Ir/process`: the whole start-up program. valgrind counts one "
                  "iteration of `rep movsb` as one instruction.\n\n",
                  table.count_table(counts, columns), "\n"]
    parts.append("![cost relative to glibc](ratio.svg)\n")
    return "".join(parts)


README_START = "<!-- bench:start (written by bench/run.py; do not edit by hand) -->"
README_END = "<!-- bench:end -->"


def readme_section(machine, plan, results, columns):
    """The README's benchmark section: when and where it was measured, the table, the chart."""
    lines = [line for line in machine.splitlines() if line.startswith(("- date", "- machine", "- rustcrt"))]
    return "".join([
        README_START, "\n\n",
        "\n".join(lines), "\n\n",
        table.timed_table(plan, results, columns), "\n",
        "![cost relative to glibc](bench/ratio.svg)\n\n",
        "The whole record, with the notes on every dash and the instruction counts, is "
        "[bench/RESULTS.md](bench/RESULTS.md).\n\n",
        README_END,
    ])


def update_readme(readme, section):
    """Replaces the text between the markers in `readme` (a Path); False when they are absent."""
    text = readme.read_text()
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        return False
    readme.write_text(text[:start] + section + text[end + len(README_END):])
    return True
