/* pthread_mutex_*, pthread_mutexattr_*: every kind, the static initialisers, and the POSIX
 * error codes, in one thread. */
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <time.h>
#include "test.h"
#include "sync_test.h"

static pthread_mutex_t plain = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t recursive = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static pthread_mutex_t errorcheck = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP;
static pthread_mutex_t adaptive = PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP;

static void static_initialisers(void)
{
    /* Normal: lock, trylock fails, unlock. */
    T_RET(pthread_mutex_lock(&plain), 0);
    T_RET(pthread_mutex_trylock(&plain), EBUSY);
    T_RET(pthread_mutex_unlock(&plain), 0);
    T_RET(pthread_mutex_trylock(&plain), 0);
    T_RET(pthread_mutex_unlock(&plain), 0);

    /* Recursive from the _NP initialiser: no self-deadlock. */
    T_RET(pthread_mutex_lock(&recursive), 0);
    T_RET(pthread_mutex_lock(&recursive), 0);
    T_RET(pthread_mutex_trylock(&recursive), 0);
    T_RET(pthread_mutex_unlock(&recursive), 0);
    T_RET(pthread_mutex_unlock(&recursive), 0);
    T_RET(pthread_mutex_unlock(&recursive), 0);
    T_RET(pthread_mutex_unlock(&recursive), EPERM);

    /* Error-checking from the _NP initialiser. */
    T_RET(pthread_mutex_unlock(&errorcheck), EPERM);
    T_RET(pthread_mutex_lock(&errorcheck), 0);
    T_RET(pthread_mutex_lock(&errorcheck), EDEADLK);
    T_RET(pthread_mutex_trylock(&errorcheck), EBUSY);
    T_RET(pthread_mutex_unlock(&errorcheck), 0);
    T_RET(pthread_mutex_unlock(&errorcheck), EPERM);

    /* Adaptive behaves as normal. */
    T_RET(pthread_mutex_lock(&adaptive), 0);
    T_RET(pthread_mutex_trylock(&adaptive), EBUSY);
    T_RET(pthread_mutex_unlock(&adaptive), 0);
}

static void attributes(void)
{
    pthread_mutexattr_t a;
    int v = -1;
    T_RET(pthread_mutexattr_init(&a), 0);
    T_RET(pthread_mutexattr_gettype(&a, &v), 0);
    T_EQ(v, PTHREAD_MUTEX_DEFAULT);
    T_RET(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE), 0);
    T_RET(pthread_mutexattr_gettype(&a, &v), 0);
    T_EQ(v, PTHREAD_MUTEX_RECURSIVE);
    T_RET(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ADAPTIVE_NP), 0);
    T_RET(pthread_mutexattr_gettype(&a, &v), 0);
    T_EQ(v, PTHREAD_MUTEX_ADAPTIVE_NP);
    T_RET(pthread_mutexattr_settype(&a, 4), EINVAL);
    T_RET(pthread_mutexattr_settype(&a, -1), EINVAL);

    T_RET(pthread_mutexattr_getpshared(&a, &v), 0);
    T_EQ(v, PTHREAD_PROCESS_PRIVATE);
    T_RET(pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED), 0);
    T_RET(pthread_mutexattr_getpshared(&a, &v), 0);
    T_EQ(v, PTHREAD_PROCESS_SHARED);
    T_RET(pthread_mutexattr_setpshared(&a, 2), EINVAL);

    T_RET(pthread_mutexattr_getprotocol(&a, &v), 0);
    T_EQ(v, PTHREAD_PRIO_NONE);
    T_RET(pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT), 0);
    T_RET(pthread_mutexattr_getprotocol(&a, &v), 0);
    T_EQ(v, PTHREAD_PRIO_INHERIT);
    T_RET(pthread_mutexattr_setprotocol(&a, 3), EINVAL);
    T_RET(pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_NONE), 0);

    T_RET(pthread_mutexattr_getprioceiling(&a, &v), 0);
    T_EQ(v, 1);
    T_RET(pthread_mutexattr_setprioceiling(&a, 42), 0);
    T_RET(pthread_mutexattr_getprioceiling(&a, &v), 0);
    T_EQ(v, 42);
    T_RET(pthread_mutexattr_setprioceiling(&a, 0), EINVAL);
    T_RET(pthread_mutexattr_setprioceiling(&a, 100), EINVAL);
    T_RET(pthread_mutexattr_destroy(&a), 0);
}

/* A mutex made with attributes of the given type and protocol. */
static void init_kind(pthread_mutex_t *m, int type, int protocol, int pshared)
{
    pthread_mutexattr_t a;
    T_RET(pthread_mutexattr_init(&a), 0);
    T_RET(pthread_mutexattr_settype(&a, type), 0);
    T_RET(pthread_mutexattr_setprotocol(&a, protocol), 0);
    T_RET(pthread_mutexattr_setpshared(&a, pshared), 0);
    T_RET(pthread_mutex_init(m, &a), 0);
    T_RET(pthread_mutexattr_destroy(&a), 0);
}

