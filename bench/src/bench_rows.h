/* bench_rows.h - the table-driven main() of a benchmark program.
 *
 * A program lists its rows; each row has a kernel that performs n operations.
 * The runner grows n until one timed call of the kernel lasts at least the
 * target time (30 ms unless -t says otherwise), times BENCH_BEST_OF calls with
 * that n, and prints the fastest.
 *
 *   prog --list            one "name unit flags" line per row
 *   prog [-t MS] [ROW...]  measure the named rows (all rows if none named)
 *   prog -n N ROW...       one warm-up call with n=1, then one call with n=N:
 *                          fixed work, for instruction counting
 *
 * Kernels are named bk_* so that an instruction counter can collect exactly
 * them (callgrind --toggle-collect='bk_*'). */
#ifndef BENCH_ROWS_H
#define BENCH_ROWS_H

#include "bench.h"

enum bench_unit { BENCH_NS, BENCH_GBS, BENCH_RTS };

#define BENCH_SOLO 1u /* one thread only: instruction counts are meaningful */
#define BENCH_WAKE 2u /* threads sleep and wake each other: also run pinned */

struct bench_row {
	const char *name;
	enum bench_unit unit;
	long bytes; /* bytes per operation, for GB/s */
	unsigned flags;
	void (*kernel)(long n);
};

#define BENCH_COUNT(rows) ((int)(sizeof(rows) / sizeof((rows)[0])))

static inline int bench_streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static inline long bench_parse_long(const char *s)
{
	long v = 0;
	if (!*s)
		bench_fail("empty number");
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100000000000L)
			bench_fail("bad number");
		v = v * 10 + (*s - '0');
	}
	return v;
}

static inline const char *bench_unit_name(enum bench_unit u)
{
	return u == BENCH_GBS ? "GB/s" : u == BENCH_RTS ? "rt/s" : "ns";
}

static inline void bench_list(const struct bench_row *rows, int nrows)
{
	for (int i = 0; i < nrows; i++) {
		char line[256];
		int pos = 0;
		const struct bench_row *r = &rows[i];
		bench_cat(line, &pos, r->name);
		bench_cat(line, &pos, " ");
		bench_cat(line, &pos, bench_unit_name(r->unit));
		bench_cat(line, &pos, " ");
		if (!r->flags)
			bench_cat(line, &pos, "-");
		if (r->flags & BENCH_SOLO)
			bench_cat(line, &pos, (r->flags & BENCH_WAKE) ? "solo," : "solo");
		if (r->flags & BENCH_WAKE)
			bench_cat(line, &pos, "wake");
		line[pos++] = '\n';
		bench_write_all(1, line, pos);
	}
}

static inline long long bench_time_kernel(const struct bench_row *r, long n)
{
	long long t0 = bench_now_ns();
	r->kernel(n);
	bench_clobber();
	return bench_now_ns() - t0;
}

static inline void bench_emit(const struct bench_row *r, long n, long long ns)
{
	double t = ns > 0 ? (double)ns : 1.0;
	double v;
	if (r->unit == BENCH_GBS)
		v = (double)r->bytes * (double)n / t; /* bytes per ns = GB/s */
	else if (r->unit == BENCH_RTS)
		v = (double)n * 1e9 / t;
	else
		v = t / (double)n;
	bench_report(r->name, v, bench_unit_name(r->unit));
}

/* Timed calls at the final n; the fastest is reported.  A virtual machine's
 * speed drifts between spells (25% slower for a few hundred milliseconds is
 * common), and drift only ever adds time, so the fastest of several calls is
 * the one nearest the code's own cost. */
#define BENCH_BEST_OF 5

/* Grow n until one call lasts target_ns (the calls before are the warm-up),
 * then report the fastest of BENCH_BEST_OF calls with that n. */
static inline void bench_measure(const struct bench_row *r, long long target_ns)
{
	long n = 1;
	for (;;) {
		long long t = bench_time_kernel(r, n);
		double grow;
		if (t >= target_ns || n > (1L << 40)) {
			for (int k = 1; k < BENCH_BEST_OF; k++) {
				long long again = bench_time_kernel(r, n);
				if (again < t)
					t = again;
			}
			bench_emit(r, n, t);
			return;
		}
		if (t * 100 < target_ns)
			grow = 10.0;
		else
			grow = 1.15 * (double)target_ns / (double)t;
		if (grow < 1.2)
			grow = 1.2;
		n = (long)((double)n * grow) + 1;
	}
}

static inline void bench_fixed(const struct bench_row *r, long n)
{
	r->kernel(1);
	bench_emit(r, n, bench_time_kernel(r, n));
}

static inline int bench_main(int argc, char **argv, const struct bench_row *rows, int nrows)
{
	long long target_ns = 30LL * 1000 * 1000;
	long fixed_n = 0;
	int first = 1, named = 0;

	while (first < argc && argv[first][0] == '-') {
		const char *opt = argv[first];
		if (bench_streq(opt, "--list")) {
			bench_list(rows, nrows);
			return 0;
		}
		if (first + 1 >= argc)
			bench_fail("option without a value");
		if (bench_streq(opt, "-t"))
			target_ns = bench_parse_long(argv[first + 1]) * 1000 * 1000;
		else if (bench_streq(opt, "-n"))
			fixed_n = bench_parse_long(argv[first + 1]);
		else
			bench_fail("unknown option (use --list, -t MS, -n N)");
		first += 2;
	}
	named = first < argc;
	for (int a = first; a < argc; a++) {
		int known = 0;
		for (int i = 0; i < nrows && !known; i++)
			known = bench_streq(argv[a], rows[i].name);
		if (!known)
			bench_fail("unknown row name");
	}
	for (int i = 0; i < nrows; i++) {
		int wanted = !named;
		for (int a = first; a < argc && !wanted; a++)
			wanted = bench_streq(argv[a], rows[i].name);
		if (!wanted)
			continue;
		if (fixed_n > 0)
			bench_fixed(&rows[i], fixed_n);
		else
			bench_measure(&rows[i], target_ns);
	}
	return 0;
}

#endif
