// cflags: -D_FORTIFY_SOURCE=2 -O2
/* ptsname_r under _FORTIFY_SOURCE (glibc's headers call __ptsname_r_chk when the length is
 * not a constant): a length that fits the buffer works as without it. */
#include "tty_test.h"

static volatile size_t len = 32;

int main(void)
{
    int m, s;
    tt_pair(&m, &s);
    char buf[32];
    T_EQ(ptsname_r(m, buf, len), 0);
    T_CHECK(strcmp(buf, ptsname(m)) == 0);
    T_EQ(ptsname_r(s, buf, len), ENOTTY);
    close(s);
    close(m);
    t_print("done\n");
    return t_status();
}
