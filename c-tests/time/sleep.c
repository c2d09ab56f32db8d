/* nanosleep, clock_nanosleep, sleep, usleep, gettimeofday, time, clock_getres: short sleeps
 * last at least as asked, and the error cases (EINVAL in errno or as the returned number). */
#include <errno.h>
#include <stddef.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "test.h"

static long long now_ns(clockid_t c)
{
    struct timespec t;
    clock_gettime(c, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void)
{
    long long start = now_ns(CLOCK_MONOTONIC);
    struct timespec req = { 0, 20000000 }, rem = { 7, 7 };
    T_EQ(nanosleep(&req, &rem), 0);
    T_CHECK(now_ns(CLOCK_MONOTONIC) - start >= 20000000);
    T_EQ(rem.tv_sec, 7);

    struct timespec bad_nsec = { 0, 1000000000 }, negative = { -1, 0 }, minus_nsec = { 0, -1 };
    T_ERRNO(nanosleep(&bad_nsec, NULL), EINVAL);
    T_ERRNO(nanosleep(&negative, NULL), EINVAL);
    T_ERRNO(nanosleep(&minus_nsec, NULL), EINVAL);

    start = now_ns(CLOCK_MONOTONIC);
    T_RET(clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL), 0);
    T_CHECK(now_ns(CLOCK_MONOTONIC) - start >= 20000000);
    start = now_ns(CLOCK_REALTIME);
    T_RET(clock_nanosleep(CLOCK_REALTIME, 0, &req, &rem), 0);
    T_CHECK(now_ns(CLOCK_REALTIME) - start >= 19000000);

    /* Absolute deadlines: one 20 ms ahead, one in the past (returns at once). */
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_nsec += 20000000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    T_RET(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL), 0);
    T_CHECK(now_ns(CLOCK_MONOTONIC) >= deadline.tv_sec * 1000000000LL + deadline.tv_nsec);
    struct timespec past = { 1, 0 };
    T_RET(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &past, NULL), 0);

    /* clock_nanosleep returns its errors. */
    T_RET(clock_nanosleep(CLOCK_MONOTONIC, 0, &bad_nsec, NULL), EINVAL);
    T_RET(clock_nanosleep(CLOCK_MONOTONIC, 0, &negative, NULL), EINVAL);
    T_RET(clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL), EINVAL);
    T_RET(clock_nanosleep(12345, 0, &req, NULL), EINVAL);

    T_EQ(sleep(0), 0);
    start = now_ns(CLOCK_MONOTONIC);
    T_EQ(usleep(15000), 0);
    T_CHECK(now_ns(CLOCK_MONOTONIC) - start >= 15000000);
    T_EQ(usleep(0), 0);

    /* gettimeofday and time agree with clock_gettime; a tz argument is zeroed. */
    struct timeval tv;
    struct timezone tz = { 123, 456 };
    T_EQ(gettimeofday(&tv, &tz), 0);
    T_CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    T_EQ(tz.tz_minuteswest, 0);
    T_EQ(tz.tz_dsttime, 0);
    long long real = now_ns(CLOCK_REALTIME) / 1000;
    long long tod = tv.tv_sec * 1000000LL + tv.tv_usec;
    T_CHECK(real >= tod && real - tod < 5000000);
    T_EQ(gettimeofday(&tv, NULL), 0);
    time_t t1, t2 = time(&t1);
    T_EQ(t1, t2);
    T_CHECK(t2 >= tv.tv_sec && t2 - tv.tv_sec < 5);
    T_CHECK(time(NULL) >= t2);

    /* clock_getres: a resolution for the known clocks, EINVAL for others; NULL allowed. */
    struct timespec res;
    T_EQ(clock_getres(CLOCK_MONOTONIC, &res), 0);
    T_CHECK(res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 10000000);
    T_EQ(clock_getres(CLOCK_REALTIME, NULL), 0);
    T_EQ(clock_getres(CLOCK_PROCESS_CPUTIME_ID, &res), 0);
    T_ERRNO(clock_getres(12345, &res), EINVAL);
    t_print("ok\n");
    return t_status();
}
