/* os_test.h: small helpers for the os tests, on top of test.h (no stdio, no strcmp). */
#ifndef RUSTCRT_OS_TEST_H
#define RUSTCRT_OS_TEST_H

#include <string.h>
#include "test.h"

/* Whether two NUL-terminated strings are equal. */
static inline int os_streq(const char *a, const char *b)
{
    size_t n = strlen(a);
    return n == strlen(b) && memcmp(a, b, n) == 0;
}

/* A pointer the kernel refuses (EFAULT), hidden from the compiler's null-argument checks. */
static inline void *os_bad_pointer(void)
{
    void *volatile p = (void *)8;
    return p;
}

/* A null pointer, hidden likewise. */
static inline void *os_null(void)
{
    void *volatile p = 0;
    return p;
}

#endif
