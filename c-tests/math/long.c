// cflags: -fno-builtin -fsignaling-nans
// ldflags: -lm
/* The long double functions rustcrt implements exactly on the x87 format, printed with %La,
 * with errno, over ±0, ±inf, NaN, subnormals (down to 0x1p-16445), the largest value,
 * halfway cases and values beyond double's range; nexttoward; and the long double
 * classification names (built with -fsignaling-nans, so the macros call them). */
#include <fenv.h>
#include <float.h>
#include <limits.h>
#include "common.h"

static const long double in[] = {
    0.0L, -0.0L, 0.5L, -0.5L, 1.0L, -1.5L, 2.5L, -2.5L, 3.5L, 0.49999999999999999995L,
    0x1.fffffffffffffffep62L, -0x1.8p63L, 0x1p64L, 0x1.0000000000000002p0L, 1e4000L, -1e-4000L,
    0x1p-16445L, -0x1p-16440L, 0x1p-16382L, LDBL_MAX, -LDBL_MAX, 123.456L, -987.654321L, 2.0L,
    0x1.fffffffffffffffep-1L, 1e300L, (long double)INFINITY, -(long double)INFINITY, NAN,
};
#define N (sizeof in / sizeof in[0])

static void showl(long double v)
{
    if (isnan(v))
        printf(" nan");
    else
        printf(" %La", v);
}

