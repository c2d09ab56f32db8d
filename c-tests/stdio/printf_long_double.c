/* long double conversions (x87 80-bit) of values that are not doubles, printed exactly as
 * glibc does: %Lf %Le %Lg (all cases, flags, precisions up to hundreds of digits), the
 * extremes (LDBL_MAX, LDBL_MIN, the smallest subnormal) and rounding ties. */
#include <float.h>
#include <stdio.h>
#include "test.h"

static char out[20000];

int main(void)
{
    volatile long double third = 1.0L / 3, tenth = 0.1L, big = 1e4000L, tiny = 1e-4000L;
    const long double values[] = {
        third, tenth, -tenth, 2.0L / 3, big, -big, tiny, LDBL_MAX, LDBL_MIN, LDBL_TRUE_MIN, 1e20L + 0.5L,
        0x1.0000000000000001p0L, 0x1.fffffffffffffffep-1L, 9.999999999999999999e4L, 0.00012345678901234567891L,
        123456789012345678.5L, 0.5L + 0x1p-64L, 99999.5L + 0x1p-40L,
    };
    static const char *const formats[] = {
        "%Lf", "%.0Lf", "%.1Lf", "%.25Lf", "%#.0Lf", "%+012.3Lf", "%-20.5Lf|", "%Le", "%.0Le", "%#.0Le", "%.30Le",
        "%LE", "%+.3Le", "%Lg", "%.1Lg", "%.20Lg", "%#Lg", "%#.3Lg", "%LG", "%.30Lg", "%30.10Lg|", "%La", "%.70Lf",
    };
    for (unsigned f = 0; f < sizeof formats / sizeof *formats; f++)
        for (unsigned i = 0; i < sizeof values / sizeof *values; i++) {
            int r = snprintf(out, sizeof out, formats[f], values[i]);
            t_print(formats[f]);
            t_print(" ");
            t_print(out);
            t_print(" ");
            t_print_long(r);
            t_print("\n");
        }
    /* Every digit of the extremes. */
    static const char *const long_formats[] = { "%.16500Lf", "%.12000Le", "%.5000Lg" };
    for (unsigned f = 0; f < 3; f++) {
        int r = snprintf(out, sizeof out, long_formats[f], LDBL_TRUE_MIN);
        t_print(out);
        t_print_long(r);
        t_print("\n");
        r = snprintf(out, sizeof out, "%.3Lf", LDBL_MAX);
        t_print(out);
        t_print_long(r);
        t_print("\n");
    }
    return t_status();
}
