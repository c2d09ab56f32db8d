// cflags: -fno-builtin
// ldflags: -lm
/* The <math.h> functions that need not be correctly rounded, within a bound in ulps of the
 * correctly rounded value (reference.h, made by gen_reference.py with mpmath). glibc's and
 * musl's algorithms (rustcrt's, through the libm crate) differ in the last bit for some
 * inputs, so only "within the bound" is printed, the same for both. Build with -DSHOW_MAX to
 * print each function's largest error instead. The bounds are the largest errors measured
 * here, over both libraries: 1 ulp for all but tgamma (2), j0 (2), y0 (2), y1 (3), jn (2) and
 * yn (4) in double, and j0, j1, y0, y1, jn, yn (2) in float. */
#include <limits.h>
#include <stdint.h>
#include "common.h"
#include "reference.h"

/* The distance in ulps between two finite doubles (or floats): their bit patterns mapped to
 * integers in the order of the values. */
static int64_t order_d(double v)
{
    union { double d; int64_t i; } u = {v};
    return u.i < 0 ? INT64_MIN - u.i : u.i;
}

static int64_t order_f(float v)
{
    union { float f; int32_t i; } u = {v};
    return u.i < 0 ? INT32_MIN - (int64_t)u.i : u.i;
}

static int failures;

static void verdict(const char *name, int64_t worst, int64_t bound)
{
#ifdef SHOW_MAX
    printf("%-8s max %lld ulp (bound %lld)\n", name, (long long)worst, (long long)bound);
#else
    printf("%-8s %s\n", name, worst <= bound ? "within bound" : "FAIL");
#endif
    if (worst > bound)
        failures++;
}

static int64_t distance(int64_t a, int64_t b)
{
    return a > b ? a - b : b - a;
}

#define CHECK(tag, name, call, order, bound) \
    do { int64_t worst = 0; \
         for (unsigned i = 0; i < sizeof ref_##tag##_##name / sizeof ref_##tag##_##name[0]; i++) { \
             __typeof__(ref_##tag##_##name[0]) r = ref_##tag##_##name[i]; \
             __typeof__(r.want) got = call; \
             int64_t d = isnan(got) ? INT64_MAX : distance(order(got), order(r.want)); \
             if (d > bound) printf("  %s #%u: got %a want %a (%lld ulp)\n", #name, i, (double)got, (double)r.want, (long long)d); \
             if (d > worst) worst = d; } \
         verdict(#name, worst, bound); } while (0)

#define D1(name, bound) CHECK(d, name, name(r.x), order_d, bound)
#define D2(name, bound) CHECK(d, name, name(r.x, r.y), order_d, bound)
#define DN(name, bound) CHECK(d, name, name(r.n, r.x), order_d, bound)
#define F1(name, bound) CHECK(f, name, name##f(r.x), order_f, bound)
#define F2(name, bound) CHECK(f, name, name##f(r.x, r.y), order_f, bound)
#define FN(name, bound) CHECK(f, name, name##f(r.n, r.x), order_f, bound)

int main(void)
{
    printf("double:\n");
    D1(sin, 1); D1(cos, 1); D1(tan, 1); D1(asin, 1); D1(acos, 1); D1(atan, 1); D2(atan2, 1);
    D1(sinh, 1); D1(cosh, 1); D1(tanh, 1); D1(asinh, 1); D1(acosh, 1); D1(atanh, 1);
    D1(exp, 1); D1(exp2, 1); D1(exp10, 1); D1(expm1, 1); D1(log, 1); D1(log2, 1); D1(log10, 1);
    D1(log1p, 1); D2(pow, 1); D1(cbrt, 1); D2(hypot, 1); D1(erf, 1); D1(erfc, 1);
    D1(lgamma, 1); D1(tgamma, 2); D1(j0, 2); D1(j1, 1); D1(y0, 2); D1(y1, 3); DN(jn, 2); DN(yn, 4);
    printf("float:\n");
    F1(sin, 1); F1(cos, 1); F1(tan, 1); F1(asin, 1); F1(acos, 1); F1(atan, 1); F2(atan2, 1);
    F1(sinh, 1); F1(cosh, 1); F1(tanh, 1); F1(asinh, 1); F1(acosh, 1); F1(atanh, 1);
    F1(exp, 1); F1(exp2, 1); F1(exp10, 1); F1(expm1, 1); F1(log, 1); F1(log2, 1); F1(log10, 1);
    F1(log1p, 1); F2(pow, 1); F1(cbrt, 1); F2(hypot, 1); F1(erf, 1); F1(erfc, 1);
    F1(lgamma, 1); F1(tgamma, 1); F1(j0, 2); F1(j1, 2); F1(y0, 2); F1(y1, 2); FN(jn, 2); FN(yn, 2);
    return failures ? 1 : 0;
}
