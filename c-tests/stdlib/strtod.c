/* strtod, strtof, strtold, atof: syntax (hex floats, inf/nan, partial parses), ERANGE on
 * overflow and underflow, and round trips: pseudo-random doubles (fixed-seed xorshift)
 * through printf("%.17g") and "%a" back through strtod must give the same bits; random
 * decimal strings are parsed and printed, so run.py compares them with glibc's results. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

static char line[256];

static uint64_t state = 0x9e3779b97f4a7c15ull;

static uint64_t xorshift(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static const char *const inputs[] = {
    "0", "-0", "1", "  +1.5", "1e-320", "0x1p-1074", "1e-400", "1e400", "-1e400", "0x1.8p3", "0x", "0x.8",
    "0x.p1", ".5", ".", "1e", "1e+", "1.5e+3x", "inf", "-Infinity", "infinit", "INFINITYx", "nan", "NaN(123)",
    "nan(12", "-nan(abc_9)x", "0x1p-1075", "0x1.0000000000001p-1074", "2.4703282292062327e-324",
    "2.4703282292062328e-324", "4.9406564584124654e-324", "2.2250738585072011e-308", "2.2250738585072014e-308",
    "0x1.fffffffffffff8p1023", "1.7976931348623158e308", "1.7976931348623159e308", "0e999999999999",
    "1e-5000000000000", "0x1.000000000000080000000001p0", "0x1.00000000000008p0", "0x1.00000000000018p0",
    "0x1p+", "0x1P-2", "123456789012345678901234567890", "0.000000000000000000000000000000000001",
    "3.14159265358979323846264338327950288", "9007199254740993", "9007199254740993.0000000001", "1e23",
    "8.5e-5", "  \t-0x1.ABCDEFp+10junk", "e5", "-.e5", "+", "0.1e1e1", "1.7976931348623157e308",
};

int main(void)
{
    for (unsigned i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        const char *s = inputs[i];
        char *end;
        errno = 0;
        double d = strtod(s, &end);
        int e = errno;
        long dend = end - s;
        errno = 0;
        float f = strtof(s, &end);
        int fe = errno;
        long fend = end - s;
        snprintf(line, sizeof line, "[%s] %a end %ld errno %d | float %a end %ld errno %d\n", s, d, dend, e, (double)f,
                 fend, fe);
        t_print(line);
        T_CHECK(atof(s) == d || (isnan(d) && isnan(atof(s))));
    }

    /* long double: hexadecimal input to 64 bits; decimal input that has a double value. */
    static const char *const long_inputs[] = { "0x1.23456789abcdef12p0", "0x1p16383", "0x1p-16445", "0xf.fffffffffffffff8p0",
                                               "1", "-0.5", "1e22", "0x1p-16446", "inf", "-nan", "0.375",
                                               "0.1", "1e300", "1e-310", "1e4000", "-1e-4000", "1e4933", "1e-4951",
                                               "3e-4951", "1.18973149535723176502e+4932", "1.18973149535723176503e+4932",
                                               "3.64519953188247460253e-4951", "0.000000000000000000000000001234567890123456789012345",
                                               "123456789012345678901234567890e-10", "18446744073709551615.5", "18446744073709551616.5" };
    for (unsigned i = 0; i < sizeof long_inputs / sizeof *long_inputs; i++) {
        char *end;
        errno = 0;
        long double x = strtold(long_inputs[i], &end);
        snprintf(line, sizeof line, "strtold [%s] %La end %ld errno %d\n", long_inputs[i], x, (long)(end - long_inputs[i]),
                 errno);
        t_print(line);
    }

    /* Random decimal strings as long doubles (every bit compared with glibc's). */
    for (int i = 0; i < 400; i++) {
        char text[64];
        int len = 0;
        int digits = 1 + (int)(xorshift() % 25);
        for (int k = 0; k < digits; k++)
            text[len++] = (char)('0' + xorshift() % 10);
        snprintf(text + len, sizeof text - len, "e%d", (int)(xorshift() % 1200) - 600);
        errno = 0;
        long double x = strtold(text, NULL);
        snprintf(line, sizeof line, "strtold %s %La %d\n", text, x, errno);
        t_print(line);
    }

    /* Round trips of random bit patterns. */
    int mismatches = 0;
    for (int i = 0; i < 20000; i++) {
        uint64_t bits = xorshift();
        double d;
        memcpy(&d, &bits, sizeof d);
        if (isnan(d))
            continue;
        char text[64];
        snprintf(text, sizeof text, "%.17g", d);
        double back = strtod(text, NULL);
        mismatches += memcmp(&back, &d, sizeof d) != 0;
        snprintf(text, sizeof text, "%a", d);
        back = strtod(text, NULL);
        mismatches += memcmp(&back, &d, sizeof d) != 0;
        if (i % 500 == 0) {
            snprintf(line, sizeof line, "%s %.17g %.25e\n", text, d, d);
            t_print(line);
        }
    }
    T_EQ(mismatches, 0);

    /* Random decimal strings, compared with glibc through the printed bits. */
    for (int i = 0; i < 3000; i++) {
        char text[64];
        int len = 0;
        int digits = 1 + (int)(xorshift() % 30);
        for (int k = 0; k < digits; k++) {
            text[len++] = (char)('0' + xorshift() % 10);
            if (k == (int)(xorshift() % 8))
                text[len++] = '.';
        }
        len += snprintf(text + len, sizeof text - len, "e%d", (int)(xorshift() % 700) - 350);
        errno = 0;
        double d = strtod(text, NULL);
        int e = errno;
        float f = strtof(text, NULL);
        snprintf(line, sizeof line, "%s %a %d %a\n", text, d, e, (double)f);
        t_print(line);
    }
    return t_status();
}
