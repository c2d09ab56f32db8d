/* mutex_mt: two threads increment one counter under one mutex; the time is
 * wall time per increment.  Bimodal on a shared VM: when the other vCPU is
 * busy elsewhere the threads rarely overlap. */
#include <pthread.h>

#include "bench_rows.h"
#include "bench_thread.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void increments(long n)
{
	for (long i = 0; i < n; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
}

static void *increments_main(void *arg)
{
	increments(*(long *)arg);
	return NULL;
}

static void bk_contended(long n)
{
	long half = n / 2, rest = n - n / 2;
	counter = 0;
	pthread_t t = bench_spawn(increments_main, &half);
	increments(rest);
	bench_join(t);
	if (counter != n)
		bench_fail("the mutex lost increments");
}

static const struct bench_row rows[] = {
	{ "mutex_contended_2t", BENCH_NS, 0, 0, bk_contended },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
