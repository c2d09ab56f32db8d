/* malloc_mt: the allocator with two threads.
 *
 *   malloc_free_16_256_mt  as malloc_free_16_256, with an idle second thread
 *                          alive (no single-threaded shortcut applies)
 *   malloc_free_2t         both threads do n malloc/free pairs; wall time / n
 *                          (perfect scaling gives the one-thread number)
 *   malloc_xthread_free    this thread allocates, the other frees, through a
 *                          ring of 256 slots; wall time per block */
#include <stdlib.h>

#include "bench_rows.h"
#include "bench_thread.h"

#define RING 256

static size_t small_size(long i)
{
	return (size_t)(16 + (i * 37) % 241);
}

static void pairs(long n)
{
	for (long i = 0; i < n; i++) {
		unsigned char *p = malloc(small_size(i));
		if (!p)
			bench_fail("malloc returned NULL");
		p[0] = 1;
		bench_escape(p);
		free(p);
	}
}

static void bk_malloc_free_mt(long n)
{
	struct bench_idle idle;
	bench_idle_start(&idle);
	pairs(n);
	bench_idle_stop(&idle);
}

static void *pairs_main(void *arg)
{
	pairs(*(long *)arg);
	return NULL;
}

static void bk_malloc_free_2t(long n)
{
	pthread_t t = bench_spawn(pairs_main, &n);
	pairs(n);
	bench_join(t);
}

/* Single producer, single consumer: head is written by the producer only,
 * tail by the consumer only. */
static struct {
	void *slot[RING];
	long head __attribute__((aligned(64)));
	long tail __attribute__((aligned(64)));
	long total;
} ring;

static void *consumer_main(void *arg)
{
	(void)arg;
	for (long got = 0; got < ring.total; got++) {
		unsigned spins = 0;
		while (__atomic_load_n(&ring.head, __ATOMIC_ACQUIRE) == ring.tail)
			bench_backoff(&spins);
		free(ring.slot[ring.tail % RING]);
		__atomic_store_n(&ring.tail, ring.tail + 1, __ATOMIC_RELEASE);
	}
	return NULL;
}

static void bk_xthread_free(long n)
{
	ring.head = ring.tail = 0;
	ring.total = n;
	pthread_t t = bench_spawn(consumer_main, NULL);
	for (long i = 0; i < n; i++) {
		unsigned spins = 0;
		unsigned char *p = malloc(small_size(i));
		if (!p)
			bench_fail("malloc returned NULL");
		p[0] = 1;
		while (ring.head - __atomic_load_n(&ring.tail, __ATOMIC_ACQUIRE) == RING)
			bench_backoff(&spins);
		ring.slot[ring.head % RING] = p;
		__atomic_store_n(&ring.head, ring.head + 1, __ATOMIC_RELEASE);
	}
	bench_join(t);
}

static const struct bench_row rows[] = {
	{ "malloc_free_16_256_mt", BENCH_NS, 0, BENCH_SOLO, bk_malloc_free_mt },
	{ "malloc_free_2t", BENCH_NS, 0, 0, bk_malloc_free_2t },
	{ "malloc_xthread_free", BENCH_NS, 0, 0, bk_xthread_free },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
