// cflags: -O0
/* Unoptimised code calls what glibc's headers otherwise inline: CMSG_NXTHDR is then
 * __cmsg_nxthdr, and htonl & co. are function calls. Builds a message with two control
 * messages (SCM_RIGHTS and SCM_CREDENTIALS) by walking CMSG_NXTHDR, sends it, walks the
 * received control data, and checks where the walk stops (a malformed length, a buffer that
 * ends before the next header). */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "test.h"

int main(void)
{
    int sv[2], p[2];
    T_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    int on = 1;
    T_EQ(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof on), 0);
    T_EQ(pipe(p), 0);

    union {
        char buf[CMSG_SPACE(sizeof(int)) + CMSG_SPACE(sizeof(struct ucred))];
        struct cmsghdr align;
    } u;
    memset(&u, 0, sizeof u);
    char byte = 'm';
    struct iovec iov = { &byte, 1 };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf };
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &p[0], sizeof(int));
    struct cmsghdr *c2 = CMSG_NXTHDR(&msg, c);
    T_CHECK(c2 == (struct cmsghdr *)(u.buf + CMSG_SPACE(sizeof(int))));
    c2->cmsg_level = SOL_SOCKET;
    c2->cmsg_type = SCM_CREDENTIALS;
    c2->cmsg_len = CMSG_LEN(sizeof(struct ucred));
    struct ucred me = { getpid(), getuid(), getgid() };
    memcpy(CMSG_DATA(c2), &me, sizeof me);
    T_CHECK(CMSG_NXTHDR(&msg, c2) == NULL);
    T_EQ(sendmsg(sv[0], &msg, 0), 1);

    union {
        char buf[256];
        struct cmsghdr align;
    } in;
    memset(&in, 0, sizeof in);
    struct msghdr rmsg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = in.buf, .msg_controllen = sizeof in.buf };
    T_EQ(recvmsg(sv[1], &rmsg, 0), 1);
    int n = 0, fd = -1;
    for (struct cmsghdr *r = CMSG_FIRSTHDR(&rmsg); r; r = CMSG_NXTHDR(&rmsg, r)) {
        printf("control message %d: level %d type %d length %zu\n", n++, r->cmsg_level, r->cmsg_type, (size_t)r->cmsg_len);
        if (r->cmsg_type == SCM_RIGHTS)
            memcpy(&fd, CMSG_DATA(r), sizeof fd);
    }
    T_EQ(n, 2);
    T_EQ(write(p[1], "z", 1), 1);
    char got = 0;
    T_EQ(read(fd, &got, 1), 1);
    T_EQ(got, 'z');

    /* Where a walk stops. */
    c->cmsg_len = 3; /* shorter than a header */
    T_CHECK(CMSG_NXTHDR(&msg, c) == NULL);
    c->cmsg_len = CMSG_LEN(sizeof(int));
    msg.msg_controllen = CMSG_SPACE(sizeof(int)) + sizeof(struct cmsghdr) - 1;
    T_CHECK(CMSG_NXTHDR(&msg, c) == NULL); /* no whole header after it */
    msg.msg_controllen = CMSG_SPACE(sizeof(int)) + sizeof(struct cmsghdr);
    T_CHECK(CMSG_NXTHDR(&msg, c) == c2);
    c->cmsg_len = sizeof u.buf; /* longer than what is left */
    T_CHECK(CMSG_NXTHDR(&msg, c) == NULL);
    msg.msg_controllen = sizeof(struct cmsghdr) - 1;
    T_CHECK(CMSG_FIRSTHDR(&msg) == NULL);

    /* The byte-order functions, called. */
    T_EQ(htonl(0x11223344), 0x44332211);
    T_EQ(ntohl(0x44332211), 0x11223344);
    T_EQ(htons(0x1122), 0x2211);
    T_EQ(ntohs(0x2211), 0x1122);
    return t_status();
}
