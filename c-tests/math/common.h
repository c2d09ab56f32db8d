/* common.h: helpers for the math tests: exact printing of doubles (NaNs without their sign,
 * which the C standard leaves unspecified) and errno names. */
#ifndef MATH_TEST_COMMON_H
#define MATH_TEST_COMMON_H

#include <errno.h>
#include <math.h>
#include <stdio.h>

/* Prints a value exactly (%a), a NaN as "nan". */
static inline void show(double v)
{
    if (isnan(v))
        printf(" nan");
    else
        printf(" %a", v);
}

/* The name of an errno value that the math functions set. */
static inline const char *errno_name(int e)
{
    return e == 0 ? "0" : e == EDOM ? "EDOM" : e == ERANGE ? "ERANGE" : "other";
}

#endif
