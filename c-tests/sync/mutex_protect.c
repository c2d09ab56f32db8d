// preload: skip: the boosts need our thread records: ENOTSUP there
/* Priority-protection mutexes (PTHREAD_PRIO_PROTECT): pthread_mutexattr_setprotocol and the
 * ceiling attributes, pthread_mutex_getprioceiling/setprioceiling, and the priority boost:
 * while a SCHED_FIFO thread holds such a mutex the kernel runs it at the mutex's ceiling
 * (sched_getparam shows it), nested and out-of-order unlocks restore the right level, a
 * caller whose priority is above the ceiling gets EINVAL, a SCHED_OTHER caller too (the
 * kernel takes no priority for it). The tests run as root, so SCHED_FIFO is allowed. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <time.h>
#include "test.h"
#include "sync_test.h"

/* The calling thread's priority as the kernel has it. */
static int prio(void)
{
    struct sched_param p = { -1 };
    sched_getparam(0, &p);
    return p.sched_priority;
}

static void protected_mutex(pthread_mutex_t *m, int type, int ceiling)
{
    pthread_mutexattr_t a;
    T_RET(pthread_mutexattr_init(&a), 0);
    T_RET(pthread_mutexattr_settype(&a, type), 0);
    T_RET(pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_PROTECT), 0);
    T_RET(pthread_mutexattr_setprioceiling(&a, ceiling), 0);
    T_RET(pthread_mutex_init(m, &a), 0);
    T_RET(pthread_mutexattr_destroy(&a), 0);
}

static void attributes(void)
{
    pthread_mutexattr_t a;
    pthread_mutex_t m;
    int v = -1;
    T_RET(pthread_mutexattr_init(&a), 0);
    T_RET(pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_PROTECT), 0);
    T_RET(pthread_mutexattr_getprotocol(&a, &v), 0);
    T_EQ(v, PTHREAD_PRIO_PROTECT);
    T_RET(pthread_mutexattr_setprotocol(&a, 3), EINVAL);
    T_RET(pthread_mutexattr_getprioceiling(&a, &v), 0);
    T_EQ(v, sched_get_priority_min(SCHED_FIFO));
    T_RET(pthread_mutexattr_setprioceiling(&a, 0), EINVAL);
    T_RET(pthread_mutexattr_setprioceiling(&a, 100), EINVAL);
    T_RET(pthread_mutexattr_setprioceiling(&a, 30), 0);
    T_RET(pthread_mutexattr_getprioceiling(&a, &v), 0);
    T_EQ(v, 30);
    /* Without a ceiling set, a protected mutex gets the lowest FIFO priority. */
    pthread_mutexattr_t fresh;
    T_RET(pthread_mutexattr_init(&fresh), 0);
    T_RET(pthread_mutexattr_setprotocol(&fresh, PTHREAD_PRIO_PROTECT), 0);
    T_RET(pthread_mutex_init(&m, &fresh), 0);
    T_RET(pthread_mutex_getprioceiling(&m, &v), 0);
    T_EQ(v, sched_get_priority_min(SCHED_FIFO));
    T_RET(pthread_mutex_destroy(&m), 0);
    /* Robust and priority-protected: not supported (glibc neither). */
    T_RET(pthread_mutexattr_setrobust(&fresh, PTHREAD_MUTEX_ROBUST), 0);
    T_RET(pthread_mutex_init(&m, &fresh), ENOTSUP);
    T_RET(pthread_mutexattr_destroy(&fresh), 0);
    T_RET(pthread_mutex_init(&m, &a), 0);
    T_RET(pthread_mutex_getprioceiling(&m, &v), 0);
    T_EQ(v, 30);
    T_RET(pthread_mutex_destroy(&m), 0);
    T_RET(pthread_mutexattr_destroy(&a), 0);
    /* Other mutexes have no ceiling. */
    pthread_mutex_t plain = PTHREAD_MUTEX_INITIALIZER;
    T_RET(pthread_mutex_getprioceiling(&plain, &v), EINVAL);
    T_RET(pthread_mutex_setprioceiling(&plain, 10, &v), EINVAL);
}

static pthread_mutex_t shared_m;

/* A SCHED_OTHER thread cannot run at a FIFO ceiling: EINVAL. (Only once per thread: glibc
 * 2.36 keeps the failed boost counted, and a second call then succeeds there.) */
static void *other_policy(void *arg)
{
    T_RET(pthread_mutex_lock(&shared_m), EINVAL);
    return arg;
}

