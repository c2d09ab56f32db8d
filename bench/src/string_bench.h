/* string_bench.h - what the string benchmarks share: the three sizes, the
 * byte pattern, and the rows of one function at 64 B, 4 KiB and 1 MiB.
 *
 * Each function is its own program (string_memcpy.c, ...) so that a libc
 * missing one function loses only that function's rows.  Pointers and
 * lengths are laundered on every call so that the compiler calls the library
 * instead of expanding the call inline; every result is checked so that a
 * wrong answer cannot pass as a fast one. */
#ifndef STRING_BENCH_H
#define STRING_BENCH_H

#include "bench_rows.h"

#define BIG (1L << 20)

/* Bytes 1..200: never NUL, never 0xff. */
static inline void string_fill(unsigned char *p, long len)
{
	for (long i = 0; i < len; i++)
		p[i] = (unsigned char)(1 + (i * 7) % 200);
}

/* bk_<loop>_64, bk_<loop>_4k, bk_<loop>_1m: the loop at each size. */
#define STRING_KERNELS(loop)                                  \
	static void bk_##loop##_64(long n) { loop(n, 64); }   \
	static void bk_##loop##_4k(long n) { loop(n, 4096); } \
	static void bk_##loop##_1m(long n) { loop(n, BIG); }

#define STRING_ROWS(fname, loop)                                          \
	static const struct bench_row rows[] = {                          \
		{ fname "_64", BENCH_GBS, 64, BENCH_SOLO, bk_##loop##_64 },   \
		{ fname "_4k", BENCH_GBS, 4096, BENCH_SOLO, bk_##loop##_4k }, \
		{ fname "_1m", BENCH_GBS, BIG, BENCH_SOLO, bk_##loop##_1m },  \
	}

#endif
