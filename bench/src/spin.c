/* spin: an uncontended pthread spinlock, one thread. */
#include <pthread.h>

#include "bench_rows.h"

static pthread_spinlock_t spin;

static void bk_spin(long n)
{
	for (long i = 0; i < n; i++) {
		pthread_spin_lock(&spin);
		bench_clobber();
		pthread_spin_unlock(&spin);
	}
}

static const struct bench_row rows[] = {
	{ "spin_lock_unlock", BENCH_NS, 0, BENCH_SOLO, bk_spin },
};

int main(int argc, char **argv)
{
	if (pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE) != 0)
		bench_fail("pthread_spin_init failed");
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
