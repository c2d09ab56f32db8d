/* AF_UNIX sockets: socketpair (stream, datagram, seqpacket), MSG_PEEK and MSG_DONTWAIT,
 * shutdown, named sockets in a temporary directory (bind, listen, connect, accept, accept4
 * with its flags, getsockname, getpeername), SCM_RIGHTS descriptor passing and credentials
 * through sendmsg/recvmsg with the CMSG_* macros, sendmmsg/recvmmsg, sockatmark, and the
 * error paths of each (EBADF, ENOTSOCK, EINVAL, EFAULT, EAFNOSUPPORT, ...). */
#include <fcntl.h>
#include <netinet/in.h>
#include <stddef.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include "test.h"

static void *bad(void)
{
    void *volatile p = (void *)8;
    return p;
}

static void pairs(void)
{
    int sv[2];
    char buf[16];
    T_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    T_EQ(send(sv[0], "hello", 5, 0), 5);
    /* A peek leaves the bytes for the next receive. */
    T_EQ(recv(sv[1], buf, 3, MSG_PEEK), 3);
    T_CHECK(memcmp(buf, "hel", 3) == 0);
    T_EQ(recv(sv[1], buf, sizeof buf, 0), 5);
    T_CHECK(memcmp(buf, "hello", 5) == 0);
    /* Nothing queued: MSG_DONTWAIT answers EAGAIN instead of blocking. */
    T_ERRNO(recv(sv[1], buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
    T_EQ(sockatmark(sv[1]), 0);
    /* Bad buffers are the kernel's EFAULT. */
    T_ERRNO(send(sv[0], bad(), 4, 0), EFAULT);
    T_EQ(send(sv[0], "x", 1, 0), 1);
    T_ERRNO(recv(sv[1], bad(), 4, 0), EFAULT);
    T_EQ(recv(sv[1], buf, sizeof buf, 0), 1); /* the byte stayed queued */
    /* shutdown: the peer reads end of file; writing after SHUT_WR is EPIPE (MSG_NOSIGNAL). */
    T_EQ(shutdown(sv[0], SHUT_WR), 0);
    T_EQ(recv(sv[1], buf, sizeof buf, 0), 0);
    T_ERRNO(send(sv[0], "x", 1, MSG_NOSIGNAL), EPIPE);
    T_ERRNO(shutdown(sv[0], 42), EINVAL);
    T_EQ(shutdown(sv[1], SHUT_RDWR), 0);
    close(sv[0]);
    close(sv[1]);

    /* Datagrams keep their boundaries; recvfrom on a pair names no address. */
    T_EQ(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv), 0);
    T_EQ(fcntl(sv[0], F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    T_EQ(sendto(sv[0], "ab", 2, 0, NULL, 0), 2);
    T_EQ(send(sv[0], "cde", 3, 0), 3);
    struct sockaddr_un from;
    socklen_t from_len = sizeof from;
    T_EQ(recvfrom(sv[1], buf, sizeof buf, 0, (struct sockaddr *)&from, &from_len), 2);
    T_CHECK(from_len <= sizeof(sa_family_t));
    /* A short buffer truncates the datagram; MSG_TRUNC reports its real length. */
    T_EQ(recv(sv[1], buf, 1, MSG_TRUNC), 3);
    T_EQ(buf[0], 'c');
    close(sv[0]);
    close(sv[1]);

    T_EQ(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK, 0, sv), 0);
    T_EQ(fcntl(sv[0], F_GETFL) & O_NONBLOCK, O_NONBLOCK);
    T_ERRNO(recv(sv[0], buf, sizeof buf, 0), EAGAIN);
    close(sv[0]);
    close(sv[1]);

    /* Errors of socket and socketpair. */
    T_ERRNO(socketpair(AF_UNIX, SOCK_STREAM, 0, bad()), EFAULT);
    T_ERRNO(socketpair(AF_INET, SOCK_STREAM, 0, sv), EOPNOTSUPP);
    T_ERRNO(socketpair(12345, SOCK_STREAM, 0, sv), EAFNOSUPPORT);
    T_ERRNO(socket(12345, SOCK_STREAM, 0), EAFNOSUPPORT);
    T_ERRNO(socket(AF_UNIX, 12345, 0), EINVAL);
    T_ERRNO(socket(AF_UNIX, SOCK_STREAM, 12345), EPROTONOSUPPORT);
}

static void not_sockets(void)
{
    int p[2];
    char buf[4];
    T_EQ(pipe(p), 0);
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    socklen_t len = sizeof a;
    int one = 1;
    struct msghdr msg = { 0 };
    struct mmsghdr mm = { 0 };
    T_ERRNO(bind(p[0], (struct sockaddr *)&a, sizeof a), ENOTSOCK);
    T_ERRNO(connect(p[0], (struct sockaddr *)&a, sizeof a), ENOTSOCK);
    T_ERRNO(listen(p[0], 1), ENOTSOCK);
    T_ERRNO(accept(p[0], NULL, NULL), ENOTSOCK);
    T_ERRNO(accept4(p[0], NULL, NULL, 0), ENOTSOCK);
    T_ERRNO(getsockname(p[0], (struct sockaddr *)&a, &len), ENOTSOCK);
    T_ERRNO(getpeername(p[0], (struct sockaddr *)&a, &len), ENOTSOCK);
    T_ERRNO(send(p[1], "x", 1, 0), ENOTSOCK);
    T_ERRNO(recv(p[0], buf, 1, 0), ENOTSOCK);
    T_ERRNO(sendto(p[1], "x", 1, 0, NULL, 0), ENOTSOCK);
    T_ERRNO(recvfrom(p[0], buf, 1, 0, NULL, NULL), ENOTSOCK);
    T_ERRNO(sendmsg(p[1], &msg, 0), ENOTSOCK);
    T_ERRNO(recvmsg(p[0], &msg, 0), ENOTSOCK);
    T_ERRNO(sendmmsg(p[1], &mm, 1, 0), ENOTSOCK);
    T_ERRNO(recvmmsg(p[0], &mm, 1, 0, NULL), ENOTSOCK);
    T_ERRNO(setsockopt(p[0], SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), ENOTSOCK);
    T_ERRNO(getsockopt(p[0], SOL_SOCKET, SO_REUSEADDR, &one, &len), ENOTSOCK);
    T_ERRNO(shutdown(p[0], SHUT_RD), ENOTSOCK);
    T_ERRNO(sockatmark(p[0]), ENOTTY);
    close(p[0]);
    close(p[1]);

    /* Descriptors that are not open. */
    T_ERRNO(bind(-1, (struct sockaddr *)&a, sizeof a), EBADF);
    T_ERRNO(connect(-1, (struct sockaddr *)&a, sizeof a), EBADF);
    T_ERRNO(listen(-1, 1), EBADF);
    T_ERRNO(accept(-1, NULL, NULL), EBADF);
    T_ERRNO(accept4(-1, NULL, NULL, SOCK_CLOEXEC), EBADF);
    T_ERRNO(getsockname(-1, (struct sockaddr *)&a, &len), EBADF);
    T_ERRNO(getpeername(-1, (struct sockaddr *)&a, &len), EBADF);
    T_ERRNO(send(-1, "x", 1, 0), EBADF);
    T_ERRNO(recv(-1, buf, 1, 0), EBADF);
    T_ERRNO(sendto(-1, "x", 1, 0, NULL, 0), EBADF);
    T_ERRNO(recvfrom(-1, buf, 1, 0, NULL, NULL), EBADF);
    T_ERRNO(sendmsg(-1, &msg, 0), EBADF);
    T_ERRNO(recvmsg(-1, &msg, 0), EBADF);
    T_ERRNO(sendmmsg(-1, &mm, 1, 0), EBADF);
    T_ERRNO(recvmmsg(-1, &mm, 1, 0, NULL), EBADF);
    T_ERRNO(setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), EBADF);
    T_ERRNO(getsockopt(-1, SOL_SOCKET, SO_REUSEADDR, &one, &len), EBADF);
    T_ERRNO(shutdown(-1, SHUT_RD), EBADF);
    T_ERRNO(sockatmark(-1), EBADF);
}

static char dir[64];
static char path[128];

static void named(void)
{
    strcpy(dir, "/tmp/rustcrt-net-XXXXXX");
    T_CHECK(mkdtemp(dir) != NULL);
    strcpy(path, dir);
    strcat(path, "/sock");
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    strcpy(a.sun_path, path);
    socklen_t a_len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1);

    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    T_CHECK(l >= 0);
    /* Errors before bind: accept on an unbound socket, a too-short address, a bad one. */
    T_ERRNO(accept(l, NULL, NULL), EINVAL);
    T_ERRNO(bind(l, (struct sockaddr *)&a, 1), EINVAL);
    T_ERRNO(bind(l, bad(), a_len), EFAULT);
    struct sockaddr_in wrong = { .sin_family = AF_INET };
    T_ERRNO(bind(l, (struct sockaddr *)&wrong, sizeof wrong), EINVAL);
    T_EQ(bind(l, (struct sockaddr *)&a, a_len), 0);
    struct stat st;
    T_EQ(stat(path, &st), 0);
    T_CHECK(S_ISSOCK(st.st_mode));
    int l2 = socket(AF_UNIX, SOCK_STREAM, 0);
    T_ERRNO(bind(l2, (struct sockaddr *)&a, a_len), EADDRINUSE);
    /* Connecting to a socket that does not listen is refused. */
    T_ERRNO(connect(l2, (struct sockaddr *)&a, a_len), ECONNREFUSED);
    close(l2);
    T_EQ(listen(l, 4), 0);

    struct sockaddr_un got;
    socklen_t got_len = sizeof got;
    T_EQ(getsockname(l, (struct sockaddr *)&got, &got_len), 0);
    T_EQ(got_len, a_len);
    T_CHECK(strcmp(got.sun_path, path) == 0);
    got_len = sizeof got;
    T_ERRNO(getpeername(l, (struct sockaddr *)&got, &got_len), ENOTCONN);
    T_ERRNO(getsockname(l, bad(), &got_len), EFAULT);
    T_ERRNO(getsockname(l, (struct sockaddr *)&got, bad()), EFAULT);

    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    T_ERRNO(connect(c, bad(), a_len), EFAULT);
    T_EQ(connect(c, (struct sockaddr *)&a, a_len), 0);
    T_ERRNO(connect(c, (struct sockaddr *)&a, a_len), EISCONN);
    got_len = sizeof got;
    T_EQ(getpeername(c, (struct sockaddr *)&got, &got_len), 0);
    T_CHECK(strcmp(got.sun_path, path) == 0);

    /* accept with and without the peer's address; accept4's flags. */
    got_len = sizeof got;
    int s = accept(l, (struct sockaddr *)&got, &got_len);
    T_CHECK(s >= 0);
    T_EQ(got.sun_family, AF_UNIX);
    T_EQ(got_len, sizeof(sa_family_t)); /* the client is unnamed */
    T_EQ(fcntl(s, F_GETFD) & FD_CLOEXEC, 0);
    T_EQ(send(c, "ping", 4, 0), 4);
    char buf[8];
    T_EQ(recv(s, buf, sizeof buf, 0), 4);
    T_CHECK(memcmp(buf, "ping", 4) == 0);
    close(s);

    int c2 = socket(AF_UNIX, SOCK_STREAM, 0);
    T_EQ(connect(c2, (struct sockaddr *)&a, a_len), 0);
    s = accept4(l, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
    T_CHECK(s >= 0);
    T_EQ(fcntl(s, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    T_EQ(fcntl(s, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
    T_ERRNO(recv(s, buf, sizeof buf, 0), EAGAIN);
    close(s);
    close(c2);
    T_ERRNO(accept4(l, NULL, NULL, 0x40000000), EINVAL);
    got_len = sizeof got;
    int c3 = socket(AF_UNIX, SOCK_STREAM, 0);
    T_EQ(connect(c3, (struct sockaddr *)&a, a_len), 0);
    T_ERRNO(accept(l, bad(), &got_len), EFAULT);
    close(c3);
    /* A non-blocking listener with nobody waiting. */
    int fl = fcntl(l, F_GETFL);
    fcntl(l, F_SETFL, fl | O_NONBLOCK);
    T_ERRNO(accept(l, NULL, NULL), EAGAIN);
    close(c);
    close(l);

    /* Unix datagrams to a named socket: recvfrom names the sender. */
    unlink(path);
    int d = socket(AF_UNIX, SOCK_DGRAM, 0);
    T_EQ(bind(d, (struct sockaddr *)&a, a_len), 0);
    int e = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un b = { .sun_family = AF_UNIX };
    strcpy(b.sun_path, dir);
    strcat(b.sun_path, "/peer");
    socklen_t b_len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(b.sun_path) + 1);
    T_EQ(bind(e, (struct sockaddr *)&b, b_len), 0);
    T_EQ(sendto(e, "dgram", 5, 0, (struct sockaddr *)&a, a_len), 5);
    T_ERRNO(sendto(e, "dgram", 5, 0, bad(), a_len), EFAULT);
    T_ERRNO(send(e, "x", 1, 0), ENOTCONN);
    got_len = sizeof got;
    T_EQ(recvfrom(d, buf, sizeof buf, 0, (struct sockaddr *)&got, &got_len), 5);
    T_EQ(got_len, b_len);
    T_CHECK(strcmp(got.sun_path, b.sun_path) == 0);
    close(d);
    close(e);
    unlink(path);
    unlink(b.sun_path);
    T_EQ(rmdir(dir), 0);
}

/* Sends the descriptors `fds` with one data byte through `s`. */
static ssize_t send_fds(int s, const int *fds, int n)
{
    char byte = 'F';
    struct iovec iov = { &byte, 1 };
    union {
        char buf[CMSG_SPACE(4 * sizeof(int))];
        struct cmsghdr align;
    } u;
    memset(&u, 0, sizeof u);
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
                          .msg_controllen = CMSG_SPACE((size_t)n * sizeof(int)) };
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN((size_t)n * sizeof(int));
    memcpy(CMSG_DATA(c), fds, (size_t)n * sizeof(int));
    return sendmsg(s, &msg, 0);
}

static void rights(void)
{
    int sv[2], p[2];
    T_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    T_EQ(pipe(p), 0);
    int two[2] = { p[0], p[1] };
    T_EQ(send_fds(sv[0], two, 2), 1);
    close(p[0]);
    close(p[1]);

    char byte = 0;
    struct iovec iov = { &byte, 1 };
    union {
        char buf[CMSG_SPACE(4 * sizeof(int))];
        struct cmsghdr align;
    } u;
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf };
    T_EQ(recvmsg(sv[1], &msg, MSG_CMSG_CLOEXEC), 1);
    T_EQ(byte, 'F');
    T_EQ(msg.msg_flags & MSG_CTRUNC, 0);
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    T_CHECK(c != NULL);
    int got[2] = { -1, -1 };
    if (c) {
        T_EQ(c->cmsg_level, SOL_SOCKET);
        T_EQ(c->cmsg_type, SCM_RIGHTS);
        T_EQ(c->cmsg_len, CMSG_LEN(2 * sizeof(int)));
        memcpy(got, CMSG_DATA(c), sizeof got);
        T_CHECK(CMSG_NXTHDR(&msg, c) == NULL);
    }
    /* The received descriptors are a working pipe, close-on-exec as asked. */
    T_EQ(fcntl(got[0], F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    T_EQ(write(got[1], "via", 3), 3);
    char buf[4];
    T_EQ(read(got[0], buf, sizeof buf), 3);
    T_CHECK(memcmp(buf, "via", 3) == 0);
    close(got[0]);
    close(got[1]);

    /* Too little control room: the descriptors are dropped and MSG_CTRUNC says so. */
    int one = sv[0];
    T_EQ(send_fds(sv[0], &one, 1), 1);
    msg.msg_controllen = 0;
    msg.msg_control = NULL;
    T_EQ(recvmsg(sv[1], &msg, 0), 1);
    T_EQ(msg.msg_flags & MSG_CTRUNC, MSG_CTRUNC);
    T_CHECK(CMSG_FIRSTHDR(&msg) == NULL);

    /* Credentials: SO_PASSCRED on the receiver, SCM_CREDENTIALS in the message. */
    int on = 1;
    T_EQ(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof on), 0);
    T_EQ(send(sv[0], "c", 1, 0), 1);
    msg.msg_control = u.buf;
    msg.msg_controllen = sizeof u.buf;
    T_EQ(recvmsg(sv[1], &msg, 0), 1);
    c = CMSG_FIRSTHDR(&msg);
    T_CHECK(c != NULL && c->cmsg_type == SCM_CREDENTIALS);
    if (c && c->cmsg_type == SCM_CREDENTIALS) {
        struct ucred cred;
        memcpy(&cred, CMSG_DATA(c), sizeof cred);
        T_EQ(cred.pid, getpid());
        T_EQ(cred.uid, getuid());
    }

    /* Bad control data and bad headers. */
    struct msghdr bad_msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = bad(), .msg_controllen = 64 };
    T_ERRNO(sendmsg(sv[0], &bad_msg, 0), EFAULT);
    T_ERRNO(sendmsg(sv[0], bad(), 0), EFAULT);
    T_ERRNO(recvmsg(sv[1], bad(), 0), EFAULT);
    int not_open = 1000;
    T_ERRNO(send_fds(sv[0], &not_open, 1), EBADF);
    struct msghdr too_many = { .msg_iov = &iov, .msg_iovlen = 100000 };
    T_ERRNO(sendmsg(sv[0], &too_many, 0), EMSGSIZE);
    close(sv[0]);
    close(sv[1]);
}

static void multiple(void)
{
    int sv[2];
    T_EQ(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
    char a[] = "one", b[] = "two!", c[] = "three";
    struct iovec out_iov[3] = { { a, 3 }, { b, 4 }, { c, 5 } };
    struct mmsghdr out[3];
    memset(out, 0, sizeof out);
    for (int i = 0; i < 3; i++) {
        out[i].msg_hdr.msg_iov = &out_iov[i];
        out[i].msg_hdr.msg_iovlen = 1;
    }
    T_EQ(sendmmsg(sv[0], out, 3, 0), 3);
    T_EQ(out[0].msg_len, 3);
    T_EQ(out[2].msg_len, 5);

    char bufs[4][8];
    struct iovec in_iov[4];
    struct mmsghdr in[4];
    memset(in, 0, sizeof in);
    for (int i = 0; i < 4; i++) {
        in_iov[i].iov_base = bufs[i];
        in_iov[i].iov_len = sizeof bufs[i];
        in[i].msg_hdr.msg_iov = &in_iov[i];
        in[i].msg_hdr.msg_iovlen = 1;
    }
    /* Three are queued: a non-blocking receive of four takes the three. */
    T_EQ(recvmmsg(sv[1], in, 4, MSG_DONTWAIT, NULL), 3);
    T_EQ(in[1].msg_len, 4);
    T_CHECK(memcmp(bufs[1], "two!", 4) == 0);
    T_CHECK(memcmp(bufs[2], "three", 5) == 0);
    T_ERRNO(recvmmsg(sv[1], in, 4, MSG_DONTWAIT, NULL), EAGAIN);
    /* A timeout bounds the wait after the first datagram (here one is queued). */
    T_EQ(sendmmsg(sv[0], out, 1, 0), 1);
    struct timespec tmo = { 0, 1000000 };
    T_EQ(recvmmsg(sv[1], in, 1, 0, &tmo), 1);
    T_ERRNO(sendmmsg(sv[0], bad(), 1, 0), EFAULT);
    T_ERRNO(recvmmsg(sv[1], bad(), 1, MSG_DONTWAIT, NULL), EFAULT);
    T_EQ(sendmmsg(sv[0], out, 0, 0), 0);
    close(sv[0]);
    close(sv[1]);
}

int main(void)
{
    pairs();
    not_sockets();
    named();
    rights();
    multiple();
    t_print("done\n");
    return t_status();
}
