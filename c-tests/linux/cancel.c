/* The Linux calls that glibc makes cancellation points: a thread blocked in epoll_wait,
 * epoll_pwait or epoll_pwait2 on an empty pipe, in splice or tee from an empty pipe, in
 * vmsplice into a full one, or in eventfd_read of a zero counter or eventfd_write of a full
 * one, is cancelled there and runs its cleanup handler and key destructor. */
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/uio.h>
#include "../os/cancel_test.h"

static int p[2], q[2], ep, efd;
static char byte;
static struct iovec iov = { &byte, 1 };
static struct epoll_event out[2];

static void pipes_open(void)
{
    T_RET(pipe(p), 0);
    T_RET(pipe(q), 0);
    ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN };
    T_EQ(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), 0);
}

static void pipes_close(void)
{
    close(p[0]);
    close(p[1]);
    close(q[0]);
    close(q[1]);
    close(ep);
}

/* Fills pipe q so that the next write into it blocks. */
static void full_open(void)
{
    static char chunk[4096];
    pipes_open();
    fcntl(q[1], F_SETFL, O_NONBLOCK);
    while (write(q[1], chunk, sizeof chunk) > 0)
        ;
    while (write(q[1], chunk, 1) > 0)
        ;
    fcntl(q[1], F_SETFL, 0);
}

static void counter_zero(void) { efd = eventfd(0, 0); T_CHECK(efd >= 0); }
static void counter_full(void) { counter_zero(); T_EQ(eventfd_write(efd, 0xfffffffffffffffeull), 0); }
static void counter_close(void) { close(efd); }

static void do_epoll_wait(void) { epoll_wait(ep, out, 2, -1); }
static void do_epoll_pwait(void) { epoll_pwait(ep, out, 2, -1, NULL); }
static void do_epoll_pwait2(void) { epoll_pwait2(ep, out, 2, NULL, NULL); }
static void do_splice(void) { splice(p[0], NULL, q[1], NULL, 1, 0); }
static void do_tee(void) { tee(p[0], q[1], 1, 0); }
static void do_vmsplice(void) { vmsplice(q[1], &iov, 1, 0); }
static void do_eventfd_read(void) { eventfd_t v; eventfd_read(efd, &v); }
static void do_eventfd_write(void) { eventfd_write(efd, 1); }

static const struct cancel_case points[] = {
    { "epoll_wait", pipes_open, do_epoll_wait, pipes_close },
    { "epoll_pwait", pipes_open, do_epoll_pwait, pipes_close },
    { "epoll_pwait2", pipes_open, do_epoll_pwait2, pipes_close },
    { "splice", pipes_open, do_splice, pipes_close },
    { "tee", pipes_open, do_tee, pipes_close },
    { "vmsplice", full_open, do_vmsplice, pipes_close },
    { "eventfd_read", counter_zero, do_eventfd_read, counter_close },
    { "eventfd_write", counter_full, do_eventfd_write, counter_close },
};

int main(void)
{
    ct_init();
    cancel_cases(points, sizeof points / sizeof points[0]);
    return t_status();
}
