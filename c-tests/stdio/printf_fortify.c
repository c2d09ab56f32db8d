// cflags: -O2 -D_FORTIFY_SOURCE=2 -Wno-format-truncation
/* Under _FORTIFY_SOURCE the compiler calls __snprintf_chk, __sprintf_chk, __vsnprintf_chk,
 * __vsprintf_chk, __asprintf_chk and __dprintf_chk: within bounds they behave as the plain
 * functions. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

static int wrapped(char *out, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(out, n, fmt, ap);
    va_end(ap);
    return r;
}

static int wrapped_sprintf(char *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsprintf(out, fmt, ap);
    va_end(ap);
    return r;
}

int main(void)
{
    char buf[16];
    T_EQ(snprintf(buf, sizeof buf, "%d|%s", 12, "ab"), 5);
    T_CHECK(memcmp(buf, "12|ab", 6) == 0);
    T_EQ(snprintf(buf, 4, "%s", "truncated"), 9);
    T_CHECK(memcmp(buf, "tru", 4) == 0);
    T_EQ(sprintf(buf, "%x", 255), 2);
    T_CHECK(memcmp(buf, "ff", 3) == 0);
    T_EQ(wrapped(buf, sizeof buf, "%c%c", 'o', 'k'), 2);
    T_CHECK(memcmp(buf, "ok", 3) == 0);
    T_EQ(wrapped_sprintf(buf, "%.3f", 1.0), 5);
    T_CHECK(memcmp(buf, "1.000", 6) == 0);
    char *p;
    T_EQ(asprintf(&p, "%d", 99), 2);
    T_CHECK(memcmp(p, "99", 3) == 0);
    free(p);
    T_EQ(dprintf(1, "fortified %d\n", 1), 12);
    return t_status();
}
