// cflags: -O2 -D_FORTIFY_SOURCE=2
/* Fortified receives (__recv_chk, __recvfrom_chk, which glibc's headers call when the
 * compiler knows the buffer's size but not the count) work when the count fits. */
#include <sys/socket.h>
#include "test.h"

int main(void)
{
    int sv[2];
    char buf[8];
    volatile size_t n = sizeof buf;
    T_EQ(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
    T_EQ(send(sv[0], "abc", 3, 0), 3);
    T_EQ(recv(sv[1], buf, n, 0), 3);
    T_EQ(send(sv[0], "defg", 4, 0), 4);
    T_EQ(recvfrom(sv[1], buf, n, 0, NULL, NULL), 4);
    T_ERRNO(recv(sv[1], buf, n, MSG_DONTWAIT), EAGAIN);
    T_ERRNO(recvfrom(-1, buf, n, 0, NULL, NULL), EBADF);
    t_print("ok\n");
    return t_status();
}
