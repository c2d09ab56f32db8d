/* string: memcpy, memset, memchr, strlen and memcmp at 64 B, 4 KiB and 1 MiB.
 *
 * Each operation covers the whole length: memchr finds its byte at the last
 * position, strlen's terminator follows the last byte, memcmp compares equal
 * buffers.  Pointers and lengths are laundered on every iteration so that the
 * compiler calls the library instead of expanding the call inline, and every
 * result is checked so that a wrong answer cannot pass as a fast one. */
#include <string.h>

#include "bench_rows.h"

#define BIG (1L << 20)
#define NEEDLE 0xff

static unsigned char src[BIG + 64] __attribute__((aligned(64)));
static unsigned char dst[BIG + 64] __attribute__((aligned(64)));
static unsigned char twin[BIG + 64] __attribute__((aligned(64)));

/* Bytes 1..200: never NUL, never NEEDLE. */
static void fill(void)
{
	for (long i = 0; i < BIG + 64; i++) {
		src[i] = (unsigned char)(1 + (i * 7) % 200);
		twin[i] = src[i];
	}
}

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

static void set_loop(long n, long len)
{
	unsigned char *d = dst;
	d[len - 1] = 0;
	for (long i = 0; i < n; i++) {
		bench_launder(d);
		bench_launder(len);
		memset(d, 0x5a, (size_t)len);
		bench_clobber();
	}
	if (d[0] != 0x5a || d[len - 1] != 0x5a)
		bench_fail("memset did not set");
}

static void chr_loop(long n, long len)
{
	unsigned char *s = src;
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

static void len_loop(long n, long len)
{
	unsigned char *s = src;
	unsigned char saved = s[len];
	s[len] = 0;
	for (long i = 0; i < n; i++) {
		bench_launder(s);
		if (strlen((const char *)s) != (size_t)len)
			bench_fail("strlen gave a wrong length");
	}
	s[len] = saved;
}

static void cmp_loop(long n, long len)
{
	const unsigned char *a = src, *b = twin;
	for (long i = 0; i < n; i++) {
		bench_launder(a);
		bench_launder(b);
		bench_launder(len);
		if (memcmp(a, b, (size_t)len) != 0)
			bench_fail("memcmp found a difference in equal buffers");
	}
}

#define SIZED(loop, tag, len) \
	static void bk_##loop##_##tag(long n) { loop(n, len); }
#define THREE(loop) SIZED(loop, 64, 64) SIZED(loop, 4k, 4096) SIZED(loop, 1m, BIG)

THREE(copy_loop)
THREE(set_loop)
THREE(chr_loop)
THREE(len_loop)
THREE(cmp_loop)

#define ROW(name, loop, tag, len) { name, BENCH_GBS, len, BENCH_SOLO, bk_##loop##_##tag }

static const struct bench_row rows[] = {
	ROW("memcpy_64", copy_loop, 64, 64),
	ROW("memcpy_4k", copy_loop, 4k, 4096),
	ROW("memcpy_1m", copy_loop, 1m, BIG),
	ROW("memset_64", set_loop, 64, 64),
	ROW("memset_4k", set_loop, 4k, 4096),
	ROW("memset_1m", set_loop, 1m, BIG),
	ROW("memchr_64", chr_loop, 64, 64),
	ROW("memchr_4k", chr_loop, 4k, 4096),
	ROW("memchr_1m", chr_loop, 1m, BIG),
	ROW("strlen_64", len_loop, 64, 64),
	ROW("strlen_4k", len_loop, 4k, 4096),
	ROW("strlen_1m", len_loop, 1m, BIG),
	ROW("memcmp_64", cmp_loop, 64, 64),
	ROW("memcmp_4k", cmp_loop, 4k, 4096),
	ROW("memcmp_1m", cmp_loop, 1m, BIG),
};

int main(int argc, char **argv)
{
	fill();
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
