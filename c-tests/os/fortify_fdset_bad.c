// cflags: -O2 -D_FORTIFY_SOURCE=2
// expect: signal=SIGABRT
// stderr: compare
/* FD_SET of a descriptor beyond FD_SETSIZE dies with glibc's message. */
#include <sys/select.h>
#include "os_test.h"

int main(void)
{
    fd_set set;
    FD_ZERO(&set);
    volatile int fd = FD_SETSIZE + 5;
    FD_SET(fd, &set);
    t_print("not reached\n");
    return 1;
}
