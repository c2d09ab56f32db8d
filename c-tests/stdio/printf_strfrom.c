/* strfromd, strfromf, strfroml: each value and format as snprintf would print it (compared
 * with glibc), truncation and the return value. (glibc aborts on a format outside
 * "%[.p]conv"; rustcrt returns -1 with EINVAL, which is not compared here.) */
#include <float.h>
#include <stdlib.h>
#include "test.h"

static char buf[128];

static void show(int r)
{
    t_print(buf);
    t_print(" ");
    t_print_long(r);
    t_print("\n");
}

int main(void)
{
    static const char *const formats[] = { "%f", "%.0f", "%.3f", "%e", "%.10e", "%E", "%g", "%.17g", "%G", "%a", "%.2a", "%A", "%F" };
    static const double values[] = { 0.0, -0.0, 1.0, 3.14159265358979, 1e-10, 1e300, -2.5, 0.1 };
    volatile long double third = 1.0L / 3;
    for (unsigned f = 0; f < sizeof formats / sizeof *formats; f++) {
        for (unsigned i = 0; i < sizeof values / sizeof *values; i++) {
            show(strfromd(buf, sizeof buf, formats[f], values[i]));
            show(strfromf(buf, sizeof buf, formats[f], (float)values[i]));
            show(strfroml(buf, sizeof buf, formats[f], (long double)values[i]));
        }
        show(strfroml(buf, sizeof buf, formats[f], third));
        show(strfroml(buf, sizeof buf, formats[f], LDBL_MAX / 3));
    }
    T_EQ(strfromd(buf, 4, "%.5f", 2.0), 7);
    T_CHECK(buf[0] == '2' && buf[1] == '.' && buf[2] == '0' && buf[3] == 0);
    T_EQ(strfromd(NULL, 0, "%g", 12345.0), 5);
    return t_status();
}
