/* bench_thread.h - starting and joining the second thread of a benchmark,
 * and an idle thread that only sleeps (so a libc cannot take a
 * single-threaded shortcut). */
#ifndef BENCH_THREAD_H
#define BENCH_THREAD_H

#include <pthread.h>

#include "bench.h"

static inline pthread_t bench_spawn(void *(*fn)(void *), void *arg)
{
	pthread_t t;
	if (pthread_create(&t, NULL, fn, arg) != 0)
		bench_fail("pthread_create failed");
	return t;
}

static inline void bench_join(pthread_t t)
{
	if (pthread_join(t, NULL) != 0)
		bench_fail("pthread_join failed");
}

struct bench_idle {
	pthread_t thread;
	int stop;
};

static inline void *bench_idle_main(void *arg)
{
	struct bench_idle *idle = arg;
	while (!__atomic_load_n(&idle->stop, __ATOMIC_ACQUIRE))
		bench_futex_wait(&idle->stop, 0);
	return NULL;
}

static inline void bench_idle_start(struct bench_idle *idle)
{
	idle->stop = 0;
	idle->thread = bench_spawn(bench_idle_main, idle);
}

static inline void bench_idle_stop(struct bench_idle *idle)
{
	__atomic_store_n(&idle->stop, 1, __ATOMIC_RELEASE);
	bench_futex_wake_all(&idle->stop);
	bench_join(idle->thread);
}

/* Spin a little, then yield: the other thread may share our CPU. */
static inline void bench_backoff(unsigned *spins)
{
	if (++*spins < 64)
		bench_pause();
	else
		bench_yield();
}

#endif
