/* The socket calls glibc makes cancellation points: a thread blocked in accept or accept4
 * (a listener nobody connects to), connect (to a TCP listener whose backlog is full, so the
 * handshake never completes), recv, recvfrom, recvmsg or recvmmsg (an empty socket pair),
 * or send, sendto, sendmsg or sendmmsg (a full one) is cancelled there, runs its cleanup
 * handler and key destructor, and joins as PTHREAD_CANCELED. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "../os/cancel_test.h"

static int sv[2];
static int listener, queued, victim_fd = -1;
static struct sockaddr_in addr;
static char byte = 'b';
static struct iovec iov = { &byte, 1 };

static void pair_open(void) { T_RET(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0); }
static void pair_close(void) { close(sv[0]); close(sv[1]); }

/* Fills sv[0]'s direction of the pair so that its next send blocks. */
static void pair_full(void)
{
    static char chunk[4096];
    pair_open();
    while (send(sv[0], chunk, sizeof chunk, MSG_DONTWAIT) > 0)
        ;
    while (send(sv[0], chunk, 1, MSG_DONTWAIT) > 0)
        ;
}

static void unix_listener(void)
{
    listener = socket(AF_UNIX, SOCK_STREAM, 0);
    /* Only the family: the kernel picks a free abstract name (nothing in the file system,
     * no clash with another run). */
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    T_EQ(bind(listener, (struct sockaddr *)&a, sizeof(sa_family_t)), 0);
    T_EQ(listen(listener, 1), 0);
}

/* A loopback TCP listener with a backlog of 0, whose one place a first connection fills:
 * the kernel drops the next SYNs, so a blocking connect waits for the retransmissions. */
static void tcp_full(void)
{
    listener = socket(AF_INET, SOCK_STREAM, 0);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    T_EQ(bind(listener, (struct sockaddr *)&addr, sizeof addr), 0);
    socklen_t len = sizeof addr;
    T_EQ(getsockname(listener, (struct sockaddr *)&addr, &len), 0);
    T_EQ(listen(listener, 0), 0);
    queued = socket(AF_INET, SOCK_STREAM, 0);
    T_EQ(connect(queued, (struct sockaddr *)&addr, sizeof addr), 0);
}

static void listener_close(void)
{
    close(listener);
    if (queued > 0)
        close(queued);
    if (victim_fd >= 0)
        close(victim_fd);
    queued = 0;
    victim_fd = -1;
}

static void call_accept(void) { accept(listener, NULL, NULL); }
static void call_accept4(void) { accept4(listener, NULL, NULL, SOCK_CLOEXEC); }
static void call_connect(void)
{
    victim_fd = socket(AF_INET, SOCK_STREAM, 0);
    connect(victim_fd, (struct sockaddr *)&addr, sizeof addr);
}
static void call_recv(void) { recv(sv[1], &byte, 1, 0); }
static void call_recvfrom(void) { recvfrom(sv[1], &byte, 1, 0, NULL, NULL); }
static void call_recvmsg(void)
{
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
    recvmsg(sv[1], &m, 0);
}
static void call_recvmmsg(void)
{
    struct mmsghdr m = { .msg_hdr = { .msg_iov = &iov, .msg_iovlen = 1 } };
    recvmmsg(sv[1], &m, 1, 0, NULL);
}
static void call_send(void) { send(sv[0], &byte, 1, 0); }
static void call_sendto(void) { sendto(sv[0], &byte, 1, 0, NULL, 0); }
static void call_sendmsg(void)
{
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
    sendmsg(sv[0], &m, 0);
}
static void call_sendmmsg(void)
{
    struct mmsghdr m = { .msg_hdr = { .msg_iov = &iov, .msg_iovlen = 1 } };
    sendmmsg(sv[0], &m, 1, 0);
}

static const struct cancel_case points[] = {
    { "accept", unix_listener, call_accept, listener_close },
    { "accept4", unix_listener, call_accept4, listener_close },
    { "connect", tcp_full, call_connect, listener_close },
    { "recv", pair_open, call_recv, pair_close },
    { "recvfrom", pair_open, call_recvfrom, pair_close },
    { "recvmsg", pair_open, call_recvmsg, pair_close },
    { "recvmmsg", pair_open, call_recvmmsg, pair_close },
    { "send", pair_full, call_send, pair_close },
    { "sendto", pair_full, call_sendto, pair_close },
    { "sendmsg", pair_full, call_sendmsg, pair_close },
    { "sendmmsg", pair_full, call_sendmmsg, pair_close },
};

int main(void)
{
    ct_init();
    cancel_cases(points, sizeof points / sizeof points[0]);
    return t_status();
}
