/* The rand48 family: sequences for the default state, srand48, seed48 (and its returned
 * previous state), lcong48, and the caller-state forms, printed so run.py compares them with
 * glibc's. */
#include <stdio.h>
#include <stdlib.h>
#include "test.h"

static char line[128];

static void show(const char *what, double d, long l, long m)
{
    snprintf(line, sizeof line, "%s %.17g %ld %ld\n", what, d, l, m);
    t_print(line);
}

int main(void)
{
    for (int i = 0; i < 4; i++)
        show("default", drand48(), lrand48(), mrand48());
    srand48(12345);
    for (int i = 0; i < 4; i++)
        show("srand48", drand48(), lrand48(), mrand48());
    srand48(-1);
    show("srand48(-1)", drand48(), lrand48(), mrand48());
    unsigned short seed[3] = { 0x1234, 0x5678, 0x9abc };
    unsigned short *old = seed48(seed);
    T_CHECK(old != NULL);
    snprintf(line, sizeof line, "seed48 old %04x %04x %04x\n", old[0], old[1], old[2]);
    t_print(line);
    for (int i = 0; i < 4; i++)
        show("seed48", drand48(), lrand48(), mrand48());
    unsigned short x[3] = { 1, 2, 3 };
    for (int i = 0; i < 4; i++) {
        double e = erand48(x);
        long n = nrand48(x);
        long j = jrand48(x);
        show("xsubi", e, n, j);
    }
    snprintf(line, sizeof line, "xsubi now %04x %04x %04x\n", x[0], x[1], x[2]);
    t_print(line);
    unsigned short param[7] = { 1, 0, 0, 5, 0, 0, 7 };
    lcong48(param);
    for (int i = 0; i < 4; i++)
        show("lcong48", drand48(), lrand48(), mrand48());
    T_CHECK(drand48() >= 0.0 && drand48() < 1.0);
    return t_status();
}
