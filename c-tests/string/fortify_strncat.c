// cflags: -D_FORTIFY_SOURCE=2 -O2
// expect: signal=SIGABRT
// stderr: compare
/* __strncat_chk: appending past the end of the destination dies by SIGABRT, even though n
 * is within the destination's size. */
#include <string.h>
#include "test.h"

static const char *volatile src = "abcdefgh";
static volatile size_t n = 8;

int main(void)
{
    char d[12] = "1234";
    strncat(d, src, n);
    t_print("not reached\n");
    return d[0];
}
