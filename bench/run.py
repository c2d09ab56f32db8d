#!/usr/bin/env python3
"""rustcrt's benchmark driver (`make bench`).

Builds every program in bench/src for rustcrt (bin/rustcrt-cc), glibc
(gcc -static) and musl (musl-gcc -static) into bench/out/, runs them with the
libcs interleaved over several rounds, and prints one Markdown table: median
(min–max) per libc and the cost relative to glibc.  A program that does not
build or run for a libc gives dashes in that column only.

Settings, from the environment:
  ROUNDS=7      rounds (the libc order rotates each round)
  QUICK=1       1 round, 5 ms per timed run, 50 spawns: for development
  TARGET_MS=30  minimum duration of one timed run
  SPAWNS=300    processes per start-up median
  CALLGRIND=1   also count instructions with valgrind --tool=callgrind
  ONLY=a,b      only these programs of bench/src (start-up always runs)
  LIBCS=x,y     only these of rustcrt, glibc, musl
  TIMEOUT=30    seconds before a run counts as hung
  RUSTCRT_CC=…  the rustcrt compiler wrapper (default bin/rustcrt-cc)

A complete run writes bench/RESULTS.md and bench/ratio.svg and replaces the
table in README.md (between its bench markers); a QUICK or partial run
writes RESULTS.md and ratio.svg to bench/out/ and leaves README.md alone.
"""

import sys

sys.dont_write_bytecode = True

from driver import build, callgrind, config, measure, plan, report, sysinfo, table  # noqa: E402


def main():
    if len(sys.argv) > 1:
        print(__doc__)
        return 0 if sys.argv[1] in ("-h", "--help") else 2
    settings = config.settings()
    columns = [c.name for c in settings.libcs]
    for libc in settings.libcs:
        if libc.missing:
            print(f"bench: {libc.name}: {libc.missing}; its column will be dashes", file=sys.stderr)
    programs = build.programs(settings.only)
    print(f"bench: building {len(programs)} programs for {', '.join(columns)}", file=sys.stderr,
          flush=True)
    built = build.build_all(settings.libcs, programs)
    the_plan = plan.make_plan(built, programs, columns)
    runner = measure.Runner(the_plan, built, settings)
    runner.sizes()
    results = runner.rounds()
    counts = []
    if settings.callgrind:
        if callgrind.available():
            counts = callgrind.count(the_plan, built, columns)
        else:
            print("bench: CALLGRIND=1 but valgrind is missing; no counts", file=sys.stderr)

    machine = sysinfo.describe(settings)
    print(machine)
    print(table.timed_table(the_plan, results, columns))
    if counts:
        print(table.count_table(counts, columns))
    where = config.BENCH if settings.complete else config.OUT
    where.mkdir(parents=True, exist_ok=True)
    (where / "RESULTS.md").write_text(report.results_md(machine, the_plan, results, columns, counts))
    (where / "ratio.svg").write_text(report.chart(the_plan, results, columns,
                                                  "rustcrt benchmarks: cost relative to glibc"))
    print(f"bench: wrote {where / 'RESULTS.md'} and {where / 'ratio.svg'}", file=sys.stderr)
    if settings.complete:
        readme = config.ROOT / "README.md"
        if report.update_readme(readme, report.readme_section(machine, the_plan, results, columns)):
            print(f"bench: updated the table in {readme}", file=sys.stderr)
        else:
            print(f"bench: {readme} has no bench markers; not updated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
