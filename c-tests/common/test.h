/* test.h: checks and output for the C tests, over write(2) only (no stdio needed).
 *
 * Keep apart, as libc-test does, a call that fails with -1 and sets errno (T_ERRNO) from one
 * that returns an error number (T_RET). A failed check prints where and what on standard
 * output and makes t_status() nonzero; main returns t_status(). */
#ifndef RUSTCRT_TEST_H
#define RUSTCRT_TEST_H

#include <errno.h>
#include <string.h>
#include <unistd.h>

static int t_failures;

/* Writes a string to standard output. */
static inline void t_print(const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(1, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

/* Writes a signed decimal number to standard output. */
static inline void t_print_long(long v)
{
    char buf[24];
    char *p = buf + sizeof buf;
    unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
    *--p = 0;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    t_print(p);
}

/* A line: text then a number then a newline. */
static inline void t_print_kv(const char *text, long v)
{
    t_print(text);
    t_print_long(v);
    t_print("\n");
}

static inline void t_fail(const char *file, int line, const char *what, long got, long want)
{
    t_failures++;
    t_print("FAIL ");
    t_print(file);
    t_print(":");
    t_print_long(line);
    t_print(": ");
    t_print(what);
    t_print(" (got ");
    t_print_long(got);
    t_print(", want ");
    t_print_long(want);
    t_print(")\n");
}

/* cond must hold. */
#define T_CHECK(cond) \
    do { if (!(cond)) t_fail(__FILE__, __LINE__, #cond, 0, 1); } while (0)

/* Two integer expressions must be equal. */
#define T_EQ(a, want) \
    do { long t_a = (long)(a), t_w = (long)(want); \
         if (t_a != t_w) t_fail(__FILE__, __LINE__, #a " == " #want, t_a, t_w); } while (0)

/* expr must fail with -1 (or the given failure value) and set errno to err. */
#define T_ERRNO(expr, err) \
    do { errno = 0; long t_r = (long)(expr); int t_e = errno; \
         if (t_r != -1) t_fail(__FILE__, __LINE__, #expr " returns -1", t_r, -1); \
         if (t_e != (err)) t_fail(__FILE__, __LINE__, #expr " sets errno " #err, t_e, err); } while (0)

/* expr must return the error number err (0 for success). */
#define T_RET(expr, err) T_EQ(expr, err)

static inline int t_status(void)
{
    return t_failures ? 1 : 0;
}

#endif
