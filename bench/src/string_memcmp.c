/* string_memcmp: memcmp of two equal buffers (the whole length is read). */
#include <string.h>

#include "string_bench.h"

static unsigned char one[BIG] __attribute__((aligned(64)));
static unsigned char two[BIG] __attribute__((aligned(64)));

static void cmp_loop(long n, long len)
{
	const unsigned char *a = one, *b = two;
	for (long i = 0; i < n; i++) {
		bench_launder(a);
		bench_launder(b);
		bench_launder(len);
		if (memcmp(a, b, (size_t)len) != 0)
			bench_fail("memcmp found a difference in equal buffers");
	}
}

STRING_KERNELS(cmp_loop)
STRING_ROWS("memcmp", cmp_loop);

int main(int argc, char **argv)
{
	string_fill(one, BIG);
	string_fill(two, BIG);
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
