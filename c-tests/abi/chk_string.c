// cflags: -fno-builtin
/* The string and memory __*_chk entry points that -D_FORTIFY_SOURCE makes programs call,
 * called directly: with room enough they behave as the plain function; with a destination
 * size too small they abort (glibc's __chk_fail) instead of writing past it. */
#include <stddef.h>
#include <string.h>
#include "child.h"
#include "test.h"

void *__memmove_chk(void *dst, const void *src, size_t n, size_t dstlen);
void *__mempcpy_chk(void *dst, const void *src, size_t n, size_t dstlen);
void *__memset_chk(void *dst, int c, size_t n, size_t dstlen);
void __explicit_bzero_chk(void *dst, size_t n, size_t dstlen);
char *__stpcpy_chk(char *dst, const char *src, size_t dstlen);
char *__stpncpy_chk(char *dst, const char *src, size_t n, size_t dstlen);
char *__strcat_chk(char *dst, const char *src, size_t dstlen);
char *__strncpy_chk(char *dst, const char *src, size_t n, size_t dstlen);
void __chk_fail(void) __attribute__((noreturn));

static char small[4];

static void memmove_over(void) { __memmove_chk(small, "abcdefgh", opaque(8), sizeof small); }
static void mempcpy_over(void) { __mempcpy_chk(small, "abcdefgh", opaque(5), sizeof small); }
static void memset_over(void) { __memset_chk(small, 'x', opaque(5), sizeof small); }
static void bzero_over(void) { __explicit_bzero_chk(small, opaque(5), sizeof small); }
static void stpcpy_over(void) { __stpcpy_chk(small, "abcd", opaque(sizeof small)); }
static void stpncpy_over(void) { __stpncpy_chk(small, "ab", opaque(5), sizeof small); }
static void strcat_over(void)
{
    small[0] = 'a';
    small[1] = 0;
    __strcat_chk(small, "bcd", opaque(sizeof small));
}
static void strncpy_over(void) { __strncpy_chk(small, "a", opaque(5), sizeof small); }
static void chk_fail(void) { __chk_fail(); }

int main(void)
{
    char buf[16];

    /* memmove_chk: overlapping move within room. */
    memcpy(buf, "0123456789", 11);
    T_CHECK(__memmove_chk(buf + 2, buf, 8, sizeof buf - 2) == buf + 2);
    T_EQ(memcmp(buf, "0101234567", 10), 0);

    /* mempcpy_chk returns the end of what it copied. */
    T_CHECK(__mempcpy_chk(buf, "abc", 3, sizeof buf) == buf + 3);
    T_EQ(memcmp(buf, "abc", 3), 0);

    /* memset_chk fills exactly n bytes; n == dstlen is allowed. */
    memset(buf, 0, sizeof buf);
    T_CHECK(__memset_chk(buf, 'z', sizeof buf, sizeof buf) == buf);
    T_EQ(buf[0], 'z');
    T_EQ(buf[15], 'z');

    /* explicit_bzero_chk clears n bytes and leaves the rest. */
    __explicit_bzero_chk(buf, 4, sizeof buf);
    T_EQ(buf[3], 0);
    T_EQ(buf[4], 'z');

    /* stpcpy_chk returns the terminator's address; a string of dstlen-1 fits. */
    T_CHECK(__stpcpy_chk(buf, "fifteen-chars!!", sizeof buf) == buf + 15);
    T_EQ(strcmp(buf, "fifteen-chars!!"), 0);

    /* stpncpy_chk pads with NULs and returns the first NUL written. */
    memset(buf, 'q', sizeof buf);
    T_CHECK(__stpncpy_chk(buf, "ab", 6, sizeof buf) == buf + 2);
    T_EQ(buf[2], 0);
    T_EQ(buf[5], 0);
    T_EQ(buf[6], 'q');

    /* strcat_chk appends; the result exactly filling dstlen is allowed. */
    strcpy(buf, "abc");
    T_CHECK(__strcat_chk(buf, "defghijklmno", sizeof buf) == buf);
    T_EQ(strcmp(buf, "abcdefghijklmno"), 0);

    /* strncpy_chk pads to n. */
    memset(buf, 'q', sizeof buf);
    T_CHECK(__strncpy_chk(buf, "xy", 4, sizeof buf) == buf);
    T_EQ(memcmp(buf, "xy\0\0q", 5), 0);

    /* Each one aborts when the destination is too small. */
    T_CHECK(aborts(memmove_over));
    T_CHECK(aborts(mempcpy_over));
    T_CHECK(aborts(memset_over));
    T_CHECK(aborts(bzero_over));
    T_CHECK(aborts(stpcpy_over));
    T_CHECK(aborts(stpncpy_over));
    T_CHECK(aborts(strcat_over));
    T_CHECK(aborts(strncpy_over));
    T_CHECK(aborts(chk_fail));
    return t_status();
}
