// cflags: -O2 -D_FORTIFY_SOURCE=2
// expect: signal=SIGABRT
// stderr: compare
/* A fortified read larger than its buffer dies with glibc's message. */
#include <fcntl.h>
#include <unistd.h>
#include "os_test.h"

int main(void)
{
    char buf[4];
    volatile size_t n = 8;
    int fd = open("/dev/zero", O_RDONLY);
    (void)!read(fd, buf, n);
    t_print("not reached\n");
    return buf[0];
}
