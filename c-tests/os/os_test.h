/* os_test.h: small helpers for the os tests, on top of test.h (no stdio, no strcmp). */
#ifndef RUSTCRT_OS_TEST_H
#define RUSTCRT_OS_TEST_H

#include <string.h>
#include <unistd.h>
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

/* Appends the decimal digits of `u` to `s`. */
static inline void os_append_number(char *s, unsigned u)
{
    char digits[16], *d = digits + sizeof digits;
    *--d = 0;
    do
        *--d = (char)('0' + u % 10);
    while (u /= 10);
    strcat(s, d);
}

/* A path in /tmp for this process: `name` then the process id. */
static inline void os_tmp_path(char *path, const char *name)
{
    strcpy(path, "/tmp/");
    strcat(path, name);
    os_append_number(path, (unsigned)getpid());
}

#endif
