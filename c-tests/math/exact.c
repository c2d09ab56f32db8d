// cflags: -fno-builtin
// ldflags: -lm
/* The <math.h> functions whose results are exact (correctly rounded or exact by definition),
 * printed with %a over inputs that include ±0, ±inf, NaN, subnormals, huge values and
 * halfway cases, in double and float, and with errno (which none of these but the scaling
 * functions, fmod and remainder may set here). */
#include <float.h>
#include <limits.h>
#include "common.h"

static const double in[] = {
    0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -1.5, 2.5, -2.5, 3.5, -3.5, 0.49999999999999994,
    -0.49999999999999994, 0x1.fffffffffffffp51, -0x1.fffffffffffffp51, 0x1p52, 0x1p52 + 1,
    0x1p53 + 2, 1e300, -1e300, 0x1p-1074, -0x1p-1074, 0x1p-1022, 0x1.ffffffffffffep-1023,
    DBL_MAX, -DBL_MAX, 1e-300, 123.456, -987.654321, 0x1.8p62, -0x1.8p63, 0x1p64,
    HUGE_VAL, -HUGE_VAL, NAN,
};
#define N (sizeof in / sizeof in[0])

/* An input as the float it rounds to (huge ones overflow to inf, as a float cast does). */
static float as_float(double d)
{
    return (float)d;
}

