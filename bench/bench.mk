# bench/bench.mk - `make bench`: rustcrt, glibc and musl measured side by side.
#
# Included by the top-level Makefile, so paths are relative to the repository
# root.  `make bench` builds the library (`make lib`), then runs bench/run.py,
# which builds bench/ for the three libcs into bench/out/ and prints the table
# (written to bench/RESULTS.md and bench/ratio.svg).  If the library does not
# build, the rustcrt column is dashes and glibc and musl still run.
#
# Settings pass through the environment: make bench QUICK=1, ROUNDS=9,
# CALLGRIND=1, ONLY=string_memcpy,malloc, LIBCS=glibc,musl (see bench/run.py).
# Not part of `make check`: it measures, it does not test.

BENCH_PYTHON ?= $(or $(PYTHON),python3)

.PHONY: bench bench-tools bench-clean

bench: bench-tools
	@$(MAKE) lib || echo "bench: 'make lib' failed; the rustcrt column will be dashes" >&2
	$(BENCH_PYTHON) bench/run.py

# musl-gcc (and valgrind for CALLGRIND=1), installed when missing and root.
bench-tools:
	@command -v musl-gcc >/dev/null 2>&1 || bench/tools.sh musl-tools || true
	@case "$(CALLGRIND)" in ""|0) ;; *) command -v valgrind >/dev/null 2>&1 || \
		bench/tools.sh valgrind || true ;; esac

bench-clean:
	rm -rf bench/out
