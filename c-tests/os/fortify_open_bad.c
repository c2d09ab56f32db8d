// cflags: -O2 -D_FORTIFY_SOURCE=2
// expect: signal=SIGABRT
// stderr: compare
/* A fortified open with O_CREAT but no mode dies with glibc's message. */
#include <fcntl.h>
#include <unistd.h>
#include "os_test.h"

int main(void)
{
    volatile int flags = O_WRONLY | O_CREAT;
    (void)open("fortify-open-bad.tmp", flags);
    t_print("not reached\n");
    return 1;
}
