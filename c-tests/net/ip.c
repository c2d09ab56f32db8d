/* TCP and UDP over 127.0.0.1 and ::1 (the IPv6 half is skipped, saying so, on a machine
 * without IPv6): bind to port 0, getsockname, listen, connect, accept, getpeername, send and
 * receive, shutdown, UDP sendto/recvfrom/connect, socket options (SO_REUSEADDR, SO_RCVBUF,
 * SO_TYPE, SO_ERROR after a refused non-blocking connect, TCP_NODELAY, IPV6_V6ONLY), urgent
 * data and sockatmark, and the error paths (EADDRINUSE, EAFNOSUPPORT, EINVAL, EFAULT,
 * ENOPROTOOPT, ECONNREFUSED, ENOTCONN, EDESTADDRREQ). Ports are never printed. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "test.h"

static void *bad(void)
{
    void *volatile p = (void *)8;
    return p;
}

/* A loopback address of family `af` with port `port` (network order). */
static socklen_t loopback(int af, struct sockaddr_storage *ss, in_port_t port)
{
    memset(ss, 0, sizeof *ss);
    if (af == AF_INET) {
        struct sockaddr_in *a = (struct sockaddr_in *)ss;
        a->sin_family = AF_INET;
        a->sin_port = port;
        a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return sizeof *a;
    }
    struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
    a->sin6_family = AF_INET6;
    a->sin6_port = port;
    a->sin6_addr = in6addr_loopback;
    return sizeof *a;
}

static in_port_t port_of(const struct sockaddr_storage *ss)
{
    return ss->ss_family == AF_INET ? ((const struct sockaddr_in *)ss)->sin_port
                                    : ((const struct sockaddr_in6 *)ss)->sin6_port;
}

/* The address text of a socket address (no port). */
static const char *text_of(const struct sockaddr_storage *ss, char *buf, socklen_t size)
{
    const void *a = ss->ss_family == AF_INET ? (const void *)&((const struct sockaddr_in *)ss)->sin_addr
                                             : (const void *)&((const struct sockaddr_in6 *)ss)->sin6_addr;
    return inet_ntop(ss->ss_family, a, buf, size);
}

