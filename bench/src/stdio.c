/* stdio: formatting into a buffer with snprintf.
 *
 *   snprintf_int    "%d" of a changing integer
 *   snprintf_mix    string, padded int, hex, unsigned long, char
 *   snprintf_float  "%.3f" of a changing double */
#include <stdio.h>

#include "bench_rows.h"

static char out[128];

static void check(int len)
{
	if (len <= 0 || len >= (int)sizeof out)
		bench_fail("snprintf gave a bad length");
}

static void bk_int(long n)
{
	for (long i = 0; i < n; i++) {
		check(snprintf(out, sizeof out, "%d", (int)(i * 7919 - 123456)));
		bench_clobber();
	}
}

static void bk_mix(long n)
{
	for (long i = 0; i < n; i++) {
		check(snprintf(out, sizeof out, "%s=%6d [%-8x] %lu %c", "key", (int)i, (unsigned)i * 2654435761u,
			       (unsigned long)i * 1000003ul, (char)('a' + i % 26)));
		bench_clobber();
	}
}

static void bk_float(long n)
{
	double x = 0.0;
	for (long i = 0; i < n; i++) {
		x += 1.0625;
		check(snprintf(out, sizeof out, "%.3f", x));
		bench_clobber();
	}
}

static const struct bench_row rows[] = {
	{ "snprintf_int", BENCH_NS, 0, BENCH_SOLO, bk_int },
	{ "snprintf_mix", BENCH_NS, 0, BENCH_SOLO, bk_mix },
	{ "snprintf_float", BENCH_NS, 0, BENCH_SOLO, bk_float },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
