/* string_memcpy: memcpy between two aligned buffers. */
#include <string.h>

#include "string_bench.h"

static unsigned char src[BIG] __attribute__((aligned(64)));
static unsigned char dst[BIG] __attribute__((aligned(64)));

static void copy_loop(long n, long len)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	d[0] = d[len - 1] = 0;
	for (long i = 0; i < n; i++) {
		bench_launder(d);
		bench_launder(s);
		bench_launder(len);
		memcpy(d, s, (size_t)len);
		bench_clobber();
	}
	if (d[0] != s[0] || d[len - 1] != s[len - 1])
		bench_fail("memcpy did not copy");
}

STRING_KERNELS(copy_loop)
STRING_ROWS("memcpy", copy_loop);

int main(int argc, char **argv)
{
	string_fill(src, BIG);
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
