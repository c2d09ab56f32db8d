/* Bounded stress of every object across threads: no lost increments, no lost wake-ups, one
 * serial thread per barrier round, writers not starved under a prefer-writer lock. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
#include "test.h"
#include "sync_test.h"

#define THREADS 4

static pthread_mutex_t m;
static long counter;

static void *hammer_mutex(void *arg)
{
    long rounds = (long)arg;
    for (long i = 0; i < rounds; i++) {
        if (i % 4 == 3) {
            while (pthread_mutex_trylock(&m) != 0)
                ;
        } else {
            pthread_mutex_lock(&m);
        }
        counter++;
        pthread_mutex_unlock(&m);
    }
    return NULL;
}

/* THREADS threads, `rounds` locked increments each, on a mutex of this type and protocol. */
static void mutex_kind(int type, int protocol, long rounds)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, type);
    pthread_mutexattr_setprotocol(&a, protocol);
    T_RET(pthread_mutex_init(&m, &a), 0);
    pthread_mutexattr_destroy(&a);
    counter = 0;
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        T_RET(pthread_create(&t[i], NULL, hammer_mutex, (void *)rounds), 0);
    for (int i = 0; i < THREADS; i++)
        T_RET(pthread_join(t[i], NULL), 0);
    T_EQ(counter, THREADS * rounds);
    T_RET(pthread_mutex_destroy(&m), 0);
}

/* A queue of `items` guarded by qm, with consumers sleeping on qc. */
static pthread_mutex_t qm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t qc = PTHREAD_COND_INITIALIZER;
static long items, taken;
#define PER_PRODUCER 25000

static void *producer(void *arg)
{
    (void)arg;
    for (int i = 0; i < PER_PRODUCER; i++) {
        pthread_mutex_lock(&qm);
        items++;
        pthread_cond_signal(&qc);
        pthread_mutex_unlock(&qm);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    for (int i = 0; i < PER_PRODUCER; i++) {
        pthread_mutex_lock(&qm);
        while (items == 0)
            pthread_cond_wait(&qc, &qm);
        items--;
        taken++;
        pthread_mutex_unlock(&qm);
    }
    return NULL;
}

static void cond_queue(void)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        T_RET(pthread_create(&t[i], NULL, i % 2 ? producer : consumer, NULL), 0);
    for (int i = 0; i < 4; i++)
        T_RET(pthread_join(t[i], NULL), 0);
    T_EQ(taken, 2 * PER_PRODUCER);
    T_EQ(items, 0);
}

/* Broadcast wakes every waiter; destroy right after it is allowed. */
static pthread_cond_t bc = PTHREAD_COND_INITIALIZER;
static int go, arrived;

static void *broadcast_waiter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&qm);
    arrived++;
    while (!go)
        pthread_cond_wait(&bc, &qm);
    pthread_mutex_unlock(&qm);
    return NULL;
}

static void cond_broadcast(void)
{
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        T_RET(pthread_create(&t[i], NULL, broadcast_waiter, NULL), 0);
    for (;;) {
        pthread_mutex_lock(&qm);
        if (arrived == THREADS)
            break;
        pthread_mutex_unlock(&qm);
    }
    go = 1;
    T_RET(pthread_cond_broadcast(&bc), 0);
    pthread_mutex_unlock(&qm);
    T_RET(pthread_cond_destroy(&bc), 0);
    for (int i = 0; i < THREADS; i++)
        T_RET(pthread_join(t[i], NULL), 0);
}

/* A timed wait that another thread signals returns 0 before its deadline. */
static int ready;
static void *late_signaller(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&qm);
    ready = 1;
    pthread_cond_signal(&qc);
    pthread_mutex_unlock(&qm);
    return NULL;
}

static void cond_timed_signalled(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 60;
    pthread_t t;
    pthread_mutex_lock(&qm);
    T_RET(pthread_create(&t, NULL, late_signaller, NULL), 0);
    int r = 0;
    while (!ready && r == 0)
        r = pthread_cond_timedwait(&qc, &qm, &ts);
    T_EQ(r, 0);
    T_EQ(ready, 1);
    pthread_mutex_unlock(&qm);
    T_RET(pthread_join(t, NULL), 0);
}

/* Held by another thread: trylock is EBUSY, timed locks time out, unlocking its error-checking
 * mutex is EPERM, and lock succeeds once the holder lets go. */
static pthread_mutex_t held;
static sem_t is_locked, may_release;

static void *holder(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&held);
    sem_post(&is_locked);
    while (sem_wait(&may_release) != 0)
        ;
    pthread_mutex_unlock(&held);
    return NULL;
}

static void mutex_across_threads(int type)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, type);
    T_RET(pthread_mutex_init(&held, &a), 0);
    pthread_mutexattr_destroy(&a);
    sem_init(&is_locked, 0, 0);
    sem_init(&may_release, 0, 0);
    pthread_t t;
    T_RET(pthread_create(&t, NULL, holder, NULL), 0);
    while (sem_wait(&is_locked) != 0)
        ;
    T_RET(pthread_mutex_trylock(&held), EBUSY);
    struct timespec ts = in_ms(CLOCK_REALTIME, 10);
    T_RET(pthread_mutex_timedlock(&held, &ts), ETIMEDOUT);
    ts = in_ms(CLOCK_MONOTONIC, 10);
    T_RET(pthread_mutex_clocklock(&held, CLOCK_MONOTONIC, &ts), ETIMEDOUT);
    if (type != PTHREAD_MUTEX_NORMAL)
        T_RET(pthread_mutex_unlock(&held), EPERM);
    sem_post(&may_release);
    T_RET(pthread_mutex_lock(&held), 0);
    T_RET(pthread_mutex_unlock(&held), 0);
    T_RET(pthread_join(t, NULL), 0);
    T_RET(pthread_mutex_destroy(&held), 0);
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_WRITER_NONRECURSIVE_INITIALIZER_NP;
static volatile int stop_readers;
static long shared_a, shared_b;