static void kinds(int protocol, int pshared)
{
    pthread_mutex_t m;
    init_kind(&m, PTHREAD_MUTEX_NORMAL, protocol, pshared);
    T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_trylock(&m), EBUSY);
    T_RET(pthread_mutex_destroy(&m), EBUSY);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_destroy(&m), 0);

    init_kind(&m, PTHREAD_MUTEX_RECURSIVE, protocol, pshared);
    for (int i = 0; i < 1000; i++)
        T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_trylock(&m), 0);
    for (int i = 0; i < 1001; i++)
        T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_unlock(&m), EPERM);
    T_RET(pthread_mutex_destroy(&m), 0);

    init_kind(&m, PTHREAD_MUTEX_ERRORCHECK, protocol, pshared);
    T_RET(pthread_mutex_unlock(&m), EPERM);
    T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_lock(&m), EDEADLK);
    /* glibc: EDEADLK for a priority-inheritance mutex, EBUSY otherwise. */
    T_RET(pthread_mutex_trylock(&m), protocol == PTHREAD_PRIO_INHERIT ? EDEADLK : EBUSY);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_destroy(&m), 0);
}

static void timed(void)
{
    pthread_mutex_t m;
    T_RET(pthread_mutex_init(&m, NULL), 0);
    struct timespec ts = in_ms(CLOCK_REALTIME, 20);
    T_RET(pthread_mutex_timedlock(&m, &ts), 0);
    /* Held: the deadline passes. */
    T_RET(pthread_mutex_timedlock(&m, &ts), ETIMEDOUT);
    ts = in_ms(CLOCK_REALTIME, 10);
    T_RET(pthread_mutex_timedlock(&m, &ts), ETIMEDOUT);
    ts = in_ms(CLOCK_MONOTONIC, 10);
    T_RET(pthread_mutex_clocklock(&m, CLOCK_MONOTONIC, &ts), ETIMEDOUT);
    struct timespec past = { -1, 0 };
    T_RET(pthread_mutex_timedlock(&m, &past), ETIMEDOUT);
    T_RET(pthread_mutex_clocklock(&m, CLOCK_MONOTONIC, &past), ETIMEDOUT);
    /* An invalid time is EINVAL when the lock has to wait. */
    struct timespec bad = { 0, 1000000000 };
    T_RET(pthread_mutex_timedlock(&m, &bad), EINVAL);
    bad.tv_nsec = -1;
    T_RET(pthread_mutex_clocklock(&m, CLOCK_REALTIME, &bad), EINVAL);
    /* A clock a futex cannot wait on is EINVAL. */
    ts = in_ms(CLOCK_MONOTONIC, 10);
    T_RET(pthread_mutex_clocklock(&m, CLOCK_PROCESS_CPUTIME_ID, &ts), EINVAL);
    T_RET(pthread_mutex_clocklock(&m, 12345, &ts), EINVAL);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_clocklock(&m, CLOCK_MONOTONIC, &ts), 0);
    T_RET(pthread_mutex_unlock(&m), 0);

    /* Error-checking and recursive kinds answer for themselves before timing out. */
    init_kind(&m, PTHREAD_MUTEX_ERRORCHECK, PTHREAD_PRIO_NONE, PTHREAD_PROCESS_PRIVATE);
    T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_timedlock(&m, &past), EDEADLK);
    T_RET(pthread_mutex_unlock(&m), 0);
    init_kind(&m, PTHREAD_MUTEX_RECURSIVE, PTHREAD_PRIO_NONE, PTHREAD_PROCESS_PRIVATE);
    T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_timedlock(&m, &past), 0);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_unlock(&m), 0);
    init_kind(&m, PTHREAD_MUTEX_NORMAL, PTHREAD_PRIO_INHERIT, PTHREAD_PROCESS_PRIVATE);
    T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_unlock(&m), 0);
    ts = in_ms(CLOCK_REALTIME, 10);
    T_RET(pthread_mutex_timedlock(&m, &ts), 0);
    T_RET(pthread_mutex_unlock(&m), 0);
}

int main(void)
{
    static_initialisers();
    attributes();
    kinds(PTHREAD_PRIO_NONE, PTHREAD_PROCESS_PRIVATE);
    kinds(PTHREAD_PRIO_NONE, PTHREAD_PROCESS_SHARED);
    kinds(PTHREAD_PRIO_INHERIT, PTHREAD_PROCESS_PRIVATE);
    timed();

    /* The owner's TID is where debuggers look (offset 8), for every kind; the main thread's
     * TID is the process id. */
    T_RET(pthread_mutex_lock(&plain), 0);
    T_EQ(plain.__data.__owner, getpid());
    T_RET(pthread_mutex_unlock(&plain), 0);
    T_EQ(plain.__data.__owner, 0);

    /* A destroyed mutex is EINVAL (glibc marks it, as we do). */
    pthread_mutex_t m;
    T_RET(pthread_mutex_init(&m, NULL), 0);
    T_RET(pthread_mutex_destroy(&m), 0);
    T_RET(pthread_mutex_lock(&m), EINVAL);
    T_RET(pthread_mutex_trylock(&m), EINVAL);
    return t_status();
}
