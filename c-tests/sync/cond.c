/* pthread_cond_*, pthread_condattr_*: attributes, timeouts on both clocks, the mutex held
 * again after every return, and the POSIX error codes, in one thread. */
#include <errno.h>
#include <pthread.h>
#include <time.h>
#include "test.h"
#include "sync_test.h"

static pthread_cond_t still = PTHREAD_COND_INITIALIZER;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* Whether ts has passed on clock. */
static int passed(clockid_t clock, struct timespec ts)
{
    struct timespec now;
    clock_gettime(clock, &now);
    return now.tv_sec > ts.tv_sec || (now.tv_sec == ts.tv_sec && now.tv_nsec >= ts.tv_nsec);
}

static void attributes(void)
{
    pthread_condattr_t a;
    clockid_t clock = -1;
    int v = -1;
    T_RET(pthread_condattr_init(&a), 0);
    T_RET(pthread_condattr_getclock(&a, &clock), 0);
    T_EQ(clock, CLOCK_REALTIME);
    T_RET(pthread_condattr_setclock(&a, CLOCK_MONOTONIC), 0);
    T_RET(pthread_condattr_getclock(&a, &clock), 0);
    T_EQ(clock, CLOCK_MONOTONIC);
    T_RET(pthread_condattr_setclock(&a, CLOCK_PROCESS_CPUTIME_ID), EINVAL);
    T_RET(pthread_condattr_setclock(&a, 12345), EINVAL);
    T_RET(pthread_condattr_getclock(&a, &clock), 0);
    T_EQ(clock, CLOCK_MONOTONIC);
    T_RET(pthread_condattr_getpshared(&a, &v), 0);
    T_EQ(v, PTHREAD_PROCESS_PRIVATE);
    T_RET(pthread_condattr_setpshared(&a, PTHREAD_PROCESS_SHARED), 0);
    T_RET(pthread_condattr_getpshared(&a, &v), 0);
    T_EQ(v, PTHREAD_PROCESS_SHARED);
    T_RET(pthread_condattr_setpshared(&a, 7), EINVAL);
    T_RET(pthread_condattr_setclock(&a, CLOCK_REALTIME), 0);
    T_RET(pthread_condattr_getclock(&a, &clock), 0);
    T_EQ(clock, CLOCK_REALTIME);
    T_RET(pthread_condattr_destroy(&a), 0);
}

static void timeouts(void)
{
    /* The static initialiser: realtime clock. */
    T_RET(pthread_mutex_lock(&lock), 0);
    T_RET(pthread_cond_signal(&still), 0);
    T_RET(pthread_cond_broadcast(&still), 0);
    struct timespec ts = in_ms(CLOCK_REALTIME, 10);
    T_RET(pthread_cond_timedwait(&still, &lock, &ts), ETIMEDOUT);
    T_CHECK(passed(CLOCK_REALTIME, ts));
    /* The mutex is held again. */
    T_RET(pthread_mutex_trylock(&lock), EBUSY);
    struct timespec past = { -1, 0 };
    T_RET(pthread_cond_timedwait(&still, &lock, &past), ETIMEDOUT);
    ts = in_ms(CLOCK_MONOTONIC, 10);
    T_RET(pthread_cond_clockwait(&still, &lock, CLOCK_MONOTONIC, &ts), ETIMEDOUT);
    T_CHECK(passed(CLOCK_MONOTONIC, ts));
    /* Invalid times and clocks are EINVAL, and the mutex stays held. */
    struct timespec bad = { 0, 1000000000 };
    T_RET(pthread_cond_timedwait(&still, &lock, &bad), EINVAL);
    bad.tv_nsec = -1;
    T_RET(pthread_cond_clockwait(&still, &lock, CLOCK_REALTIME, &bad), EINVAL);
    T_RET(pthread_cond_clockwait(&still, &lock, CLOCK_THREAD_CPUTIME_ID, &ts), EINVAL);
    T_RET(pthread_mutex_trylock(&lock), EBUSY);
    T_RET(pthread_mutex_unlock(&lock), 0);

    /* A condition variable on the monotonic clock. */
    pthread_condattr_t a;
    pthread_cond_t mono;
    T_RET(pthread_condattr_init(&a), 0);
    T_RET(pthread_condattr_setclock(&a, CLOCK_MONOTONIC), 0);
    T_RET(pthread_cond_init(&mono, &a), 0);
    T_RET(pthread_condattr_destroy(&a), 0);
    T_RET(pthread_mutex_lock(&lock), 0);
    ts = in_ms(CLOCK_MONOTONIC, 10);
    T_RET(pthread_cond_timedwait(&mono, &lock, &ts), ETIMEDOUT);
    T_CHECK(passed(CLOCK_MONOTONIC, ts));
    T_RET(pthread_mutex_unlock(&lock), 0);
    T_RET(pthread_cond_destroy(&mono), 0);
}

static void mutex_kinds(void)
{
    pthread_cond_t c;
    pthread_mutex_t m;
    pthread_mutexattr_t a;
    T_RET(pthread_cond_init(&c, NULL), 0);
    T_RET(pthread_mutexattr_init(&a), 0);

    /* Error-checking mutex not held: EPERM without waiting. */
    T_RET(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK), 0);
    T_RET(pthread_mutex_init(&m, &a), 0);
    struct timespec ts = in_ms(CLOCK_REALTIME, 1000);
    T_RET(pthread_cond_timedwait(&c, &m, &ts), EPERM);
    T_RET(pthread_mutex_lock(&m), 0);
    ts = in_ms(CLOCK_REALTIME, 5);
    T_RET(pthread_cond_timedwait(&c, &m, &ts), ETIMEDOUT);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_destroy(&m), 0);

    /* A recursive mutex held once is released and taken again. */
    T_RET(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE), 0);
    T_RET(pthread_mutex_init(&m, &a), 0);
    T_RET(pthread_mutex_lock(&m), 0);
    ts = in_ms(CLOCK_REALTIME, 5);
    T_RET(pthread_cond_timedwait(&c, &m, &ts), ETIMEDOUT);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_unlock(&m), EPERM);
    T_RET(pthread_mutex_destroy(&m), 0);

    T_RET(pthread_mutexattr_destroy(&a), 0);
    T_RET(pthread_cond_destroy(&c), 0);
}

int main(void)
{
    attributes();
    timeouts();
    mutex_kinds();
    return t_status();
}
