/* tsd: thread-specific data, pthread_getspecific and pthread_setspecific. */
#include <pthread.h>

#include "bench_rows.h"

static pthread_key_t key;
static char value;

static void bk_get(long n)
{
	for (long i = 0; i < n; i++) {
		void *v = pthread_getspecific(key);
		bench_use(v);
		if (v != &value)
			bench_fail("pthread_getspecific gave a wrong value");
	}
}

static void bk_set(long n)
{
	for (long i = 0; i < n; i++) {
		pthread_setspecific(key, &value + (i & 1));
		bench_clobber();
	}
	if (pthread_setspecific(key, &value) != 0)
		bench_fail("pthread_setspecific failed");
}

static const struct bench_row rows[] = {
	{ "pthread_getspecific", BENCH_NS, 0, BENCH_SOLO, bk_get },
	{ "pthread_setspecific", BENCH_NS, 0, BENCH_SOLO, bk_set },
};

int main(int argc, char **argv)
{
	if (pthread_key_create(&key, NULL) != 0 || pthread_setspecific(key, &value) != 0)
		bench_fail("cannot make a key");
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
