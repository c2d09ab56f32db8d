// cflags: -O2 -D_FORTIFY_SOURCE=2
// expect: signal=SIGABRT
// stderr: compare
/* A fortified recv larger than its buffer dies with glibc's message, before receiving. */
#include <sys/socket.h>
#include "test.h"

int main(void)
{
    int sv[2];
    char buf[4];
    volatile size_t n = 8;
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    (void)!recv(sv[1], buf, n, MSG_DONTWAIT);
    t_print("not reached\n");
    return buf[0];
}
