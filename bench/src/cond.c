/* cond: condition variables.
 *
 *   cond_signal_nowaiter  pthread_cond_signal with nobody waiting
 *   cond_pingpong_2t      two threads hand a turn back and forth with one
 *                         mutex and two condition variables; round trips/s */
#include <pthread.h>

#include "bench_rows.h"
#include "bench_thread.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t to_pong = PTHREAD_COND_INITIALIZER;
static pthread_cond_t to_ping = PTHREAD_COND_INITIALIZER;
static pthread_cond_t lonely = PTHREAD_COND_INITIALIZER;
static int turn; /* 0: ping's turn, 1: pong's turn */

static void bk_signal_nowaiter(long n)
{
	for (long i = 0; i < n; i++) {
		pthread_cond_signal(&lonely);
		bench_clobber();
	}
}

static void *pong_main(void *arg)
{
	long n = *(long *)arg;
	pthread_mutex_lock(&lock);
	for (long i = 0; i < n; i++) {
		while (turn != 1)
			pthread_cond_wait(&to_pong, &lock);
		turn = 0;
		pthread_cond_signal(&to_ping);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

static void bk_pingpong(long n)
{
	turn = 0;
	pthread_t t = bench_spawn(pong_main, &n);
	pthread_mutex_lock(&lock);
	for (long i = 0; i < n; i++) {
		turn = 1;
		pthread_cond_signal(&to_pong);
		while (turn != 0)
			pthread_cond_wait(&to_ping, &lock);
	}
	pthread_mutex_unlock(&lock);
	bench_join(t);
}

static const struct bench_row rows[] = {
	{ "cond_signal_nowaiter", BENCH_NS, 0, BENCH_SOLO, bk_signal_nowaiter },
	{ "cond_pingpong_2t", BENCH_RTS, 0, BENCH_WAKE, bk_pingpong },
};

int main(int argc, char **argv)
{
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
