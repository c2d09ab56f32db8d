/* poll, ppoll, select, pselect: readiness, timeouts, ignored entries, error paths. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/select.h>
#include <unistd.h>
#include "os_test.h"

int main(void)
{
    int p[2];
    T_EQ(pipe(p), 0);

    /* Nothing to read yet: a zero timeout returns 0; the write end is writable. */
    struct pollfd fds[3] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}, {-1, POLLIN, 7}};
    T_EQ(poll(fds, 3, 0), 1);
    T_EQ(fds[0].revents, 0);
    T_EQ(fds[1].revents, POLLOUT);
    T_EQ(fds[2].revents, 0);
    T_EQ(poll(fds, 1, 10), 0);
    T_EQ(write(p[1], "x", 1), 1);
    T_EQ(poll(fds, 1, -1), 1);
    T_EQ(fds[0].revents, POLLIN);
    struct pollfd bad = {999, POLLIN, 0};
    T_EQ(poll(&bad, 1, 0), 1);
    T_EQ(bad.revents, POLLNVAL);
    T_ERRNO(poll(os_bad_pointer(), 1, 0), EFAULT);
    T_EQ(poll(NULL, 0, 1), 0);

    struct timespec ts = {0, 1000000};
    T_EQ(ppoll(fds, 2, &ts, NULL), 2);
    T_EQ(ts.tv_sec, 0);
    T_EQ(ts.tv_nsec, 1000000);
    sigset_t mask;
    sigemptyset(&mask);
    T_EQ(ppoll(fds, 1, &ts, &mask), 1);
    ts.tv_nsec = -1;
    T_ERRNO(ppoll(fds, 1, &ts, NULL), EINVAL);

    /* select and pselect. */
    fd_set r, w;
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_SET(p[0], &r);
    FD_SET(p[1], &w);
    struct timeval tv = {0, 0};
    T_EQ(select(p[1] + 1, &r, &w, NULL, &tv), 2);
    T_CHECK(FD_ISSET(p[0], &r) && FD_ISSET(p[1], &w));
    char c;
    T_EQ(read(p[0], &c, 1), 1);
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    tv.tv_usec = 1000;
    T_EQ(select(p[0] + 1, &r, NULL, NULL, &tv), 0);
    T_CHECK(!FD_ISSET(p[0], &r));
    FD_SET(p[0], &r);
    struct timespec pts = {0, 1000};
    T_EQ(pselect(p[0] + 1, &r, NULL, NULL, &pts, &mask), 0);
    T_EQ(pts.tv_nsec, 1000);
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    T_EQ(pselect(p[0] + 1, &r, NULL, NULL, &pts, NULL), 0);
    T_ERRNO(select(-1, NULL, NULL, NULL, &tv), EINVAL);
    tv.tv_usec = -5;
    T_ERRNO(select(1, NULL, NULL, NULL, &tv), EINVAL);
    FD_ZERO(&r);
    FD_SET(20, &r);
    tv.tv_usec = 0;
    T_ERRNO(select(21, &r, NULL, NULL, &tv), EBADF);
    close(p[0]);
    close(p[1]);
    return t_status();
}
