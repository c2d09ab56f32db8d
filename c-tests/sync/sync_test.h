/* sync_test.h: helpers shared by the synchronisation tests. */
#ifndef SYNC_TEST_H
#define SYNC_TEST_H

#include <time.h>

/* The time `ms` milliseconds from now on `clock`. */
static inline struct timespec in_ms(clockid_t clock, long ms)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    ts.tv_nsec += ms * 1000000;
    ts.tv_sec += ts.tv_nsec / 1000000000;
    ts.tv_nsec %= 1000000000;
    return ts;
}

#endif
