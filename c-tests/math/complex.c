// cflags: -fno-builtin
// ldflags: -lm
/* <complex.h> basics: creal, cimag, conj, cproj, cabs, carg and their float forms, called as
 * functions (-fno-builtin), over ordinary values, signed zeros, infinities and NaNs. */
#include <complex.h>
#include <float.h>
#include "common.h"

int main(void)
{
    const double complex z[] = {
        CMPLX(3, 4), CMPLX(-3, 4), CMPLX(0.0, -0.0), CMPLX(-0.0, 0.0), CMPLX(1e308, 1e308),
        CMPLX(INFINITY, NAN), CMPLX(NAN, -INFINITY), CMPLX(-INFINITY, 2), CMPLX(1, NAN), CMPLX(DBL_MIN, -DBL_MIN),
    };
    for (unsigned i = 0; i < sizeof z / sizeof z[0]; i++) {
        double complex c = conj(z[i]), p = cproj(z[i]);
        float complex zf = CMPLXF((float)creal(z[i]), (float)cimag(z[i]));
        float complex cf = conjf(zf), pf = cprojf(zf);
        printf("%u:", i);
        show(creal(z[i]));
        show(cimag(z[i]));
        show(creal(c));
        show(cimag(c));
        show(creal(p));
        show(cimag(p));
        errno = 0;
        show(cabs(z[i]));
        printf("(%s)", errno_name(errno));
        show(carg(z[i]));
        printf(" |");
        show(crealf(zf));
        show(cimagf(zf));
        show(crealf(cf));
        show(cimagf(cf));
        show(crealf(pf));
        show(cimagf(pf));
        errno = 0;
        show(cabsf(zf));
        printf("(%s)", errno_name(errno));
        show(cargf(zf));
        printf("\n");
    }
    return 0;
}
