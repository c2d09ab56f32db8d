/* timerfd_create, timerfd_settime, timerfd_gettime: a short one-shot timer and a periodic
 * one read as uint64_t expiration counts, disarming, the previous setting, TFD_TIMER_ABSTIME,
 * and the error paths. */
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <sys/timerfd.h>
#include <time.h>
#include "../os/os_test.h"

int main(void)
{
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    T_CHECK(fd >= 0);
    T_EQ(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);

    /* Unarmed: all zero, and a non-blocking read has nothing. */
    struct itimerspec cur;
    T_EQ(timerfd_gettime(fd, &cur), 0);
    T_EQ(cur.it_value.tv_sec | cur.it_value.tv_nsec | cur.it_interval.tv_sec | cur.it_interval.tv_nsec, 0);
    uint64_t n = 0;
    fcntl(fd, F_SETFL, O_NONBLOCK);
    T_ERRNO(read(fd, &n, sizeof n), EAGAIN);
    fcntl(fd, F_SETFL, 0);

    /* One shot, 2 ms from now: a blocking read gives one expiration. */
    struct itimerspec once = { { 0, 0 }, { 0, 2000000 } };
    T_EQ(timerfd_settime(fd, 0, &once, NULL), 0);
    T_EQ(timerfd_gettime(fd, &cur), 0);
    T_CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec <= 2000000);
    T_EQ(read(fd, &n, sizeof n), 8);
    T_EQ(n, 1);
    T_EQ(timerfd_gettime(fd, &cur), 0);
    T_EQ(cur.it_value.tv_sec | cur.it_value.tv_nsec, 0);

    /* Periodic every 1 ms: at least one expiration per read; the old setting comes back. */
    struct itimerspec periodic = { { 0, 1000000 }, { 0, 1000000 } };
    struct itimerspec old;
    T_EQ(timerfd_settime(fd, 0, &periodic, &old), 0);
    T_EQ(old.it_value.tv_sec | old.it_value.tv_nsec | old.it_interval.tv_nsec, 0);
    T_EQ(read(fd, &n, sizeof n), 8);
    T_CHECK(n >= 1);
    T_EQ(read(fd, &n, sizeof n), 8);
    T_CHECK(n >= 1);
    struct itimerspec off = { { 0, 0 }, { 0, 0 } };
    T_EQ(timerfd_settime(fd, 0, &off, &old), 0);
    T_EQ(old.it_interval.tv_sec, 0);
    T_EQ(old.it_interval.tv_nsec, 1000000);
    struct pollfd pfd = { fd, POLLIN, 0 };
    T_EQ(poll(&pfd, 1, 5), 0);

    /* An absolute time already past expires at once. */
    struct itimerspec past = { { 0, 0 }, { 0, 1 } };
    T_EQ(timerfd_settime(fd, TFD_TIMER_ABSTIME, &past, NULL), 0);
    T_EQ(read(fd, &n, sizeof n), 8);
    T_EQ(n, 1);

    /* A read smaller than 8 bytes is refused. */
    T_EQ(timerfd_settime(fd, TFD_TIMER_ABSTIME, &past, NULL), 0);
    char small[4];
    T_ERRNO(read(fd, small, sizeof small), EINVAL);

    /* Error paths. */
    T_ERRNO(timerfd_create(12345, 0), EINVAL);
    T_ERRNO(timerfd_create(CLOCK_MONOTONIC, 0x12345), EINVAL);
    struct itimerspec bad = { { 0, 0 }, { 0, 1000000000 } };
    T_ERRNO(timerfd_settime(fd, 0, &bad, NULL), EINVAL);
    T_ERRNO(timerfd_settime(fd, 0x1234, &once, NULL), EINVAL);
    T_ERRNO(timerfd_settime(fd, 0, os_bad_pointer(), NULL), EFAULT);
    T_ERRNO(timerfd_settime(fd, 0, &off, os_bad_pointer()), EFAULT);
    T_ERRNO(timerfd_settime(-1, 0, &once, NULL), EBADF);
    T_ERRNO(timerfd_gettime(fd, os_bad_pointer()), EFAULT);
    T_ERRNO(timerfd_gettime(-1, &cur), EBADF);
    int other = open("/dev/null", O_RDONLY);
    T_ERRNO(timerfd_gettime(other, &cur), EINVAL);
    close(other);
    T_EQ(close(fd), 0);
    t_print("timerfd done\n");
    return t_status();
}