static void boosts(void)
{
    pthread_mutex_t m, m1, m2;
    int old = -1, v = -1;
    protected_mutex(&m, PTHREAD_MUTEX_NORMAL, 30);
    T_EQ(prio(), 10);
    T_RET(pthread_mutex_lock(&m), 0);
    T_EQ(prio(), 30);
    T_RET(pthread_mutex_trylock(&m), EBUSY);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_EQ(prio(), 10);
    T_RET(pthread_mutex_trylock(&m), 0);
    T_EQ(prio(), 30);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_EQ(prio(), 10);

    /* Below our priority: EINVAL, and no boost left behind. */
    T_RET(pthread_mutex_setprioceiling(&m, 5, &old), 0);
    T_EQ(old, 30);
    T_RET(pthread_mutex_getprioceiling(&m, &v), 0);
    T_EQ(v, 5);
    T_RET(pthread_mutex_lock(&m), EINVAL);
    T_RET(pthread_mutex_trylock(&m), EINVAL);
    struct timespec soon = in_ms(CLOCK_REALTIME, 10);
    T_RET(pthread_mutex_timedlock(&m, &soon), EINVAL);
    T_EQ(prio(), 10);
    T_RET(pthread_mutex_setprioceiling(&m, 0, &old), EINVAL);
    T_RET(pthread_mutex_setprioceiling(&m, 100, &old), EINVAL);
    T_RET(pthread_mutex_setprioceiling(&m, 10, &old), 0);
    T_RET(pthread_mutex_lock(&m), 0);
    T_EQ(prio(), 10);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_destroy(&m), 0);

    /* Error-checking: relocking and changing the ceiling while held are EDEADLK. */
    protected_mutex(&m, PTHREAD_MUTEX_ERRORCHECK, 30);
    T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_lock(&m), EDEADLK);
    T_RET(pthread_mutex_setprioceiling(&m, 40, &old), EDEADLK);
    T_EQ(prio(), 30);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_unlock(&m), EPERM);
    T_EQ(prio(), 10);
    T_RET(pthread_mutex_destroy(&m), 0);

    /* Recursive: boosted once; a new ceiling while held takes effect at once. */
    protected_mutex(&m, PTHREAD_MUTEX_RECURSIVE, 30);
    T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_lock(&m), 0);
    T_EQ(prio(), 30);
    T_RET(pthread_mutex_setprioceiling(&m, 50, &old), 0);
    T_EQ(old, 30);
    T_EQ(prio(), 50);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_EQ(prio(), 50);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_EQ(prio(), 10);
    T_RET(pthread_mutex_destroy(&m), 0);

    /* Nested, unlocked in order and out of order. */
    protected_mutex(&m1, PTHREAD_MUTEX_NORMAL, 20);
    protected_mutex(&m2, PTHREAD_MUTEX_NORMAL, 30);
    T_RET(pthread_mutex_lock(&m1), 0);
    T_RET(pthread_mutex_lock(&m2), 0);
    T_EQ(prio(), 30);
    T_RET(pthread_mutex_unlock(&m2), 0);
    T_EQ(prio(), 20);
    T_RET(pthread_mutex_unlock(&m1), 0);
    T_EQ(prio(), 10);
    T_RET(pthread_mutex_lock(&m1), 0);
    T_RET(pthread_mutex_lock(&m2), 0);
    T_RET(pthread_mutex_unlock(&m1), 0);
    T_EQ(prio(), 30);
    T_RET(pthread_mutex_unlock(&m2), 0);
    T_EQ(prio(), 10);

    /* A condition wait gives the boost up and takes it back with the mutex. */
    pthread_cond_t c = PTHREAD_COND_INITIALIZER;
    T_RET(pthread_mutex_lock(&m1), 0);
    soon = in_ms(CLOCK_MONOTONIC, 5);
    T_RET(pthread_mutex_timedlock(&m2, &soon), 0);
    T_RET(pthread_mutex_unlock(&m2), 0);
    soon = in_ms(CLOCK_REALTIME, 5);
    T_RET(pthread_cond_timedwait(&c, &m1, &soon), ETIMEDOUT);
    T_EQ(prio(), 20);
    T_RET(pthread_mutex_unlock(&m1), 0);
    T_EQ(prio(), 10);
    T_RET(pthread_cond_destroy(&c), 0);
    T_RET(pthread_mutex_destroy(&m1), 0);
    T_RET(pthread_mutex_destroy(&m2), 0);
    t_print("boosts: raised to the ceiling while held, restored after\n");
}

static long counter;

/* Contended: both threads (FIFO 10, inherited) count under the mutex. */
static void *count_up(void *arg)
{
    for (int i = 0; i < 3000; i++) {
        T_RET(pthread_mutex_lock(&shared_m), 0);
        counter++;
        T_RET(pthread_mutex_unlock(&shared_m), 0);
    }
    T_EQ(prio(), 10);
    return arg;
}

int main(void)
{
    pthread_t t;
    attributes();
    protected_mutex(&shared_m, PTHREAD_MUTEX_NORMAL, 40);
    T_RET(pthread_create(&t, NULL, other_policy, NULL), 0);
    T_RET(pthread_join(t, NULL), 0);

    struct sched_param p = { .sched_priority = 10 };
    T_RET(pthread_setschedparam(pthread_self(), SCHED_FIFO, &p), 0);
    boosts();
    T_RET(pthread_create(&t, NULL, count_up, NULL), 0);
    count_up(NULL);
    T_RET(pthread_join(t, NULL), 0);
    T_EQ(counter, 6000);
    T_RET(pthread_mutex_destroy(&shared_m), 0);
    t_print("contended: no lost increments\n");
    return t_status();
}
