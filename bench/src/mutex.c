/* mutex: uncontended pthread mutex operations, one thread. */
#include <pthread.h>

#include "bench_rows.h"

static pthread_mutex_t plain = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t recursive;

static void bk_lock_unlock(long n)
{
	for (long i = 0; i < n; i++) {
		pthread_mutex_lock(&plain);
		bench_clobber();
		pthread_mutex_unlock(&plain);
	}
}

static void bk_trylock_unlock(long n)
{
	for (long i = 0; i < n; i++) {
		if (pthread_mutex_trylock(&plain) != 0)
			bench_fail("trylock of a free mutex failed");
		bench_clobber();
		pthread_mutex_unlock(&plain);
	}
}

static void bk_recursive(long n)
{
	for (long i = 0; i < n; i++) {
		pthread_mutex_lock(&recursive);
		bench_clobber();
		pthread_mutex_unlock(&recursive);
	}
}

static const struct bench_row rows[] = {
	{ "mutex_lock_unlock", BENCH_NS, 0, BENCH_SOLO, bk_lock_unlock },
	{ "mutex_trylock_unlock", BENCH_NS, 0, BENCH_SOLO, bk_trylock_unlock },
	{ "mutex_recursive_lock_unlock", BENCH_NS, 0, BENCH_SOLO, bk_recursive },
};

int main(int argc, char **argv)
{
	pthread_mutexattr_t attr;
	if (pthread_mutexattr_init(&attr) != 0 ||
	    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE) != 0 ||
	    pthread_mutex_init(&recursive, &attr) != 0)
		bench_fail("cannot make a recursive mutex");
	pthread_mutexattr_destroy(&attr);
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