#define UNARY(g) \
    do { printf(#g ":"); for (unsigned i = 0; i < N; i++) { errno = 0; show(g(in[i])); if (errno) printf("(%s)", errno_name(errno)); } printf("\n"); \
         printf(#g "f:"); for (unsigned i = 0; i < N; i++) { errno = 0; show(g##f(as_float(in[i]))); if (errno) printf("(%s)", errno_name(errno)); } printf("\n"); } while (0)

#define TO_LONG(g) \
    do { printf(#g ":"); for (unsigned i = 0; i < N; i++) printf(" %lld", (long long)g(in[i])); printf("\n"); \
         printf(#g "f:"); for (unsigned i = 0; i < N; i++) printf(" %lld", (long long)g##f(as_float(in[i]))); printf("\n"); } while (0)

static const double pairs[][2] = {
    {5.5, 2}, {-5.5, 2}, {5.5, -2}, {7, 3}, {-7, 3}, {1, 0}, {-1, -0.0}, {0, 1}, {-0.0, 1},
    {1e300, 3}, {1e300, 1e-300}, {0x1p-1074, 0x1p-1073}, {3, 0x1p-1074}, {HUGE_VAL, 2},
    {2, HUGE_VAL}, {-HUGE_VAL, -HUGE_VAL}, {NAN, 1}, {1, NAN}, {0.0, -0.0}, {-0.0, 0.0},
    {DBL_MAX, -DBL_MAX}, {DBL_MAX, HUGE_VAL}, {0x1p-1022, 0}, {1, 2}, {1, -2}, {6.5, 2},
    {8.5, 2}, {1e-300, 1e300},
};
#define NP (sizeof pairs / sizeof pairs[0])

#define BINARY(g) \
    do { printf(#g ":"); for (unsigned i = 0; i < NP; i++) { errno = 0; show(g(pairs[i][0], pairs[i][1])); if (errno) printf("(%s)", errno_name(errno)); } printf("\n"); \
         printf(#g "f:"); for (unsigned i = 0; i < NP; i++) { errno = 0; show(g##f(as_float(pairs[i][0]), as_float(pairs[i][1]))); if (errno) printf("(%s)", errno_name(errno)); } printf("\n"); } while (0)

static const int scales[] = {0, 1, -1, 1023, 1024, -1022, -1074, -1075, -1076, 2000, -2000, INT_MAX, INT_MIN};
#define NS (sizeof scales / sizeof scales[0])

static void scaling(void)
{
    static const double x[] = {1, -1, 0.75, 3, 0x1p-1074, DBL_MAX, 0.0, -0.0, HUGE_VAL, NAN};
    for (unsigned i = 0; i < sizeof x / sizeof x[0]; i++) {
        printf("ldexp/scalbn/scalbln(%a):", x[i]);
        for (unsigned j = 0; j < NS; j++) {
            errno = 0;
            double a = ldexp(x[i], scales[j]);
            int ea = errno;
            errno = 0;
            double b = scalbn(x[i], scales[j]);
            int eb = errno;
            errno = 0;
            double c = scalbln(x[i], (long)scales[j] * 3);
            int ec = errno;
            show(a);
            printf("(%s)", errno_name(ea));
            if (!(a == b || (isnan(a) && isnan(b))) || ea != eb)
                printf("[scalbn differs]");
            show(c);
            printf("(%s)", errno_name(ec));
            errno = 0;
            show(ldexpf((float)x[i], scales[j]));
            printf("(%s)", errno_name(errno));
            errno = 0;
            show(scalblnf((float)x[i], (long)scales[j] * 3));
            printf("(%s)", errno_name(errno));
        }
        printf("\n");
    }
    errno = 0;
    show(scalbln(1, LONG_MAX));
    show(scalbln(1, LONG_MIN));
    printf(" %s\n", errno_name(errno));
}

static void parts(void)
{
    printf("frexp:");
    for (unsigned i = 0; i < N; i++) {
        int e = 12345;
        double m = frexp(in[i], &e);
        show(m);
        if (isfinite(in[i]))
            printf("/%d", e);
        float mf = frexpf(as_float(in[i]), &e);
        show(mf);
        if (isfinite(as_float(in[i])))
            printf("/%d", e);
    }
    printf("\nmodf:");
    for (unsigned i = 0; i < N; i++) {
        double ip;
        float ipf;
        show(modf(in[i], &ip));
        show(ip);
        show(modff(as_float(in[i]), &ipf));
        show(ipf);
    }
    printf("\nilogb:");
    for (unsigned i = 0; i < N; i++) {
        errno = 0;
        printf(" %d", ilogb(in[i]));
        printf("(%s)", errno_name(errno));
        errno = 0;
        printf(" %d", ilogbf(as_float(in[i])));
        printf("(%s)", errno_name(errno));
    }
    printf("\nremquo:");
    for (unsigned i = 0; i < NP; i++) {
        int q = 0;
        errno = 0;
        show(remquo(pairs[i][0], pairs[i][1], &q));
        /* C requires the sign and at least the low 3 bits of the quotient. */
        if (isfinite(remquo(pairs[i][0], pairs[i][1], &q)))
            printf("/%c%d", q < 0 ? '-' : '+', (q < 0 ? -q : q) & 7);
        show(remquof(as_float(pairs[i][0]), as_float(pairs[i][1]), &q));
        if (isfinite(remquof(as_float(pairs[i][0]), as_float(pairs[i][1]), &q)))
            printf("/%c%d", q < 0 ? '-' : '+', (q < 0 ? -q : q) & 7);
        if (errno)
            printf("(%s)", errno_name(errno));
    }
    printf("\n");
}

static void fused(void)
{
    static const double t[][3] = {
        {0x1.0000000000001p0, 0x1.0000000000001p0, -1}, {1, 1, 0x1p-60}, {0x1p1023, 2, -0x1p1023},
        {DBL_MAX, 2, 0}, {HUGE_VAL, 0, 1}, {0x1p-1074, 0.5, 0}, {0x1p-1074, -0.5, 0},
        {-1, 1, 1}, {0.1, 10, -1}, {3, 5, 7}, {NAN, 1, 1}, {1, 1, HUGE_VAL}, {1e308, 10, -1e308},
        {0x1.fffffffffffffp-1, 0x1.fffffffffffffp-1, -0x1.ffffffffffffep-1},
    };
    printf("fma:");
    for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++) {
        errno = 0;
        show(fma(t[i][0], t[i][1], t[i][2]));
        show(fmaf((float)t[i][0], (float)t[i][1], (float)t[i][2]));
        if (errno)
            printf("(%s)", errno_name(errno));
    }
    show(fmaf(0x1.000002p0f, 0x1.000002p0f, -1.0f));
    printf("\n");
}

static void nans(void)
{
    union { double d; unsigned long long u; } a = {nan("")}, b = {nan("0x123")}, c = {nan("12")}, d = {nan("junk")};
    union { float f; unsigned u; } e = {nanf("")}, f = {nanf("0x7")};
    printf("nan: %llx %llx %llx %llx %x %x\n", a.u, b.u, c.u, d.u, e.u, f.u);
}

int main(void)
{
    UNARY(floor);
    UNARY(ceil);
    UNARY(trunc);
    UNARY(round);
    UNARY(roundeven);
    UNARY(rint);
    UNARY(nearbyint);
    UNARY(sqrt);
    UNARY(fabs);
    UNARY(logb);
    TO_LONG(lrint);
    TO_LONG(llrint);
    TO_LONG(lround);
    TO_LONG(llround);
    BINARY(fmod);
    BINARY(remainder);
    BINARY(drem);
    BINARY(copysign);
    BINARY(fmax);
    BINARY(fmin);
    BINARY(fdim);
    BINARY(nextafter);
    scaling();
    parts();
    fused();
    nans();
    return 0;
}
