/* string_memset: memset of an aligned buffer. */
#include <string.h>

#include "string_bench.h"

static unsigned char dst[BIG] __attribute__((aligned(64)));

static void set_loop(long n, long len)
{
	unsigned char *d = dst;
	d[0] = d[len - 1] = 0;
	for (long i = 0; i < n; i++) {
		bench_launder(d);
		bench_launder(len);
		memset(d, 0x5a, (size_t)len);
		bench_clobber();
	}
	if (d[0] != 0x5a || d[len - 1] != 0x5a)
		bench_fail("memset did not set");
}

STRING_KERNELS(set_loop)
STRING_ROWS("memset", set_loop);

int main(int argc, char **argv)
{
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
