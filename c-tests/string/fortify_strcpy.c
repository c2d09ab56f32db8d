// cflags: -D_FORTIFY_SOURCE=2 -O2
// expect: signal=SIGABRT
// stderr: compare
/* __strcpy_chk: a string one byte too long for the destination ends the process with
 * glibc's message and SIGABRT. */
#include <string.h>
#include "test.h"

static const char *volatile src = "0123456789";

int main(void)
{
    char d[10];
    strcpy(d, src);
    t_print("not reached\n");
    return d[0];
}