static void tcp(int af, const char *name)
{
    struct sockaddr_storage a, got;
    char text[INET6_ADDRSTRLEN];
    socklen_t len = loopback(af, &a, 0), got_len;
    int l = socket(af, SOCK_STREAM, 0);
    T_CHECK(l >= 0);
    int one = 1, value = 0;
    socklen_t vlen = sizeof value;
    T_EQ(setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), 0);
    T_EQ(getsockopt(l, SOL_SOCKET, SO_REUSEADDR, &value, &vlen), 0);
    T_EQ(value, 1);
    T_EQ(vlen, sizeof value);
    vlen = sizeof value;
    T_EQ(getsockopt(l, SOL_SOCKET, SO_TYPE, &value, &vlen), 0);
    T_EQ(value, SOCK_STREAM);
    T_EQ(bind(l, (struct sockaddr *)&a, len), 0);
    T_ERRNO(bind(l, (struct sockaddr *)&a, len), EINVAL); /* already bound */
    got_len = sizeof got;
    T_EQ(getsockname(l, (struct sockaddr *)&got, &got_len), 0);
    T_EQ(got_len, len);
    T_CHECK(port_of(&got) != 0);
    printf("%s: listening on %s\n", name, text_of(&got, text, sizeof text));
    T_EQ(listen(l, 8), 0);
    in_port_t port = port_of(&got);

    /* A second socket cannot take the same port while the first listens. */
    int other = socket(af, SOCK_STREAM, 0);
    T_EQ(setsockopt(other, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), 0);
    struct sockaddr_storage same;
    socklen_t same_len = loopback(af, &same, port);
    T_ERRNO(bind(other, (struct sockaddr *)&same, same_len), EADDRINUSE);
    close(other);

    int c = socket(af, SOCK_STREAM, 0);
    T_ERRNO(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
    got_len = sizeof got;
    T_ERRNO(getpeername(c, (struct sockaddr *)&got, &got_len), ENOTCONN);
    T_EQ(connect(c, (struct sockaddr *)&same, same_len), 0);
    T_EQ(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one), 0);
    vlen = sizeof value;
    T_EQ(getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &value, &vlen), 0);
    T_EQ(value, 1);
    got_len = sizeof got;
    int s = accept(l, (struct sockaddr *)&got, &got_len);
    T_CHECK(s >= 0);
    T_EQ(got_len, len);
    printf("%s: accepted from %s\n", name, text_of(&got, text, sizeof text));
    struct sockaddr_storage peer;
    socklen_t peer_len = sizeof peer;
    T_EQ(getpeername(c, (struct sockaddr *)&peer, &peer_len), 0);
    T_EQ(port_of(&peer), port);

    char buf[32];
    T_EQ(send(c, "request", 7, 0), 7);
    T_EQ(recv(s, buf, 7, MSG_WAITALL), 7);
    T_CHECK(memcmp(buf, "request", 7) == 0);
    T_EQ(sendto(s, "reply", 5, 0, NULL, 0), 5);
    T_EQ(recvfrom(c, buf, sizeof buf, 0, NULL, NULL), 5);
    T_CHECK(memcmp(buf, "reply", 5) == 0);

    /* Urgent data: before it sockatmark is 0, at the mark 1 (SO_OOBINLINE off: the byte is
     * read with MSG_OOB). */
    T_EQ(send(c, "ab", 2, 0), 2);
    T_EQ(send(c, "!", 1, MSG_OOB), 1);
    struct pollfd pfd = { s, POLLPRI, 0 };
    T_EQ(poll(&pfd, 1, 5000), 1);
    T_EQ(sockatmark(s), 0);
    T_EQ(recv(s, buf, sizeof buf, 0), 2);
    T_EQ(sockatmark(s), 1);
    T_EQ(recv(s, buf, 1, MSG_OOB), 1);
    T_EQ(buf[0], '!');

    /* shutdown for writing: the peer reads end of file, can still answer. */
    T_EQ(shutdown(c, SHUT_WR), 0);
    T_EQ(recv(s, buf, sizeof buf, 0), 0);
    T_EQ(send(s, "bye", 3, 0), 3);
    T_EQ(recv(c, buf, sizeof buf, 0), 3);
    T_ERRNO(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
    close(s);
    close(c);

    /* SO_RCVBUF: the kernel doubles what it is asked for (within its limits). */
    int rcv = 16384;
    T_EQ(setsockopt(l, SOL_SOCKET, SO_RCVBUF, &rcv, sizeof rcv), 0);
    vlen = sizeof value;
    T_EQ(getsockopt(l, SOL_SOCKET, SO_RCVBUF, &value, &vlen), 0);
    T_EQ(value, 2 * rcv);

    /* Option errors. */
    T_ERRNO(setsockopt(l, SOL_SOCKET, SO_RCVBUF, &rcv, 1), EINVAL);
    T_ERRNO(setsockopt(l, SOL_SOCKET, SO_RCVBUF, bad(), sizeof rcv), EFAULT);
    vlen = sizeof value;
    T_ERRNO(getsockopt(l, SOL_SOCKET, SO_RCVBUF, bad(), &vlen), EFAULT);
    T_ERRNO(getsockopt(l, SOL_SOCKET, SO_RCVBUF, &value, bad()), EFAULT);
    vlen = sizeof value;
    T_ERRNO(getsockopt(l, SOL_SOCKET, 9999, &value, &vlen), ENOPROTOOPT);
    T_ERRNO(setsockopt(l, 9999, 1, &one, sizeof one), ENOPROTOOPT);
    T_ERRNO(connect(l, bad(), len), EFAULT);
    close(l);

    /* A non-blocking connect to the closed port: EINPROGRESS or refused at once, then
     * SO_ERROR says ECONNREFUSED (and reading it clears it). */
    c = socket(af, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int r = connect(c, (struct sockaddr *)&same, same_len);
    int e = errno;
    T_CHECK(r == -1 && (e == EINPROGRESS || e == ECONNREFUSED));
    if (e == EINPROGRESS) {
        pfd.fd = c;
        pfd.events = POLLOUT;
        T_EQ(poll(&pfd, 1, 5000), 1);
        vlen = sizeof value;
        T_EQ(getsockopt(c, SOL_SOCKET, SO_ERROR, &value, &vlen), 0);
        T_EQ(value, ECONNREFUSED);
    }
    vlen = sizeof value;
    T_EQ(getsockopt(c, SOL_SOCKET, SO_ERROR, &value, &vlen), 0);
    T_EQ(value, 0);
    close(c);
    c = socket(af, SOCK_STREAM, 0);
    T_ERRNO(connect(c, (struct sockaddr *)&same, same_len), ECONNREFUSED);
    close(c);
}

static void udp(int af, const char *name)
{
    struct sockaddr_storage a, b, got;
    char text[INET6_ADDRSTRLEN];
    socklen_t len = loopback(af, &a, 0), got_len;
    int x = socket(af, SOCK_DGRAM, 0), y = socket(af, SOCK_DGRAM, 0);
    T_CHECK(x >= 0 && y >= 0);
    T_EQ(bind(x, (struct sockaddr *)&a, len), 0);
    got_len = sizeof a;
    T_EQ(getsockname(x, (struct sockaddr *)&a, &got_len), 0);
    loopback(af, &b, 0);
    T_EQ(bind(y, (struct sockaddr *)&b, len), 0);
    got_len = sizeof b;
    T_EQ(getsockname(y, (struct sockaddr *)&b, &got_len), 0);

    char buf[16];
    T_ERRNO(send(y, "x", 1, 0), EDESTADDRREQ);
    T_EQ(sendto(y, "datagram", 8, 0, (struct sockaddr *)&a, len), 8);
    got_len = sizeof got;
    T_EQ(recvfrom(x, buf, 4, MSG_PEEK, (struct sockaddr *)&got, &got_len), 4);
    T_EQ(recvfrom(x, buf, sizeof buf, 0, (struct sockaddr *)&got, &got_len), 8);
    T_CHECK(memcmp(buf, "datagram", 8) == 0);
    T_EQ(got_len, len);
    T_EQ(port_of(&got), port_of(&b));
    printf("%s: datagram from %s\n", name, text_of(&got, text, sizeof text));
    T_ERRNO(recvfrom(x, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL), EAGAIN);
    T_ERRNO(recvfrom(x, buf, sizeof buf, MSG_DONTWAIT, bad(), &got_len), EAGAIN);
    T_EQ(sendto(y, "d", 1, 0, (struct sockaddr *)&a, len), 1);
    got_len = sizeof got;
    T_ERRNO(recvfrom(x, buf, sizeof buf, 0, (struct sockaddr *)&got, bad()), EFAULT);

    /* A connected datagram socket sends with send, and its peer is named. */
    T_EQ(connect(y, (struct sockaddr *)&a, len), 0);
    T_EQ(send(y, "c", 1, 0), 1);
    got_len = sizeof got;
    T_EQ(getpeername(y, (struct sockaddr *)&got, &got_len), 0);
    T_EQ(port_of(&got), port_of(&a));
    T_EQ(recv(x, buf, sizeof buf, 0), 1);
    T_ERRNO(sendto(y, "d", 1, 0, (struct sockaddr *)&a, 3), EINVAL);
    T_ERRNO(sendto(y, "d", 1, 0, bad(), len), EFAULT);
    close(x);
    close(y);
}

int main(void)
{
    tcp(AF_INET, "tcp4");
    udp(AF_INET, "udp4");
    int probe = socket(AF_INET6, SOCK_DGRAM, 0);
    struct sockaddr_storage a;
    socklen_t len = loopback(AF_INET6, &a, 0);
    if (probe >= 0 && bind(probe, (struct sockaddr *)&a, len) == 0) {
        close(probe);
        tcp(AF_INET6, "tcp6");
        udp(AF_INET6, "udp6");
        /* IPV6_V6ONLY reads back what was set. */
        int s = socket(AF_INET6, SOCK_STREAM, 0), on = 1, value = 0;
        socklen_t vlen = sizeof value;
        T_EQ(setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on), 0);
        T_EQ(getsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &value, &vlen), 0);
        T_EQ(value, 1);
        /* An IPv4 address on an IPv6 socket is refused. */
        struct sockaddr_storage v4;
        len = loopback(AF_INET, &v4, 0);
        T_ERRNO(bind(s, (struct sockaddr *)&v4, len), EINVAL);
        close(s);
    } else {
        if (probe >= 0)
            close(probe);
        t_print("tcp6: skipped, no IPv6 loopback\n");
    }
    /* An IPv6 address on an IPv4 socket: the family is wrong. */
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in6 six = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
    T_ERRNO(bind(s, (struct sockaddr *)&six, sizeof six), EAFNOSUPPORT);
    T_ERRNO(connect(s, (struct sockaddr *)&six, sizeof six), EAFNOSUPPORT);
    T_ERRNO(listen(socket(AF_INET, SOCK_DGRAM, 0), 1), EOPNOTSUPP);
    close(s);
    return t_status();
}
