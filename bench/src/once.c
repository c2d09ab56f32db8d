/* once: pthread_once after the initialiser has run (the common case). */
#include <pthread.h>

#include "bench_rows.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int init_runs;

static void init(void)
{
	init_runs++;
}

static void bk_once_done(long n)
{
	for (long i = 0; i < n; i++) {
		pthread_once(&once, init);
		bench_clobber();
	}
	if (init_runs != 1)
		bench_fail("pthread_once ran the initialiser other than once");
}

static const struct bench_row rows[] = {
	{ "pthread_once_done", BENCH_NS, 0, BENCH_SOLO, bk_once_done },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
