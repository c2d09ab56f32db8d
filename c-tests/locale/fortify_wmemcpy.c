// cflags: -D_FORTIFY_SOURCE=2 -O2
// expect: signal=SIGABRT
// stderr: compare
/* __wmemcpy_chk: more elements than the destination holds dies by SIGABRT. */
#include <wchar.h>
#include "test.h"

static volatile size_t n = 9;

int main(void)
{
    wchar_t d[8], s[16] = {0};
    wmemcpy(d, s, n);
    t_print("not reached\n");
    return (int)d[0];
}
