/* rwlock: uncontended read and write locking, one thread. */
#include <pthread.h>

#include "bench_rows.h"

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;

static void bk_rdlock(long n)
{
	for (long i = 0; i < n; i++) {
		pthread_rwlock_rdlock(&rw);
		bench_clobber();
		pthread_rwlock_unlock(&rw);
	}
}

static void bk_wrlock(long n)
{
	for (long i = 0; i < n; i++) {
		pthread_rwlock_wrlock(&rw);
		bench_clobber();
		pthread_rwlock_unlock(&rw);
	}
}

static const struct bench_row rows[] = {
	{ "rwlock_rdlock_unlock", BENCH_NS, 0, BENCH_SOLO, bk_rdlock },
	{ "rwlock_wrlock_unlock", BENCH_NS, 0, BENCH_SOLO, bk_wrlock },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
