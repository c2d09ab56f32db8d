/* string_memchr: memchr that finds its byte at the last position. */
#include <string.h>

#include "string_bench.h"

#define NEEDLE 0xff

static unsigned char hay[BIG] __attribute__((aligned(64)));

static void chr_loop(long n, long len)
{
	unsigned char *s = hay;
	unsigned char saved = s[len - 1];
	s[len - 1] = NEEDLE;
	for (long i = 0; i < n; i++) {
		bench_launder(s);
		bench_launder(len);
		if (memchr(s, NEEDLE, (size_t)len) != s + len - 1)
			bench_fail("memchr gave a wrong pointer");
	}
	s[len - 1] = saved;
}

STRING_KERNELS(chr_loop)
STRING_ROWS("memchr", chr_loop);

int main(int argc, char **argv)
{
	string_fill(hay, BIG);
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
