/* strtol and relatives: bases 0 and 2..36, prefixes, signs, white space, overflow (ERANGE),
 * a bad base (EINVAL, endptr untouched), no digits (endptr = nptr), atoi/atol/atoll. Each
 * result is also printed, so run.py compares them with glibc's. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include "test.h"

static char line[160];

static void show_signed(const char *s, int base, long long v, long end, int err)
{
    snprintf(line, sizeof line, "[%s] base %d -> %lld end %ld errno %d\n", s, base, v, end, err);
    t_print(line);
}

static const char *const inputs[] = {
    "0", "  -123abc", "+42", "0x1f", "0X1F", "0x", "0xg", "017", "08", "z", "Zz", "", "  ", "-", "+-1",
    " \t\n\v\f\r5", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "-9223372036854775809", "18446744073709551615", "18446744073709551616", "-18446744073709551615",
    "99999999999999999999999999", "0b101", "1010", "777", "-0x8000000000000000", "0x7fffffffffffffff",
    "zzzzzzzzzzzzz", "1_000", "00000000000000000000000000000000001", "4294967296", "-2147483649",
};

int main(void)
{
    static const int bases[] = { 0, 2, 8, 10, 16, 36, 1, 37, -1 };
    for (unsigned i = 0; i < sizeof inputs / sizeof *inputs; i++)
        for (unsigned b = 0; b < sizeof bases / sizeof *bases; b++) {
            const char *s = inputs[i];
            char *end = (char *)s + 1000;
            errno = 0;
            long v = strtol(s, &end, bases[b]);
            show_signed(s, bases[b], v, end - s, errno);
            end = (char *)s + 1000;
            errno = 0;
            unsigned long u = strtoul(s, &end, bases[b]);
            snprintf(line, sizeof line, "  strtoul %lu end %ld errno %d\n", u, (long)(end - s), errno);
            t_print(line);
            errno = 0;
            long long ll = strtoll(s, NULL, bases[b]);
            int e1 = errno;
            errno = 0;
            unsigned long long ull = strtoull(s, NULL, bases[b]);
            int e2 = errno;
            errno = 0;
            intmax_t im = strtoimax(s, NULL, bases[b]);
            int e3 = errno;
            errno = 0;
            uintmax_t um = strtoumax(s, NULL, bases[b]);
            int e4 = errno;
            T_EQ(ll, v);
            T_EQ(ull, u);
            T_EQ(im, v);
            T_EQ(um, u);
            T_EQ(e3, e1);
            T_EQ(e4, e2);
        }

    /* The error paths, asserted. */
    char *end;
    T_ERRNO((strtol("12", NULL, 1), -1), EINVAL);
    end = (char *)1;
    errno = 0;
    T_EQ(strtoul("12", &end, 99), 0);
    T_EQ(errno, EINVAL);
    T_CHECK(end == (char *)1);
    const char *s = "9223372036854775808x";
    errno = 0;
    T_EQ(strtol(s, &end, 10), LONG_MAX);
    T_EQ(errno, ERANGE);
    T_EQ(end - s, 19);
    errno = 0;
    T_EQ(strtol("-9223372036854775809", NULL, 10), LONG_MIN);
    T_EQ(errno, ERANGE);
    errno = 0;
    T_EQ(strtoull("-1", NULL, 10), ULLONG_MAX);
    T_EQ(errno, 0);
    s = "  +";
    T_EQ(strtol(s, &end, 0), 0);
    T_CHECK(end == s);
    s = "0x";
    T_EQ(strtol(s, &end, 16), 0);
    T_EQ(end - s, 1);

    T_EQ(atoi(" 42x"), 42);
    T_EQ(atoi("-2147483648"), INT_MIN);
    T_EQ(atoi("4294967297"), 1);
    T_EQ(atol("-99"), -99);
    T_EQ(atoll("123456789012"), 123456789012LL);
    T_EQ(atoi("junk"), 0);
    return t_status();
}
