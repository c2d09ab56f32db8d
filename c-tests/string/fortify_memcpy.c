// cflags: -D_FORTIFY_SOURCE=2 -O2
// expect: signal=SIGABRT
// stderr: compare
/* __memcpy_chk: copying more bytes than the destination holds dies by SIGABRT. */
#include <string.h>
#include "test.h"

static volatile size_t n = 17;

int main(void)
{
    char d[16], s[32] = {0};
    memcpy(d, s, n);
    t_print("not reached\n");
    return d[0];
}
