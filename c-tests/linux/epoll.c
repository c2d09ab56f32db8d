/* epoll_create, epoll_create1, epoll_ctl, epoll_wait, epoll_pwait, epoll_pwait2 on pipes and
 * eventfds: level- and edge-triggered readiness, EPOLLOUT, EPOLLONESHOT, the data word, and
 * the error paths (EEXIST, ENOENT, EBADF, EINVAL, EPERM, EFAULT, ELOOP). */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>
#include "../os/os_test.h"

static int ep, p[2];

static int ready(int timeout, struct epoll_event *out, int max)
{
    return epoll_wait(ep, out, max, timeout);
}

int main(void)
{
    T_EQ(sizeof(struct epoll_event), 12);
    ep = epoll_create(1);
    T_CHECK(ep >= 0);
    T_EQ(fcntl(ep, F_GETFD) & FD_CLOEXEC, 0);
    T_EQ(close(ep), 0);
    T_ERRNO(epoll_create(0), EINVAL);
    T_ERRNO(epoll_create(-1), EINVAL);
    T_ERRNO(epoll_create1(12345), EINVAL);
    ep = epoll_create1(EPOLL_CLOEXEC);
    T_CHECK(ep >= 0);
    T_EQ(fcntl(ep, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    T_RET(pipe(p), 0);

    /* Level-triggered: readable while data is there, with the caller's data word. */
    struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0x1122334455667788ull };
    struct epoll_event out[4];
    T_EQ(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), 0);
    T_EQ(ready(0, out, 4), 0);
    T_EQ(write(p[1], "ab", 2), 2);
    T_EQ(ready(-1, out, 4), 1);
    T_EQ(out[0].events, EPOLLIN);
    T_CHECK(out[0].data.u64 == 0x1122334455667788ull);
    T_EQ(ready(0, out, 4), 1);
    T_EQ(epoll_pwait(ep, out, 4, 0, NULL), 1);
    sigset_t mask;
    sigemptyset(&mask);
    T_EQ(epoll_pwait(ep, out, 4, 10, &mask), 1);
    struct timespec zero = { 0, 0 };
    T_EQ(epoll_pwait2(ep, out, 4, &zero, NULL), 1);
    T_EQ(epoll_pwait2(ep, out, 4, NULL, &mask), 1);
    char buf[8];
    T_EQ(read(p[0], buf, sizeof buf), 2);
    T_EQ(ready(0, out, 4), 0);
    struct timespec short_wait = { 0, 1000000 };
    T_EQ(epoll_pwait2(ep, out, 4, &short_wait, NULL), 0);
    T_EQ(epoll_wait(ep, out, 4, 1), 0);

    /* The write end: EPOLLOUT at once; both ends together give two events. */
    ev.events = EPOLLOUT;
    ev.data.fd = p[1];
    T_EQ(epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev), 0);
    T_EQ(ready(0, out, 4), 1);
    T_EQ(out[0].events, EPOLLOUT);
    T_EQ(out[0].data.fd, p[1]);
    T_EQ(write(p[1], "c", 1), 1);
    T_EQ(ready(0, out, 4), 2);
    T_EQ(ready(0, out, 1), 1);
    T_EQ(read(p[0], buf, sizeof buf), 1);
    T_EQ(epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL), 0);

    /* Edge-triggered: one report per arrival, however much is left unread. */
    ev.events = EPOLLIN | EPOLLET;
    ev.data.u32 = 7;
    T_EQ(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev), 0);
    T_EQ(write(p[1], "x", 1), 1);
    T_EQ(ready(0, out, 4), 1);
    T_EQ(out[0].data.u32, 7);
    T_EQ(ready(0, out, 4), 0);
    T_EQ(write(p[1], "y", 1), 1);
    T_EQ(ready(0, out, 4), 1);
    T_EQ(read(p[0], buf, sizeof buf), 2);

    /* One-shot: reported once, then disarmed until EPOLL_CTL_MOD re-arms it. */
    ev.events = EPOLLIN | EPOLLONESHOT;
    T_EQ(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev), 0);
    T_EQ(write(p[1], "z", 1), 1);
    T_EQ(ready(0, out, 4), 1);
    T_EQ(ready(0, out, 4), 0);
    T_EQ(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev), 0);
    T_EQ(ready(0, out, 4), 1);
    T_EQ(read(p[0], buf, sizeof buf), 1);

    /* An eventfd: readable while its counter is nonzero, writable until it would overflow. */
    int efd = eventfd(0, EFD_NONBLOCK);
    T_CHECK(efd >= 0);
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.fd = efd;
    T_EQ(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev), 0);
    T_EQ(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL), 0);
    T_EQ(ready(0, out, 4), 1);
    T_EQ(out[0].events, EPOLLOUT);
    T_EQ(eventfd_write(efd, 3), 0);
    T_EQ(ready(0, out, 4), 1);
    T_EQ(out[0].events, EPOLLIN | EPOLLOUT);
    T_EQ(out[0].data.fd, efd);
    eventfd_t v;
    T_EQ(eventfd_read(efd, &v), 0);
    T_EQ(v, 3);
    T_EQ(eventfd_write(efd, 0xfffffffffffffffeull), 0);
    T_EQ(ready(0, out, 4), 1);
    T_EQ(out[0].events, EPOLLIN);

    /* Error paths. */
    ev.events = EPOLLIN;
    T_ERRNO(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev), EEXIST);
    T_ERRNO(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev), ENOENT);
    T_ERRNO(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL), ENOENT);
    T_ERRNO(epoll_ctl(ep, 99, p[0], &ev), EINVAL);
    T_ERRNO(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev), EINVAL);
    T_ERRNO(epoll_ctl(-1, EPOLL_CTL_ADD, p[0], &ev), EBADF);
    T_ERRNO(epoll_ctl(ep, EPOLL_CTL_ADD, -1, &ev), EBADF);
    T_ERRNO(epoll_ctl(p[0], EPOLL_CTL_ADD, p[1], &ev), EINVAL);
    T_ERRNO(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], os_bad_pointer()), EFAULT);
    int file = open("/dev/null", O_RDONLY);
    T_ERRNO(epoll_ctl(ep, EPOLL_CTL_ADD, file, &ev), EPERM);
    close(file);
    int inner = epoll_create1(0);
    T_EQ(epoll_ctl(ep, EPOLL_CTL_ADD, inner, &ev), 0);
    T_ERRNO(epoll_ctl(inner, EPOLL_CTL_ADD, ep, &ev), ELOOP);
    close(inner);
    T_ERRNO(epoll_wait(-1, out, 4, 0), EBADF);
    T_ERRNO(epoll_wait(p[0], out, 4, 0), EINVAL);
    T_ERRNO(epoll_wait(ep, out, 0, 0), EINVAL);
    volatile int negative = -1;
    T_ERRNO(epoll_wait(ep, out, negative, 0), EINVAL);
    T_ERRNO(epoll_wait(ep, os_bad_pointer(), 4, 0), EFAULT);
    T_ERRNO(epoll_pwait(ep, out, 4, 0, os_bad_pointer()), EFAULT);
    T_ERRNO(epoll_pwait(-1, out, 4, 0, NULL), EBADF);
    T_ERRNO(epoll_pwait2(ep, out, 4, os_bad_pointer(), NULL), EFAULT);
    struct timespec bad = { 0, 1000000000 };
    T_ERRNO(epoll_pwait2(ep, out, 4, &bad, NULL), EINVAL);
    T_ERRNO(epoll_pwait2(ep, out, 0, &zero, NULL), EINVAL);
    T_ERRNO(epoll_pwait2(-1, out, 4, &zero, NULL), EBADF);

    /* Closing a watched descriptor removes it. */
    T_EQ(close(efd), 0);
    T_EQ(ready(0, out, 4), 0);
    close(p[0]);
    close(p[1]);
    T_EQ(close(ep), 0);
    t_print("epoll done\n");
    return t_status();
}
