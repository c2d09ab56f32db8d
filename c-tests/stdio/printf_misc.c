// cflags: -Wno-format-truncation -Wno-format-overflow
/* The printf family's edges: snprintf truncation and return values, a null buffer of size 0,
 * %n, numbered arguments, %m, the va_list forms called from a C variadic function (register
 * and stack arguments of both classes), sprintf, dprintf, and the error returns. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include "test.h"

static char buf[256];

/* Compares buf with want. */
static int same(const char *want)
{
    for (const char *b = buf;; b++, want++) {
        if (*b != *want)
            return 0;
        if (!*b)
            return 1;
    }
}

static int via_va(char *out, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(out, n, fmt, ap);
    va_end(ap);
    return r;
}

static int via_vasprintf(char **out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vasprintf(out, fmt, ap);
    va_end(ap);
    return r;
}

static int via_va_twice(const char *fmt, ...)
{
    va_list ap, copy;
    va_start(ap, fmt);
    va_copy(copy, ap);
    int r = vsprintf(buf, fmt, ap);
    char second[256];
    int r2 = vsnprintf(second, sizeof second, fmt, copy);
    va_end(copy);
    va_end(ap);
    for (int i = 0; i <= r; i++)
        if (second[i] != buf[i])
            return -2;
    return r == r2 ? r : -3;
}

