// cflags: -O2 -D_FORTIFY_SOURCE=2 -Wno-format-overflow
// expect: signal=SIGABRT
/* __sprintf_chk stops output that would overflow the buffer the compiler knows: the process
 * dies by SIGABRT (glibc's "*** buffer overflow detected ***"). */
#include <stdio.h>
#include "test.h"

int main(int argc, char **argv)
{
    (void)argv;
    char buf[8];
    const char *volatile word = "longer than eight";
    sprintf(buf, "%s%d", word, argc);
    t_print(buf);
    return 0;
}
