// cflags: -D_FORTIFY_SOURCE=2 -O2
// expect: signal=SIGABRT
// stderr: compare
/* __ptsname_r_chk: a length larger than the buffer dies by SIGABRT, even on a descriptor
 * that is no master. */
#include <stdlib.h>
#include "test.h"

static volatile size_t len = 17;

int main(void)
{
    char buf[16];
    int r = ptsname_r(0, buf, len);
    t_print("not reached\n");
    return r;
}
