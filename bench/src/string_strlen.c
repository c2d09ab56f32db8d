/* string_strlen: strlen of a string whose terminator follows the last byte. */
#include <string.h>

#include "string_bench.h"

static unsigned char str[BIG + 64] __attribute__((aligned(64)));

static void len_loop(long n, long len)
{
	unsigned char *s = str;
	unsigned char saved = s[len];
	s[len] = 0;
	for (long i = 0; i < n; i++) {
		bench_launder(s);
		if (strlen((const char *)s) != (size_t)len)
			bench_fail("strlen gave a wrong length");
	}
	s[len] = saved;
}

STRING_KERNELS(len_loop)
STRING_ROWS("strlen", len_loop);

int main(int argc, char **argv)
{
	string_fill(str, BIG + 64);
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
