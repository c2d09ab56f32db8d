/* pthread_rwlock_*, pthread_rwlockattr_*: recursive readers, the writer's EDEADLK, trylocks,
 * timeouts on both clocks and the POSIX error codes, in one thread. */
#include <errno.h>
#include <pthread.h>
#include <time.h>
#include "test.h"
#include "sync_test.h"

static pthread_rwlock_t plain = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t writer_first = PTHREAD_RWLOCK_WRITER_NONRECURSIVE_INITIALIZER_NP;

static void exercise(pthread_rwlock_t *l)
{
    /* Readers share, recursively. */
    for (int i = 0; i < 100; i++)
        T_RET(pthread_rwlock_rdlock(l), 0);
    T_RET(pthread_rwlock_tryrdlock(l), 0);
    T_RET(pthread_rwlock_trywrlock(l), EBUSY);
    struct timespec ts = in_ms(CLOCK_REALTIME, 10);
    T_RET(pthread_rwlock_timedwrlock(l, &ts), ETIMEDOUT);
    ts = in_ms(CLOCK_MONOTONIC, 10);
    T_RET(pthread_rwlock_clockwrlock(l, CLOCK_MONOTONIC, &ts), ETIMEDOUT);
    for (int i = 0; i < 101; i++)
        T_RET(pthread_rwlock_unlock(l), 0);

    /* The writer excludes everyone, itself included. */
    T_RET(pthread_rwlock_wrlock(l), 0);
    T_RET(pthread_rwlock_wrlock(l), EDEADLK);
    T_RET(pthread_rwlock_rdlock(l), EDEADLK);
    T_RET(pthread_rwlock_trywrlock(l), EBUSY);
    T_RET(pthread_rwlock_tryrdlock(l), EBUSY);
    struct timespec past = { -1, 0 };
    T_RET(pthread_rwlock_unlock(l), 0);

    /* Timed forms succeed on a free lock and time out behind a holder. */
    ts = in_ms(CLOCK_REALTIME, 10);
    T_RET(pthread_rwlock_timedwrlock(l, &ts), 0);
    T_RET(pthread_rwlock_unlock(l), 0);
    T_RET(pthread_rwlock_timedrdlock(l, &ts), 0);
    T_RET(pthread_rwlock_unlock(l), 0);
    ts = in_ms(CLOCK_MONOTONIC, 10);
    T_RET(pthread_rwlock_clockrdlock(l, CLOCK_MONOTONIC, &ts), 0);
    T_RET(pthread_rwlock_clockwrlock(l, CLOCK_MONOTONIC, &past), ETIMEDOUT);
    T_RET(pthread_rwlock_unlock(l), 0);
    T_RET(pthread_rwlock_clockwrlock(l, CLOCK_MONOTONIC, &ts), 0);
    T_RET(pthread_rwlock_unlock(l), 0);

    /* Invalid times and clocks. */
    struct timespec bad = { 0, 1000000000 };
    T_RET(pthread_rwlock_timedrdlock(l, &bad), EINVAL);
    T_RET(pthread_rwlock_timedwrlock(l, &bad), EINVAL);
    bad.tv_nsec = -1;
    T_RET(pthread_rwlock_clockrdlock(l, CLOCK_REALTIME, &bad), EINVAL);
    T_RET(pthread_rwlock_clockwrlock(l, CLOCK_MONOTONIC, &bad), EINVAL);
    T_RET(pthread_rwlock_clockrdlock(l, CLOCK_PROCESS_CPUTIME_ID, &ts), EINVAL);
    T_RET(pthread_rwlock_clockwrlock(l, 12345, &ts), EINVAL);
}

static void attributes(void)
{
    pthread_rwlockattr_t a;
    int v = -1;
    T_RET(pthread_rwlockattr_init(&a), 0);
    T_RET(pthread_rwlockattr_getpshared(&a, &v), 0);
    T_EQ(v, PTHREAD_PROCESS_PRIVATE);
    T_RET(pthread_rwlockattr_setpshared(&a, PTHREAD_PROCESS_SHARED), 0);
    T_RET(pthread_rwlockattr_getpshared(&a, &v), 0);
    T_EQ(v, PTHREAD_PROCESS_SHARED);
    T_RET(pthread_rwlockattr_setpshared(&a, 2), EINVAL);
    T_RET(pthread_rwlockattr_getkind_np(&a, &v), 0);
    T_EQ(v, PTHREAD_RWLOCK_PREFER_READER_NP);
    T_RET(pthread_rwlockattr_setkind_np(&a, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP), 0);
    T_RET(pthread_rwlockattr_getkind_np(&a, &v), 0);
    T_EQ(v, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    T_RET(pthread_rwlockattr_setkind_np(&a, PTHREAD_RWLOCK_PREFER_WRITER_NP), 0);
    T_RET(pthread_rwlockattr_getkind_np(&a, &v), 0);
    T_EQ(v, PTHREAD_RWLOCK_PREFER_WRITER_NP);
    T_RET(pthread_rwlockattr_setkind_np(&a, 3), EINVAL);
    T_RET(pthread_rwlockattr_setkind_np(&a, -1), EINVAL);

    pthread_rwlock_t l;
    T_RET(pthread_rwlock_init(&l, &a), 0);
    exercise(&l);
    T_RET(pthread_rwlock_destroy(&l), 0);
    T_RET(pthread_rwlockattr_setkind_np(&a, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP), 0);
    T_RET(pthread_rwlockattr_setpshared(&a, PTHREAD_PROCESS_PRIVATE), 0);
    T_RET(pthread_rwlock_init(&l, &a), 0);
    exercise(&l);
    T_RET(pthread_rwlock_destroy(&l), 0);
    T_RET(pthread_rwlock_init(&l, NULL), 0);
    exercise(&l);
    T_RET(pthread_rwlock_destroy(&l), 0);
    T_RET(pthread_rwlockattr_destroy(&a), 0);
}

int main(void)
{
    exercise(&plain);
    exercise(&writer_first);
    attributes();
    return t_status();
}