static void *reader(void *arg)
{
    (void)arg;
    while (!__atomic_load_n(&stop_readers, __ATOMIC_RELAXED)) {
        pthread_rwlock_rdlock(&rw);
        if (shared_a != shared_b)
            t_fail(__FILE__, __LINE__, "readers see a torn write", shared_a, shared_b);
        pthread_rwlock_unlock(&rw);
    }
    return NULL;
}

/* Readers loop without pause; a writer of a prefer-writer lock still gets in, every time. */
static void rwlock_writers_not_starved(void)
{
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        T_RET(pthread_create(&t[i], NULL, reader, NULL), 0);
    for (int i = 0; i < 2000; i++) {
        T_RET(pthread_rwlock_wrlock(&rw), 0);
        shared_a++;
        shared_b++;
        T_RET(pthread_rwlock_unlock(&rw), 0);
    }
    __atomic_store_n(&stop_readers, 1, __ATOMIC_RELAXED);
    for (int i = 0; i < 3; i++)
        T_RET(pthread_join(t[i], NULL), 0);
    T_EQ(shared_a, 2000);
}

static pthread_barrier_t bar;
static int serial_count;
#define BARRIER_ROUNDS 2000

static void *barrier_runner(void *arg)
{
    (void)arg;
    for (int i = 0; i < BARRIER_ROUNDS; i++) {
        int r = pthread_barrier_wait(&bar);
        if (r == PTHREAD_BARRIER_SERIAL_THREAD)
            __atomic_fetch_add(&serial_count, 1, __ATOMIC_RELAXED);
        else if (r != 0)
            t_fail(__FILE__, __LINE__, "pthread_barrier_wait", r, 0);
    }
    return NULL;
}

static void barrier_rounds(void)
{
    T_RET(pthread_barrier_init(&bar, NULL, THREADS), 0);
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        T_RET(pthread_create(&t[i], NULL, barrier_runner, NULL), 0);
    for (int i = 0; i < THREADS; i++)
        T_RET(pthread_join(t[i], NULL), 0);
    T_EQ(serial_count, BARRIER_ROUNDS);
    T_RET(pthread_barrier_destroy(&bar), 0);
}

static sem_t sem;
#define SEM_ROUNDS 50000

static void *sem_poster(void *arg)
{
    (void)arg;
    for (int i = 0; i < SEM_ROUNDS; i++)
        sem_post(&sem);
    return NULL;
}

static void *sem_taker(void *arg)
{
    (void)arg;
    for (int i = 0; i < SEM_ROUNDS; i++)
        while (sem_wait(&sem) != 0)
            ;
    return NULL;
}

static void semaphores(void)
{
    T_EQ(sem_init(&sem, 0, 0), 0);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        T_RET(pthread_create(&t[i], NULL, i % 2 ? sem_poster : sem_taker, NULL), 0);
    for (int i = 0; i < 4; i++)
        T_RET(pthread_join(t[i], NULL), 0);
    int v = -1;
    T_EQ(sem_getvalue(&sem, &v), 0);
    T_EQ(v, 0);
    T_EQ(sem_destroy(&sem), 0);
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs, once_done;

static void slow_init(void)
{
    once_runs++;
    for (volatile int i = 0; i < 1000000; i++)
        ;
    once_done = 1;
}

static void *once_caller(void *arg)
{
    (void)arg;
    pthread_once(&once, slow_init);
    if (!once_done)
        t_fail(__FILE__, __LINE__, "pthread_once returned before the initialiser", 0, 1);
    return NULL;
}

static pthread_spinlock_t spin;
static long spin_counter;

static void *spinner(void *arg)
{
    (void)arg;
    for (int i = 0; i < 50000; i++) {
        pthread_spin_lock(&spin);
        spin_counter++;
        pthread_spin_unlock(&spin);
    }
    return NULL;
}

int main(void)
{
    /* 1M contended locks in all. */
    mutex_kind(PTHREAD_MUTEX_NORMAL, PTHREAD_PRIO_NONE, 75000);
    mutex_kind(PTHREAD_MUTEX_RECURSIVE, PTHREAD_PRIO_NONE, 50000);
    mutex_kind(PTHREAD_MUTEX_ERRORCHECK, PTHREAD_PRIO_NONE, 50000);
    mutex_kind(PTHREAD_MUTEX_ADAPTIVE_NP, PTHREAD_PRIO_NONE, 50000);
    mutex_kind(PTHREAD_MUTEX_NORMAL, PTHREAD_PRIO_INHERIT, 25000);
    cond_queue();
    cond_broadcast();
    cond_timed_signalled();
    mutex_across_threads(PTHREAD_MUTEX_NORMAL);
    mutex_across_threads(PTHREAD_MUTEX_ERRORCHECK);
    mutex_across_threads(PTHREAD_MUTEX_RECURSIVE);
    rwlock_writers_not_starved();
    barrier_rounds();
    semaphores();

    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        T_RET(pthread_create(&t[i], NULL, once_caller, NULL), 0);
    for (int i = 0; i < THREADS; i++)
        T_RET(pthread_join(t[i], NULL), 0);
    T_EQ(once_runs, 1);

    T_RET(pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE), 0);
    for (int i = 0; i < 2; i++)
        T_RET(pthread_create(&t[i], NULL, spinner, NULL), 0);
    for (int i = 0; i < 2; i++)
        T_RET(pthread_join(t[i], NULL), 0);
    T_EQ(spin_counter, 100000);
    return t_status();
}
