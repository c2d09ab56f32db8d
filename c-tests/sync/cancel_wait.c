/* Cancellation in the waits: pthread_cond_wait, pthread_cond_timedwait,
 * pthread_cond_clockwait, sem_wait, sem_timedwait and sem_clockwait are cancellation points.
 * A waiter cancelled in a condition wait runs its cleanup handler with the mutex held again
 * (an error-checking mutex relocked from the handler says EDEADLK); a cancelled semaphore
 * waiter leaves the waiter count (glibc and rustcrt both keep it in the second word of
 * sem_t); a signal sent together with a cancellation still wakes the other waiter. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdint.h>
#include <time.h>
#include "test.h"
#include "sync_test.h"

static pthread_mutex_t m;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int inside;      /* waiters that reached their wait (under m) */
static int relock_rc;   /* what pthread_mutex_lock said in the cleanup handler */
static int unlock_rc;

static void relock_check(void *arg)
{
    (void)arg;
    relock_rc = pthread_mutex_lock(&m);
    unlock_rc = pthread_mutex_unlock(&m);
}

/* Waits for ever on c, in the way arg says: 0 wait, 1 timedwait, 2 clockwait. */
static void *cond_waiter(void *arg)
{
    long how = (long)(intptr_t)arg;
    pthread_mutex_lock(&m);
    pthread_cleanup_push(relock_check, NULL);
    inside++;
    for (;;) {
        struct timespec far = in_ms(how == 2 ? CLOCK_MONOTONIC : CLOCK_REALTIME, 60000);
        if (how == 0)
            pthread_cond_wait(&c, &m);
        else if (how == 1)
            pthread_cond_timedwait(&c, &m, &far);
        else
            pthread_cond_clockwait(&c, &m, CLOCK_MONOTONIC, &far);
    }
    pthread_cleanup_pop(0);
    return NULL;
}

/* Until `n` threads are inside their wait: with m held and the count reached, each of them
 * has released m in pthread_cond_wait. */
static void await_inside(int n)
{
    for (;;) {
        pthread_mutex_lock(&m);
        int k = inside;
        pthread_mutex_unlock(&m);
        if (k >= n)
            return;
        sched_yield();
    }
}

static void cond_cancel(void)
{
    for (long how = 0; how < 3; how++) {
        pthread_t t;
        void *res = NULL;
        inside = 0;
        relock_rc = unlock_rc = -1;
        T_RET(pthread_create(&t, NULL, cond_waiter, (void *)(intptr_t)how), 0);
        await_inside(1);
        T_RET(pthread_cancel(t), 0);
        T_RET(pthread_join(t, &res), 0);
        T_CHECK(res == PTHREAD_CANCELED);
        T_EQ(relock_rc, EDEADLK);
        T_EQ(unlock_rc, 0);
        /* The mutex is free again and the condition variable still works. */
        T_RET(pthread_mutex_trylock(&m), 0);
        struct timespec soon = in_ms(CLOCK_REALTIME, 1);
        T_RET(pthread_cond_timedwait(&c, &m, &soon), ETIMEDOUT);
        T_RET(pthread_mutex_unlock(&m), 0);
    }
    t_print("cond waits: cancelled with the mutex held again\n");
}

static int go;
static int consumed; /* the waiter to cancel returned from its wait, taking the signal */

static void unlock_m(void *arg)
{
    (void)arg;
    pthread_mutex_unlock(&m);
}

/* Waits for go; the one given arg notes whether its wait returned before it was cancelled. */
static void *go_waiter(void *arg)
{
    pthread_mutex_lock(&m);
    pthread_cleanup_push(unlock_m, NULL);
    inside++;
    while (!go)
        pthread_cond_wait(&c, &m);
    if (arg)
        consumed = 1;
    pthread_cleanup_pop(1);
    if (arg)
        pthread_testcancel();
    return NULL;
}

/* Two waiters, one cancelled. First the cancellation completes before the signal: the
 * signal must then wake the other waiter. Then the signal and the cancellation come together,
 * in one critical section: a waiter cancelled in its wait must not consume the signal (POSIX),
 * so unless the cancelled thread's wait returned first (it took the signal, as it may), the
 * other waiter wakes with no further signal. A lost wake-up hangs the test. */
