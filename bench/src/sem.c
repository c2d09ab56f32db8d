/* sem: sem_post then sem_wait on an unnamed semaphore, one thread (the wait
 * never sleeps). */
#include <semaphore.h>

#include "bench_rows.h"

static sem_t sem;

static void bk_post_wait(long n)
{
	for (long i = 0; i < n; i++) {
		sem_post(&sem);
		if (sem_wait(&sem) != 0)
			bench_fail("sem_wait failed");
	}
}

static const struct bench_row rows[] = {
	{ "sem_post_wait", BENCH_NS, 0, BENCH_SOLO, bk_post_wait },
};

int main(int argc, char **argv)
{
	if (sem_init(&sem, 0, 0) != 0)
		bench_fail("sem_init failed");
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
