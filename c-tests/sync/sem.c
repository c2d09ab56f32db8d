/* sem_init, sem_destroy, sem_post, sem_wait, sem_trywait, sem_timedwait, sem_clockwait,
 * sem_getvalue: values, limits, timeouts on both clocks and errno, in one thread. */
#include <errno.h>
#include <limits.h>
#include <semaphore.h>
#include <time.h>
#include "test.h"
#include "sync_test.h"

int main(void)
{
    sem_t s;
    int v = -1;
    T_EQ(sem_init(&s, 0, 3), 0);
    T_EQ(sem_getvalue(&s, &v), 0);
    T_EQ(v, 3);
    T_EQ(sem_wait(&s), 0);
    T_EQ(sem_trywait(&s), 0);
    struct timespec ts = in_ms(CLOCK_REALTIME, 10);
    T_EQ(sem_timedwait(&s, &ts), 0);
    T_EQ(sem_getvalue(&s, &v), 0);
    T_EQ(v, 0);
    T_ERRNO(sem_trywait(&s), EAGAIN);
    T_ERRNO(sem_timedwait(&s, &ts), ETIMEDOUT);
    ts = in_ms(CLOCK_MONOTONIC, 10);
    T_ERRNO(sem_clockwait(&s, CLOCK_MONOTONIC, &ts), ETIMEDOUT);
    struct timespec past = { -1, 0 };
    T_ERRNO(sem_timedwait(&s, &past), ETIMEDOUT);
    struct timespec bad = { 0, 1000000000 };
    T_ERRNO(sem_timedwait(&s, &bad), EINVAL);
    bad.tv_nsec = -1;
    T_ERRNO(sem_clockwait(&s, CLOCK_REALTIME, &bad), EINVAL);
    T_ERRNO(sem_clockwait(&s, CLOCK_PROCESS_CPUTIME_ID, &ts), EINVAL);

    T_EQ(sem_post(&s), 0);
    T_EQ(sem_post(&s), 0);
    T_EQ(sem_getvalue(&s, &v), 0);
    T_EQ(v, 2);
    ts = in_ms(CLOCK_MONOTONIC, 10);
    T_EQ(sem_clockwait(&s, CLOCK_MONOTONIC, &ts), 0);
    T_EQ(sem_clockwait(&s, CLOCK_MONOTONIC, &past), 0);
    T_ERRNO(sem_trywait(&s), EAGAIN);
    T_EQ(sem_destroy(&s), 0);

    /* The limits: SEM_VALUE_MAX, then EOVERFLOW on post; above it EINVAL at init. */
    T_ERRNO(sem_init(&s, 0, (unsigned)SEM_VALUE_MAX + 1), EINVAL);
    T_EQ(sem_init(&s, 1, SEM_VALUE_MAX), 0);
    T_ERRNO(sem_post(&s), EOVERFLOW);
    T_EQ(sem_getvalue(&s, &v), 0);
    T_EQ(v, SEM_VALUE_MAX);
    T_EQ(sem_wait(&s), 0);
    T_EQ(sem_post(&s), 0);
    T_EQ(sem_destroy(&s), 0);
    return t_status();
}
