// cflags: -O2 -D_FORTIFY_SOURCE=2
// expect: signal=SIGABRT
// stderr: compare
/* At _FORTIFY_SOURCE=2, a %n in a format that lies in writable memory (here a stack copy)
 * kills the process with "*** %n in writable segment detected ***" and SIGABRT, as glibc's
 * __snprintf_chk does; nothing after it runs. */
#include <stdio.h>
#include <string.h>
#include "test.h"

int main(void)
{
    char fmt[16];
    strcpy(fmt, "ab%n\n");
    char *volatile f = fmt;
    int n = 0;
    char buf[16];
    t_print("before\n");
    snprintf(buf, sizeof buf, f, &n);
    t_print("not reached\n");
    return 0;
}
