// ldflags: -lm
// cflags: -fno-builtin
/* Math entry points that glibc's macros reach only in some builds (`iscanonical`, `iseqsig`,
 * `issignaling` on long double and float) and `acoshf`, called by name: results and errno. */
#include <math.h>
#include "test.h"

int (__iscanonicall)(long double x);
int (__iseqsigf)(float x, float y);
int (__iseqsigl)(long double x, long double y);
int (__issignalingl)(long double x);

int main(void)
{
    volatile float x = 1.5f;
    T_CHECK(acoshf(1.0f) == 0.0f);
    T_CHECK(acoshf(x) > 0.9624f && acoshf(x) < 0.9625f);
    errno = 0;
    T_CHECK(isnan(acoshf(0.5f)));
    T_EQ(errno, EDOM);

    T_EQ((__iscanonicall)(1.0L), 1);
    T_EQ((__iseqsigf)(1.0f, 1.0f), 1);
    T_EQ((__iseqsigf)(1.0f, 2.0f), 0);
    errno = 0;
    T_EQ((__iseqsigf)(NAN, 1.0f), 0);
    T_EQ(errno, EDOM);
    T_EQ((__iseqsigl)(2.0L, 2.0L), 1);
    errno = 0;
    T_EQ((__iseqsigl)(NAN, 2.0L), 0);
    T_EQ(errno, EDOM);
    T_EQ((__issignalingl)(1.0L), 0);
    T_EQ((__issignalingl)(__builtin_nansl("")), 1);
    T_EQ((__issignalingl)(__builtin_nanl("")), 0);
    return t_status();
}