#define UNARY(g) \
    do { printf(#g ":"); for (unsigned i = 0; i < N; i++) { errno = 0; showl(g(in[i])); if (errno) printf("(%s)", errno_name(errno)); } printf("\n"); } while (0)

static const long double pairs[][2] = {
    {5.5L, 2}, {-5.5L, 2}, {7, -3}, {1, 0}, {0, 1}, {-0.0L, 1}, {1e4000L, 3}, {1e4000L, 1e-4000L},
    {0x1p-16445L, 0x1p-16444L}, {(long double)INFINITY, 2}, {2, (long double)INFINITY}, {NAN, 1},
    {LDBL_MAX, 0x1.8p-16000L}, {6.5L, 2}, {1, -0.0L},
};
#define NP (sizeof pairs / sizeof pairs[0])

int main(void)
{
    UNARY(fabsl);
    UNARY(sqrtl);
    UNARY(floorl);
    UNARY(ceill);
    UNARY(truncl);
    UNARY(roundl);
    UNARY(roundevenl);
    UNARY(rintl);
    UNARY(nearbyintl);
    UNARY(logbl);
    printf("modfl:");
    for (unsigned i = 0; i < N; i++) {
        long double ip = 7;
        showl(modfl(in[i], &ip));
        showl(ip);
    }
    printf("\n");
    printf("lrintl/lroundl:");
    for (unsigned i = 0; i < N; i++)
        printf(" %ld/%lld/%ld/%lld", lrintl(in[i]), llrintl(in[i]), lroundl(in[i]), llroundl(in[i]));
    printf("\nilogbl:");
    for (unsigned i = 0; i < N; i++) {
        errno = 0;
        printf(" %d(%s)", ilogbl(in[i]), errno_name(errno));
    }
    printf("\nfrexpl:");
    for (unsigned i = 0; i < N; i++) {
        int e = 999;
        showl(frexpl(in[i], &e));
        if (isfinite(in[i]))
            printf("/%d", e);
    }
    printf("\n");
    static const int scales[] = {0, 1, -1, 16383, 16384, -16382, -16445, -16446, 40000, -40000, INT_MIN};
    for (unsigned i = 0; i < N; i += 3) {
        printf("ldexpl(%La):", in[i]);
        for (unsigned j = 0; j < sizeof scales / sizeof scales[0]; j++) {
            errno = 0;
            long double a = ldexpl(in[i], scales[j]);
            int ea = errno;
            errno = 0;
            long double b = scalbnl(in[i], scales[j]);
            long double c = scalblnl(in[i], (long)scales[j] * 5);
            showl(a);
            printf("(%s)", errno_name(ea));
            if (!(a == b || (isnan(a) && isnan(b))))
                printf("[scalbnl differs]");
            showl(c);
        }
        printf("\n");
    }
    printf("fmodl/remainderl/copysignl:");
    for (unsigned i = 0; i < NP; i++) {
        errno = 0;
        showl(fmodl(pairs[i][0], pairs[i][1]));
        printf("(%s)", errno_name(errno));
        errno = 0;
        showl(remainderl(pairs[i][0], pairs[i][1]));
        printf("(%s)", errno_name(errno));
        showl(copysignl(pairs[i][0], pairs[i][1]));
    }
    printf("\nfmaxl/fminl/fdiml/nextafterl/nexttowardl:");
    for (unsigned i = 0; i < NP; i++) {
        showl(fmaxl(pairs[i][0], pairs[i][1]));
        showl(fminl(pairs[i][0], pairs[i][1]));
        errno = 0;
        showl(fdiml(pairs[i][0], pairs[i][1]));
        printf("(%s)", errno_name(errno));
        errno = 0;
        showl(nextafterl(pairs[i][0], pairs[i][1]));
        printf("(%s)", errno_name(errno));
        showl(nexttowardl(pairs[i][1], pairs[i][0]));
    }
    errno = 0;
    showl(fdiml(LDBL_MAX, -LDBL_MAX));
    printf("(%s)", errno_name(errno));
    errno = 0;
    showl(nextafterl(LDBL_MAX, (long double)INFINITY));
    printf("(%s)", errno_name(errno));
    errno = 0;
    showl(nextafterl(0x1p-16382L, 0));
    printf("(%s)", errno_name(errno));
    errno = 0;
    showl(nextafterl(0x1p-16445L, 0));
    printf("(%s)", errno_name(errno));
    errno = 0;
    showl(nextafterl(0, -1));
    printf("(%s)", errno_name(errno));
    showl(fmaxl(0.0L, -0.0L));
    showl(fmaxl(-0.0L, 0.0L));
    showl(fminl(0.0L, -0.0L));
    showl(fminl(-0.0L, 0.0L));
    printf("\n");

    /* rintl, nearbyintl, lrintl in each rounding mode; nearbyintl raises no inexact. */
    static const int mode[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
    for (unsigned m = 0; m < 4; m++) {
        fesetround(mode[m]);
        feclearexcept(FE_ALL_EXCEPT);
        printf("mode %#x:", mode[m]);
        showl(nearbyintl(-2.5L));
        showl(nearbyintl(0.25L));
        printf(" %d", fetestexcept(FE_INEXACT) != 0);
        showl(rintl(-2.5L));
        showl(rintl(0.75L));
        printf(" %d %ld %ld", fetestexcept(FE_INEXACT) != 0, lrintl(2.5L), lrintl(-0.5L));
        showl(roundl(-2.5L));
        showl(floorl(-0.5L));
        printf("\n");
    }
    fesetround(FE_TONEAREST);

    /* nexttoward: the next double or float toward a long double. */
    static const double nx[] = {1.0, 1.0, 1.0, 0.0, -0.0, DBL_MAX, 0x1p-1022, 0x1p-1074, 1.0, NAN};
    static const long double ny[] = {2.0L, 0.5L, 0x1.0000000000000002p0L, 1e-4000L, 0.0L, (long double)INFINITY, 0.0L, -1.0L, 1.0L, 1.0L};
    printf("nexttoward:");
    for (unsigned i = 0; i < sizeof nx / sizeof nx[0]; i++) {
        errno = 0;
        show(nexttoward(nx[i], ny[i]));
        printf("(%s)", errno_name(errno));
        errno = 0;
        show(nexttowardf((float)nx[i], ny[i]));
        printf("(%s)", errno_name(errno));
    }
    show(nexttoward(0.0, -0.0L));
    printf("\n");

    /* Classification: the macros reach __fpclassifyl, __isnanl, __isinfl, __finitel. (glibc's
     * __isnanl returns 65535 for true: only "nonzero" is specified.) */
    union { long double l; struct { unsigned long long m; unsigned short e; } s; } snan = {.s = {0xa000000000000000ULL, 0x7fff}};
    union { long double l; struct { unsigned long long m; unsigned short e; } s; } pseudo = {.s = {0x8000000000000000ULL, 0}};
    const long double c[] = {0.0L, -0.0L, 1.0L, 0x1p-16445L, LDBL_MAX, (long double)INFINITY, -(long double)INFINITY, NAN, snan.l, pseudo.l};
    for (unsigned i = 0; i < sizeof c / sizeof c[0]; i++)
        printf("class %u: %d %d %d %d %d %d %d | %d %d %d %d %d %d\n", i, fpclassify(c[i]), isnan(c[i]) != 0, isinf(c[i]),
               isfinite(c[i]) != 0, signbit(c[i]) != 0, issignaling(c[i]), iscanonical(c[i]) != 0, __fpclassifyl(c[i]),
               __isnanl(c[i]) != 0, __isinfl(c[i]), __finitel(c[i]), (isnanl(c[i]) != 0) + 2 * isinfl(c[i]) + 4 * finitel(c[i]),
               __signbitl(c[i]) != 0);
    static const long double e[][2] = {{1, 1}, {0.0L, -0.0L}, {1, 0x1.0000000000000002p0L}, {NAN, 1}};
    for (unsigned i = 0; i < sizeof e / sizeof e[0]; i++) {
        errno = 0;
        feclearexcept(FE_ALL_EXCEPT);
        int r = iseqsig(e[i][0], e[i][1]);
        printf("iseqsigl %d %s%s\n", r, errno_name(errno), fetestexcept(FE_INVALID) ? " invalid" : "");
    }
    return 0;
}
