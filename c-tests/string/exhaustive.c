// cflags: -fno-builtin
/* memchr, strlen, memcmp, memcpy and memset at every start alignment 0..63, every length
 * 0..300 and every match or difference position, checked against byte loops; then the same
 * lengths with the range ending at the last byte before an inaccessible page (a read past
 * the end would die by SIGSEGV), with no match, the match last, or the difference last. */
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "test.h"

#define MAXLEN 300

static unsigned char hay[64 + MAXLEN + 64];
static unsigned char one[64 + MAXLEN + 64], two[64 + MAXLEN + 64];

static long first_index(const unsigned char *s, size_t n, int c)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == c)
            return (long)i;
    return -1;
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

static int ref_compare(const unsigned char *a, const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* memchr (with the needle just past the end too) and strlen, every position. */
static void search(void)
{
    long wrong = 0;
    for (size_t align = 0; align < 64; align++) {
        for (size_t len = 0; len <= MAXLEN; len++) {
            unsigned char *s = hay + align;
            for (long pos = -1; pos < (long)len; pos++) {
                memset(hay, 'x', sizeof hay);
                s[len] = 'c';
                if (pos >= 0)
                    s[pos] = 'c';
                long want = first_index(s, len, 'c');
                unsigned char *got = memchr(s, 'c', len);
                wrong += got != (want < 0 ? NULL : s + want);
                s[pos < 0 ? (long)len : pos] = 0;
                wrong += strlen((char *)s) != (size_t)(pos < 0 ? (long)len : pos);
            }
        }
    }
    T_EQ(wrong, 0);
}

/* memcmp with one difference at every position, both signs; memcpy and memset. */
static void compare(void)
{
    long wrong = 0;
    for (size_t i = 0; i < sizeof one; i++)
        one[i] = (unsigned char)(i * 7 + 3);
    for (size_t align = 0; align < 64; align++) {
        size_t other = (align * 5 + 3) % 64;
        for (size_t len = 0; len <= MAXLEN; len++) {
            unsigned char *a = one + align, *b = two + other;
            memset(two, 0, sizeof two);
            wrong += memcpy(b, a, len) != b;
            wrong += ref_compare(a, b, len) != 0 || two[other + len] != 0 || (other && two[other - 1]);
            for (long pos = -1; pos < (long)len; pos++) {
                if (pos >= 0)
                    b[pos] ^= pos % 2 ? 0x01 : 0x80;
                wrong += sign(memcmp(a, b, len)) != ref_compare(a, b, len);
                if (pos >= 0)
                    b[pos] = a[pos];
            }
            wrong += memset(b, 0xa5, len) != b;
            for (size_t i = 0; i < len; i++)
                wrong += b[i] != 0xa5;
            wrong += two[other + len] != 0 || (other && two[other - 1]);
        }
    }
    T_EQ(wrong, 0);
}

static void page_ends(void)
{
    long page = sysconf(_SC_PAGESIZE);
    unsigned char *base = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    T_CHECK(base != MAP_FAILED);
    T_EQ(mprotect(base + 2 * page, page, PROT_NONE), 0);
    long wrong = 0;
    for (size_t len = 0; len <= 600; len++) {
        unsigned char *s = base + 2 * page - len, *t = base + page - len;
        memset(s, 'a', len);
        wrong += memchr(s, 'c', len) != NULL;
        memcpy(t, s, len);
        wrong += memcmp(s, t, len) != 0;
        if (len > 0) {
            s[len - 1] = 'c';
            wrong += memchr(s, 'c', len) != s + len - 1;
            wrong += memcmp(s, t, len) <= 0;
            s[len - 1] = 0;
            wrong += strlen((char *)s) != len - 1;
        }
    }
    T_EQ(wrong, 0);
    T_EQ(munmap(base, 3 * page), 0);
}

int main(void)
{
    search();
    compare();
    page_ends();
    t_print("done\n");
    return t_status();
}
