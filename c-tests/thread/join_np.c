/* pthread_tryjoin_np, pthread_timedjoin_np, pthread_clockjoin_np: EBUSY, ETIMEDOUT, EINVAL for
 * a bad clock, and a join that still works afterwards. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <time.h>
#include "test.h"

static int stop;

static void *run_until_stop(void *arg)
{
    while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE))
        sched_yield();
    return arg;
}

int main(void)
{
    pthread_t t;
    void *r = NULL;
    T_RET(pthread_create(&t, NULL, run_until_stop, (void *)7), 0);

    T_RET(pthread_tryjoin_np(t, &r), EBUSY);
    struct timespec now, soon;
    clock_gettime(CLOCK_REALTIME, &now);
    soon = now;
    soon.tv_nsec += 20 * 1000 * 1000;
    if (soon.tv_nsec >= 1000000000) {
        soon.tv_sec++;
        soon.tv_nsec -= 1000000000;
    }
    T_RET(pthread_timedjoin_np(t, &r, &soon), ETIMEDOUT);
    struct timespec past = {0, 0}, negative = {-1, 0}, bad = {now.tv_sec + 10, 1000000000};
    T_RET(pthread_timedjoin_np(t, &r, &past), ETIMEDOUT);
    T_RET(pthread_timedjoin_np(t, &r, &negative), ETIMEDOUT);
    /* (A deadline with tv_nsec out of range is EINVAL here; glibc 2.36 waits forever.) */
    (void)bad;
    clock_gettime(CLOCK_MONOTONIC, &now);
    T_RET(pthread_clockjoin_np(t, &r, CLOCK_MONOTONIC, &now), ETIMEDOUT);
    T_RET(pthread_clockjoin_np(t, &r, CLOCK_PROCESS_CPUTIME_ID, &now), EINVAL);
    T_RET(pthread_clockjoin_np(t, &r, CLOCK_REALTIME, &past), ETIMEDOUT);
    T_CHECK(r == NULL);

    /* Each failed attempt left the thread joinable. */
    __atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
    struct timespec later;
    clock_gettime(CLOCK_MONOTONIC, &later);
    later.tv_sec += 60;
    T_RET(pthread_clockjoin_np(t, &r, CLOCK_MONOTONIC, &later), 0);
    T_EQ((intptr_t)r, 7);

    /* A NULL deadline waits as pthread_join does; tryjoin succeeds once the thread ended. */
    T_RET(pthread_create(&t, NULL, run_until_stop, (void *)8), 0);
    T_RET(pthread_timedjoin_np(t, &r, NULL), 0);
    T_EQ((intptr_t)r, 8);
    T_RET(pthread_create(&t, NULL, run_until_stop, (void *)9), 0);
    int busy = 0;
    while (pthread_tryjoin_np(t, &r) == EBUSY)
        busy++, sched_yield();
    T_EQ((intptr_t)r, 9);
    /* A try on oneself is EBUSY (it is running), a wait EDEADLK. */
    T_RET(pthread_tryjoin_np(pthread_self(), &r), EBUSY);
    T_RET(pthread_timedjoin_np(pthread_self(), &r, &past), EDEADLK);
    return t_status();
}
