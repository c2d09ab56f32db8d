// ldflags: -lm
/* A program as people write them: -O2 with gcc's built-ins on, so gcc inlines sqrt (calling
 * the library only for the errno case), merges sin and cos into sincos, and folds what it
 * can; what reaches the library must link against rustcrt (rustcrt-cc drops -lm) and give
 * glibc's answers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "common.h"

static double integrate(double (*f)(double), double a, double b, int n)
{
    double h = (b - a) / n, s = 0.5 * (f(a) + f(b));
    for (int i = 1; i < n; i++)
        s += f(a + i * h);
    return s * h;
}

static double bell(double x)
{
    return exp(-x * x);
}

int main(int argc, char **argv)
{
    (void)argv;
    volatile double neg = -argc; /* -1, not known to the compiler */
    errno = 0;
    double r = sqrt(neg);
    printf("sqrt(-1): %s %s\n", isnan(r) ? "nan" : "number", errno_name(errno));
    double s = 0, c = 0;
    for (int i = 1; i <= 100; i++) {
        double x = i * 0.37;
        s += sin(x);
        c += cos(x);
    }
    /* Sums of 100 terms: print to 12 digits, far above the last-bit differences. */
    printf("sum sin %.12f cos %.12f\n", s, c);
    printf("gauss %.12f (sqrt(pi) %.12f)\n", integrate(bell, -10, 10, 20000), sqrt(M_PI));
    printf("pow %.15g cbrt %.15g hypot %.15g\n", pow(2.0, 0.5 * argc), cbrt(27.0 * argc), hypot(3.0 * argc, 4.0));
    printf("floor %g ceil %g round %g trunc %g fabs %g fmod %g\n", floor(-2.5 * argc), ceil(-2.5 * argc), round(-2.5 * argc),
           trunc(-2.5 * argc), fabs(-2.5 * argc), fmod(7.5 * argc, 2));
    errno = 0;
    r = log(neg + 1);
    printf("log(0) %g %s\n", r, errno_name(errno));
    printf("lrint %ld llround %lld ldexp %g frexp %g\n", lrint(2.5 * argc), llround(-2.5 * argc), ldexp(0.75, 4 * argc),
           frexp(48.0 * argc, &(int){0}));
    return 0;
}
