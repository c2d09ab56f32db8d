// cflags: -fno-builtin
// ldflags: -lm
/* errno and the exception flags of the math functions' error cases, as glibc reports them
 * (math_errhandling is MATH_ERRNO | MATH_ERREXCEPT): EDOM with invalid for domain errors,
 * ERANGE with divide-by-zero for poles, with overflow for overflows and with underflow for
 * results that underflow to zero; no errno for the cases that are not errors (a subnormal
 * result, an infinity from an infinity, the exact zeros). */
#include <fenv.h>
#include <float.h>
#include "common.h"

static volatile double inf = INFINITY, qnan = NAN;

static void report(const char *what, double r)
{
    int e = errno;
    int flags = fetestexcept(FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW);
    printf("%-24s", what);
    show(r);
    printf(" %s", errno_name(e));
    if (e) /* The flags of the error cases; the others' may differ in inexact/underflow. */
        printf("%s%s%s%s", flags & FE_INVALID ? " invalid" : "", flags & FE_DIVBYZERO ? " divbyzero" : "",
               flags & FE_OVERFLOW ? " overflow" : "", flags & FE_UNDERFLOW ? " underflow" : "");
    printf("\n");
}

#define T(e) do { errno = 0; feclearexcept(FE_ALL_EXCEPT); double r_ = (e); report(#e, r_); } while (0)

int main(void)
{
    int sign;
    double s, c;
    /* Domain errors. */
    T(sqrt(-1)); T(sqrt(-inf)); T(sqrtf(-1)); T(log(-1)); T(log(-inf)); T(log2(-2)); T(log10(-3));
    T(log1p(-2)); T(logf(-1)); T(acos(2)); T(asin(-2)); T(acosf(1.5f)); T(acosh(0.5)); T(atanh(2));
    T(pow(-1, 0.5)); T(pow(-8, 1.0 / 3)); T(powf(-2, 0.5f)); T(sin(inf)); T(cos(-inf)); T(tan(inf));
    T(sinf(inf)); T(fmod(1, 0)); T(fmod(inf, 1)); T(fmodf(2, 0)); T(remainder(1, 0));
    T(remainder(inf, 1)); T(tgamma(-1)); T(tgamma(-inf)); T(tgammaf(-2)); T(y0(-1)); T(y1(-2));
    T(yn(2, -1)); T(y0f(-1)); T(ilogb(0)); T(ilogb(inf)); T(ilogb(qnan)); T(ilogbf(0));
    /* Poles. */
    T(log(0)); T(log(-0.0)); T(log2(0)); T(log10(0)); T(log1p(-1)); T(logf(0)); T(atanh(1));
    T(atanh(-1)); T(atanhf(1)); T(pow(0, -1)); T(pow(-0.0, -3)); T(pow(0, -0.5)); T(powf(0, -2));
    T(lgamma(0)); T(lgamma(-1)); T(lgamma(-2)); T(lgammaf(0)); T(tgamma(0)); T(tgamma(-0.0));
    T(y0(0)); T(y1(0)); T(yn(3, 0)); T(y1f(0)); T(lgamma_r(-3, &sign));
    /* Overflows. */
    T(exp(1000)); T(exp2(1024)); T(exp10(309)); T(expm1(710)); T(expf(89)); T(exp10f(39));
    T(pow(10, 400)); T(pow(-10, 401)); T(powf(10, 39)); T(cosh(1000)); T(sinh(-1000));
    T(coshf(90)); T(hypot(DBL_MAX, DBL_MAX)); T(hypotf(FLT_MAX, FLT_MAX)); T(tgamma(200));
    T(tgammaf(40)); T(lgamma(1e308)); T(fdim(DBL_MAX, -DBL_MAX)); T(ldexp(1, 5000));
    T(scalbn(-1, 2000)); T(scalbln(1, 100000)); T(ldexpf(1, 200)); T(nextafter(DBL_MAX, inf));
    T(nextafterf(FLT_MAX, inf)); T(y1(1e-310)); T(yn(5, 1e-80));
    /* Underflows to zero. */
    T(exp(-1000)); T(exp2(-1100)); T(exp10(-330)); T(expf(-104)); T(pow(10, -400));
    T(pow(0.5, 1100)); T(powf(10, -50)); T(erfc(30)); T(erfcf(12)); T(tgamma(-200.5));
    T(atan2(1e-300, 1e300)); T(ldexp(1, -1100)); T(scalbn(3, -1080)); T(ldexpf(1, -150));
    T(nextafter(0x1p-1074, 0)); T(nextafter(0x1p-1022, 0)); T(jn(1000, 1));
    /* Not errors: subnormal results, exact zeros, infinities from infinities, NaN in. */
    T(exp(-740)); T(exp2(-1074)); T(pow(2, -1074)); T(ldexp(1, -1074)); T(ldexp(3, -1075));
    T(exp(-inf)); T(exp(inf)); T(log(inf)); T(log(1)); T(acos(1)); T(fmod(2, 1)); T(fmod(1, inf));
    T(pow(0, 1)); T(pow(-1, inf)); T(pow(qnan, 0)); T(pow(1, qnan)); T(pow(0, -inf));
    T(hypot(inf, qnan)); T(lgamma(inf)); T(lgamma(-inf)); T(lgamma(1)); T(lgamma(2));
    T(sqrt(-0.0)); T(sqrt(qnan)); T(sin(qnan)); T(cbrt(-inf)); T(expm1(-1000)); T(atan(inf));
    T(tanh(-inf)); T(fma(DBL_MAX, 2, 0)); T(fma(inf, 0, 1)); T(logb(0)); T(logbf(-0.0));
    T(nextafter(0, 1)); T(nextafter(1, 2)); T(nextafter(qnan, 1)); T(nextafterf(1, NAN));
    T(remquo(1, 0, &sign)); T(erf(1e-310)); T(sinh(1e-310)); T(j0(1e300)); T(atan2(0, -1));
    T(frexp(inf, &sign)); T(modf(inf, &s)); T(fdim(1, 1)); T(scalbn(0, 100000)); T(ldexp(inf, -5));
    /* sincos reports as sin. */
    errno = 0;
    feclearexcept(FE_ALL_EXCEPT);
    sincos(inf, &s, &c);
    report("sincos(inf)", s);
    errno = 0;
    sincos(0.5, &s, &c);
    printf("sincos(0.5) %s %d\n", errno_name(errno), s == sin(0.5) && c == cos(0.5));
    /* lgamma's sign. */
    lgamma(-0.5);
    printf("signgam(-0.5) %d", signgam);
    lgamma(-1.5);
    printf(" (-1.5) %d", signgam);
    lgammaf(3);
    printf(" (3) %d", signgam);
    lgamma_r(-2.5, &sign);
    printf(" lgamma_r(-2.5) %d\n", sign);
    return 0;
}
