/* clock_gettime: the clocks advance as they should; an unknown clock is EINVAL. */
#include <errno.h>
#include <time.h>
#include "test.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
    static const clockid_t clocks[] = {
        CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID,
        CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME,
    };
    for (unsigned i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        struct timespec a, b;
        T_EQ(clock_gettime(clocks[i], &a), 0);
        T_CHECK(a.tv_nsec >= 0 && a.tv_nsec < 1000000000);
        T_EQ(clock_gettime(clocks[i], &b), 0);
        T_CHECK(clocks[i] == CLOCK_REALTIME || ns(b) >= ns(a));
    }
    struct timespec t;
    T_EQ(clock_gettime(CLOCK_REALTIME, &t), 0);
    T_CHECK(t.tv_sec > 1700000000); /* after November 2023 */
    T_EQ(clock_gettime(CLOCK_MONOTONIC, &t), 0);
    long long start = ns(t);
    volatile unsigned long spin = 0;
    for (unsigned long i = 0; i < 10000000; i++)
        spin += i;
    T_EQ(clock_gettime(CLOCK_MONOTONIC, &t), 0);
    T_CHECK(ns(t) > start);

    T_ERRNO(clock_gettime(12345, &t), EINVAL);
    T_ERRNO(clock_gettime(-1000, &t), EINVAL);
    return t_status();
}
