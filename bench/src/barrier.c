/* barrier: two threads meet at a pthread barrier; time per meeting. */
#include <pthread.h>

#include "bench_rows.h"
#include "bench_thread.h"

static pthread_barrier_t barrier;

static void meetings(long n)
{
	for (long i = 0; i < n; i++) {
		int r = pthread_barrier_wait(&barrier);
		if (r != 0 && r != PTHREAD_BARRIER_SERIAL_THREAD)
			bench_fail("pthread_barrier_wait failed");
	}
}

static void *meetings_main(void *arg)
{
	meetings(*(long *)arg);
	return NULL;
}

static void bk_barrier(long n)
{
	if (pthread_barrier_init(&barrier, NULL, 2) != 0)
		bench_fail("pthread_barrier_init failed");
	pthread_t t = bench_spawn(meetings_main, &n);
	meetings(n);
	bench_join(t);
	pthread_barrier_destroy(&barrier);
}

static const struct bench_row rows[] = {
	{ "barrier_2t", BENCH_NS, 0, BENCH_WAKE, bk_barrier },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
