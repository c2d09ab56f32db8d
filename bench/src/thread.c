/* thread: the life of a thread.
 *
 *   thread_create_join      create a thread that returns at once, join it
 *   thread_create_detached  create detached threads that count themselves;
 *                           the time includes waiting until all have run */
#include <pthread.h>

#include "bench_rows.h"
#include "bench_thread.h"

static long started;

static void *nothing(void *arg)
{
	return arg;
}

static void *count_me(void *arg)
{
	__atomic_fetch_add(&started, 1, __ATOMIC_RELEASE);
	return arg;
}

static void bk_create_join(long n)
{
	for (long i = 0; i < n; i++)
		bench_join(bench_spawn(nothing, NULL));
}

static void bk_create_detached(long n)
{
	pthread_attr_t attr;
	if (pthread_attr_init(&attr) != 0 ||
	    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) != 0)
		bench_fail("detached attribute refused");
	__atomic_store_n(&started, 0, __ATOMIC_RELAXED);
	for (long i = 0; i < n; i++) {
		pthread_t t;
		unsigned spins = 0, tries = 0;
		/* Too many threads still exiting: let them finish, then retry. */
		while (pthread_create(&t, &attr, count_me, NULL) != 0) {
			if (++tries > 100000)
				bench_fail("pthread_create keeps failing");
			bench_backoff(&spins);
		}
	}
	for (unsigned spins = 0; __atomic_load_n(&started, __ATOMIC_ACQUIRE) < n;)
		bench_backoff(&spins);
	pthread_attr_destroy(&attr);
}

static const struct bench_row rows[] = {
	{ "thread_create_join", BENCH_NS, 0, BENCH_WAKE, bk_create_join },
	{ "thread_create_detached", BENCH_NS, 0, BENCH_WAKE, bk_create_detached },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
