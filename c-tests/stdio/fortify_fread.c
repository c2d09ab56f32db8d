// cflags: -D_FORTIFY_SOURCE=2
// expect: signal=SIGABRT
// stderr: compare
/* __fread_chk: a request larger than the destination dies before reading, with glibc's
 * message, even when the stream holds fewer bytes. */
#include <stdio.h>
#include "test.h"

static volatile size_t counts[] = {16, 17};

int main(void)
{
    FILE *f = tmpfile();
    fputs("tiny", f);
    rewind(f);
    char buf[16];
    T_EQ(fread(buf, 1, counts[0], f), 4);
    rewind(f);
    t_print("before\n");
    if (fread(buf, 1, counts[1], f) > 0)
        t_print("not reached\n");
    return 1;
}
