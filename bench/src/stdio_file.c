/* stdio_file: buffered output to /dev/null through a FILE.
 *
 *   fwrite_16B_devnull  fwrite of 16 bytes
 *   fputc_devnull       fputc of one byte */
#include <stdio.h>

#include "bench_rows.h"

static FILE *sink;

static void bk_fwrite(long n)
{
	static const char block[16] = "0123456789abcdef";
	for (long i = 0; i < n; i++)
		if (fwrite(block, 1, sizeof block, sink) != sizeof block)
			bench_fail("fwrite failed");
	fflush(sink);
}

static void bk_fputc(long n)
{
	for (long i = 0; i < n; i++)
		if (fputc('a' + (int)(i & 15), sink) == EOF)
			bench_fail("fputc failed");
	fflush(sink);
}

static const struct bench_row rows[] = {
	{ "fwrite_16B_devnull", BENCH_NS, 0, BENCH_SOLO, bk_fwrite },
	{ "fputc_devnull", BENCH_NS, 0, BENCH_SOLO, bk_fputc },
};

int main(int argc, char **argv)
{
	sink = fopen("/dev/null", "w");
	if (!sink)
		bench_fail("cannot open /dev/null");
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
