// cflags: -fno-builtin -fsignaling-nans
// ldflags: -lm
/* Classification: with -fsignaling-nans gcc does not expand fpclassify, isnan, isinf and
 * isfinite itself, so glibc's macros call __fpclassify, __isnan, __isinf and __finite (and
 * issignaling, iseqsig always call __issignaling and __iseqsig); the BSD functions isnan,
 * isinf and finite are called by name. */
#include <fenv.h>
#include <float.h>
#include "common.h"

static const char *class_name(int c)
{
    return c == FP_NAN ? "nan" : c == FP_INFINITE ? "inf" : c == FP_ZERO ? "zero" : c == FP_SUBNORMAL ? "subnormal" : c == FP_NORMAL ? "normal" : "?";
}

int main(void)
{
    union { unsigned long long u; double d; } snan = {0x7ff0000000000001ULL};
    union { unsigned u; float f; } snanf = {0x7f800001U};
    const double d[] = {0.0, -0.0, 1.0, -2.5, 0x1p-1074, -0x1p-1030, DBL_MIN, DBL_MAX, INFINITY, -INFINITY, NAN, -NAN, snan.d};
    const float f[] = {0.0f, -0.0f, 1.0f, -2.5f, 0x1p-149f, -0x1p-130f, FLT_MIN, FLT_MAX, INFINITY, -INFINITY, NAN, -NAN, snanf.f};
    for (unsigned i = 0; i < sizeof d / sizeof d[0]; i++) {
        printf("%u: double %s nan %d inf %d finite %d normal %d signbit %d sig %d | %d %d %d %d %d %d |", i,
               class_name(fpclassify(d[i])), isnan(d[i]) != 0, isinf(d[i]), isfinite(d[i]) != 0, isnormal(d[i]) != 0,
               signbit(d[i]) != 0, issignaling(d[i]), __fpclassify(d[i]), __isnan(d[i]), __isinf(d[i]), __finite(d[i]),
               __signbit(d[i]) != 0, __issignaling(d[i]));
        printf(" %d %d %d\n", (isnan)(d[i]), (isinf)(d[i]), finite(d[i]));
        printf("%u: float %s nan %d inf %d finite %d normal %d signbit %d sig %d | %d %d %d %d %d %d |", i,
               class_name(fpclassify(f[i])), isnan(f[i]) != 0, isinf(f[i]), isfinite(f[i]) != 0, isnormal(f[i]) != 0,
               signbit(f[i]) != 0, issignaling(f[i]), __fpclassifyf(f[i]), __isnanf(f[i]), __isinff(f[i]), __finitef(f[i]),
               __signbitf(f[i]) != 0, __issignalingf(f[i]));
        printf(" %d %d %d\n", isnanf(f[i]), isinff(f[i]), finitef(f[i]));
    }
    /* iseqsig: a signaling comparison: a NaN operand is invalid and EDOM. */
    static const double a[][2] = {{1, 1}, {0.0, -0.0}, {1, 2}, {INFINITY, INFINITY}, {NAN, 1}, {1, NAN}};
    for (unsigned i = 0; i < sizeof a / sizeof a[0]; i++) {
        errno = 0;
        feclearexcept(FE_ALL_EXCEPT);
        int r = iseqsig(a[i][0], a[i][1]);
        int rf = iseqsig((float)a[i][0], (float)a[i][1]);
        printf("iseqsig %d %d %s%s\n", r, rf, errno_name(errno), fetestexcept(FE_INVALID) ? " invalid" : "");
    }
    return 0;
}
