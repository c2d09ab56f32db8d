/* malloc: the allocator seen from one thread.
 *
 *   malloc_free_16_256       malloc then free at once, sizes cycling 16..256 B
 *   malloc_batch1000_16_256  1000 blocks live, freed in a mixed order (per pair)
 *   realloc_grow_64_to_256k  one block grown by 64 B per realloc up to 256 KiB
 *   malloc_free_1m           1 MiB, first and last byte written, then freed */
#include <stdlib.h>

#include "bench_rows.h"

#define BATCH 1000
#define GROW_LIMIT (256L * 1024)
#define ONE_MIB (1L << 20)

static void *live[BATCH];

/* 16..256 B, in an order that does not repeat for 241 calls. */
static size_t small_size(long i)
{
	return (size_t)(16 + (i * 37) % 241);
}

static unsigned char *get(size_t size)
{
	unsigned char *p = malloc(size);
	if (!p)
		bench_fail("malloc returned NULL");
	p[0] = 1;
	bench_escape(p);
	return p;
}

static void bk_malloc_free_small(long n)
{
	for (long i = 0; i < n; i++)
		free(get(small_size(i)));
}

/* Frees the even slots, then the odd ones: neither LIFO nor FIFO. */
static void bk_malloc_batch(long n)
{
	for (long done = 0; done < n;) {
		long m = n - done < BATCH ? n - done : BATCH;
		for (long i = 0; i < m; i++)
			live[i] = get(small_size(done + i));
		for (long i = 0; i < m; i += 2)
			free(live[i]);
		for (long i = 1; i < m; i += 2)
			free(live[i]);
		done += m;
	}
}

static void bk_realloc_grow(long n)
{
	unsigned char *p = NULL;
	long size = 0;
	for (long i = 0; i < n; i++) {
		size += 64;
		if (size > GROW_LIMIT) {
			free(p);
			p = NULL;
			size = 64;
		}
		p = realloc(p, (size_t)size);
		if (!p)
			bench_fail("realloc returned NULL");
		p[size - 1] = 1;
		bench_escape(p);
	}
	free(p);
}

static void bk_malloc_free_1m(long n)
{
	for (long i = 0; i < n; i++) {
		unsigned char *p = get(ONE_MIB);
		p[ONE_MIB - 1] = 1;
		bench_escape(p);
		free(p);
	}
}

static const struct bench_row rows[] = {
	{ "malloc_free_16_256", BENCH_NS, 0, BENCH_SOLO, bk_malloc_free_small },
	{ "malloc_batch1000_16_256", BENCH_NS, 0, BENCH_SOLO, bk_malloc_batch },
	{ "realloc_grow_64_to_256k", BENCH_NS, 0, BENCH_SOLO, bk_realloc_grow },
	{ "malloc_free_1m", BENCH_NS, 0, BENCH_SOLO, bk_malloc_free_1m },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