static void signal_and_cancel(void)
{
    int took = 0;
    for (int round = 0; round < 200; round++) {
        pthread_t a, b;
        void *ra = NULL, *rb = (void *)1;
        int together = round % 2;
        inside = 0;
        go = 0;
        consumed = 0;
        T_RET(pthread_create(&a, NULL, go_waiter, (void *)1), 0);
        T_RET(pthread_create(&b, NULL, go_waiter, NULL), 0);
        await_inside(2);
        if (!together) {
            T_RET(pthread_cancel(a), 0);
            T_RET(pthread_join(a, &ra), 0);
        }
        pthread_mutex_lock(&m);
        go = 1;
        T_RET(pthread_cond_signal(&c), 0);
        if (together)
            T_RET(pthread_cancel(a), 0);
        pthread_mutex_unlock(&m);
        if (together) {
            T_RET(pthread_join(a, &ra), 0);
            if (consumed) {
                took++;
                pthread_mutex_lock(&m);
                T_RET(pthread_cond_signal(&c), 0);
                pthread_mutex_unlock(&m);
            }
        }
        T_RET(pthread_join(b, &rb), 0);
        T_CHECK(rb == NULL);
        T_CHECK(ra == PTHREAD_CANCELED);
        T_CHECK(!together ? !consumed : 1);
    }
    (void)took;
    t_print("signal and cancel: the other waiter woke, 200 rounds\n");
}

static sem_t s;
static int sem_cleaned;

static void sem_cleanup(void *arg)
{
    (void)arg;
    sem_cleaned++;
}

static void *sem_waiter(void *arg)
{
    long how = (long)(intptr_t)arg;
    pthread_cleanup_push(sem_cleanup, NULL);
    struct timespec far = in_ms(how == 2 ? CLOCK_MONOTONIC : CLOCK_REALTIME, 60000);
    if (how == 0)
        sem_wait(&s);
    else if (how == 1)
        sem_timedwait(&s, &far);
    else
        sem_clockwait(&s, CLOCK_MONOTONIC, &far);
    pthread_cleanup_pop(0);
    return NULL;
}

/* The waiter count, glibc's and ours: the second 32-bit word of sem_t. */
static unsigned sem_waiters(void)
{
    unsigned w;
    __atomic_load((unsigned *)(void *)&s + 1, &w, __ATOMIC_ACQUIRE);
    return w;
}

static void sem_cancel(void)
{
    T_EQ(sem_init(&s, 0, 0), 0);
    for (long how = 0; how < 3; how++) {
        pthread_t t;
        void *res = NULL;
        sem_cleaned = 0;
        T_RET(pthread_create(&t, NULL, sem_waiter, (void *)(intptr_t)how), 0);
        while (sem_waiters() == 0)
            sched_yield();
        T_RET(pthread_cancel(t), 0);
        T_RET(pthread_join(t, &res), 0);
        T_CHECK(res == PTHREAD_CANCELED);
        T_EQ(sem_cleaned, 1);
        T_EQ(sem_waiters(), 0);
        int v = -1;
        T_EQ(sem_getvalue(&s, &v), 0);
        T_EQ(v, 0);
    }
    T_EQ(sem_post(&s), 0);
    int v = -1;
    T_EQ(sem_getvalue(&s, &v), 0);
    T_EQ(v, 1);
    T_EQ(sem_destroy(&s), 0);
    t_print("sem waits: cancelled, waiter count back to 0\n");
}

/* A pending request acts on entry even when there is a unit to take. */
static void *sem_pending(void *arg)
{
    (void)arg;
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        sched_yield();
    sem_wait(&s);
    return (void *)1;
}

static void sem_cancel_pending(void)
{
    pthread_t t;
    void *res = NULL;
    int v = -1;
    T_EQ(sem_init(&s, 0, 1), 0);
    go = 0;
    T_RET(pthread_create(&t, NULL, sem_pending, NULL), 0);
    T_RET(pthread_cancel(t), 0);
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    T_RET(pthread_join(t, &res), 0);
    T_CHECK(res == PTHREAD_CANCELED);
    T_EQ(sem_getvalue(&s, &v), 0);
    T_EQ(v, 1);
    T_EQ(sem_destroy(&s), 0);
    t_print("sem_wait: a pending request acts, the unit stays\n");
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    T_RET(pthread_mutex_init(&m, &a), 0);
    pthread_mutexattr_destroy(&a);
    cond_cancel();
    signal_and_cancel();
    sem_cancel();
    sem_cancel_pending();
    T_RET(pthread_cond_destroy(&c), 0);
    T_RET(pthread_mutex_destroy(&m), 0);
    return t_status();
}