int main(void)
{
    /* Truncation: the return value is the full length; the buffer gets size - 1 bytes. */
    memset(buf, 'x', sizeof buf);
    T_EQ(snprintf(buf, 5, "%d-%s", 12345, "abc"), 9);
    T_CHECK(same("1234"));
    T_EQ(buf[5], 'x');
    T_EQ(snprintf(buf, 1, "abc"), 3);
    T_EQ(buf[0], 0);
    T_EQ(snprintf(NULL, 0, "%s%d", "hello", 42), 7);
    buf[0] = 'q';
    T_EQ(snprintf(buf, 0, "abc"), 3);
    T_EQ(buf[0], 'q');
    T_EQ(snprintf(buf, sizeof buf, "%s", ""), 0);
    T_CHECK(same(""));

    /* %n in every size, counting what was produced (not what was kept). */
    int n = -1;
    signed char hh = -1;
    short h = -1;
    long l = -1;
    long long ll = -1;
    intmax_t j = -1;
    size_t z = 0;
    T_EQ(snprintf(buf, 4, "abcdef%n gh%hhn%hn%ln%lln%jn%zn", &n, &hh, &h, &l, &ll, &j, &z), 9);
    T_EQ(n, 6);
    T_EQ(hh, 9);
    T_EQ(h, 9);
    T_EQ(l, 9);
    T_EQ(ll, 9);
    T_EQ(j, 9);
    T_EQ(z, 9);

    /* Numbered arguments, reused and out of order, with numbered widths and precisions. */
    T_EQ(snprintf(buf, sizeof buf, "%3$s %1$d %2$.1f %1$d %4$*5$.*6$d|", 7, 2.25, "z", 42, 6, 3), 17);
    T_CHECK(same("z 7 2.2 7    042|"));
    T_EQ(snprintf(buf, sizeof buf, "%2$Lg %1$g %3$c", 0.5, (long double)1.25, 'k'), 10);
    T_CHECK(same("1.25 0.5 k"));

    /* %m prints errno's message; errno is untouched. */
    errno = ENOENT;
    T_EQ(snprintf(buf, sizeof buf, "[%m]"), 27);
    T_CHECK(same("[No such file or directory]"));
    T_EQ(errno, ENOENT);
    errno = 4242;
    snprintf(buf, sizeof buf, "%m");
    T_CHECK(same("Unknown error 4242"));
    errno = -3;
    snprintf(buf, sizeof buf, "%-20.9m|");
    T_CHECK(same("Unknown e           |"));

    /* The va_list forms, from a C variadic function: more integer and double arguments
     * than there are registers, and long doubles, which are always on the stack. */
    T_EQ(via_va(buf, sizeof buf, "%d %d %d %d %d %d %d %d|%g %g %g %g %g %g %g %g %g %g|%Lg %s", 1, 2, 3, 4, 5, 6, 7, 8,
                0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, (long double)0.25, "end"), 64);
    T_CHECK(same("1 2 3 4 5 6 7 8|0.5 1.5 2.5 3.5 4.5 5.5 6.5 7.5 8.5 9.5|0.25 end"));
    T_EQ(via_va_twice("%s=%08.3f;%lx;%c", "pi", 3.14159, 0xdeadbeefUL, '!'), 22);
    T_CHECK(same("pi=0003.142;deadbeef;!"));
    T_EQ(snprintf(buf, sizeof buf, "%d %f %d %f %d %f %d %f %d %f %d %f %d %f %d %f %d %f", 1, 1.0, 2, 2.0, 3, 3.0, 4,
                  4.0, 5, 5.0, 6, 6.0, 7, 7.0, 8, 8.0, 9, 9.0), 98);

    /* sprintf writes everything and a NUL. */
    T_EQ(sprintf(buf, "%5.2s|%-4c|%#o", "abc", 'q', 8), 14);
    T_CHECK(same("   ab|q   |010"));

    /* asprintf and vasprintf: a block from malloc, grown as needed. */
    char *p = NULL;
    T_EQ(asprintf(&p, "%s-%05d-%.1f", "as", 42, 2.5), 12);
    T_CHECK(p != NULL && p[12] == 0 && memcmp(p, "as-00042-2.5", 12) == 0);
    free(p);
    T_EQ(asprintf(&p, "%s", ""), 0);
    T_CHECK(p != NULL && p[0] == 0);
    free(p);
    T_EQ(via_vasprintf(&p, "%5000d|%s", 7, "tail"), 5005);
    T_CHECK(p != NULL && p[4999] == '7' && memcmp(p + 5000, "|tail", 6) == 0);
    free(p);
    const char *volatile broken = "%";
    p = NULL;
    T_ERRNO(asprintf(&p, broken), EINVAL);
    T_CHECK(p == NULL);

    /* dprintf writes to a descriptor, in pieces larger than its buffer too. */
    int fd = open("printf-misc.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
    T_CHECK(fd >= 0);
    T_EQ(dprintf(fd, "%s %d\n", "dprintf", 1), 10);
    T_EQ(dprintf(fd, "%2000d\n", 5), 2001);
    T_EQ(lseek(fd, 0, SEEK_SET), 0);
    char back[16] = {0};
    T_EQ(read(fd, back, 12), 12);
    T_CHECK(memcmp(back, "dprintf 1\n  ", 12) == 0);
    T_EQ(lseek(fd, 0, SEEK_END), 2011);
    close(fd);
    T_ERRNO(dprintf(-1, "x"), EBADF);
    T_ERRNO(dprintf(fd, "%d", 5), EBADF);

    /* Errors: a format ending inside a specification, a width beyond INT_MAX, a wide
     * character the C locale cannot encode, output longer than INT_MAX. */
    const char *volatile bad = "abc%";
    T_ERRNO(snprintf(buf, sizeof buf, bad), EINVAL);
    const char *volatile wide = "%99999999999d";
    T_ERRNO(snprintf(buf, sizeof buf, wide, 1), EOVERFLOW);
    T_ERRNO(snprintf(buf, sizeof buf, "%*d", INT_MIN, 1), EOVERFLOW);
    T_ERRNO(snprintf(buf, sizeof buf, "%lc", (wint_t)0xe9), EILSEQ);
    T_ERRNO(snprintf(buf, sizeof buf, "%ls", L"caf\u00e9"), EILSEQ);
    T_EQ(snprintf(buf, sizeof buf, "%.3ls|%lc|%5ls", L"caf\u00e9", (wint_t)'w', L"ab"), 11);
    T_CHECK(same("caf|w|   ab"));

    /* Unknown conversions are echoed as glibc does. */
    const char *volatile unknown = "%y|%-5y|%+ 08.3y|%'#y";
    T_EQ(snprintf(buf, sizeof buf, unknown), 20);
    T_CHECK(same("%y|%-5y|%+08.3y|%#'y"));
    t_print(buf);
    t_print("\n");
    return t_status();
}
