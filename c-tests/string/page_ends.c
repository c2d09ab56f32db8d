// cflags: -fno-builtin
/* Strings and ranges that end at the last byte before an inaccessible page, at every
 * length up to 300 (so every alignment): strlen, strnlen, strchr, strchrnul, strrchr,
 * rawmemchr, memchr with a bound far past the object (C lets memchr stop at the first
 * match), memrchr, memcmp, strcmp, strncmp, strcpy, memcpy, memmove, memset. Any read past
 * the end would die by SIGSEGV. */
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "test.h"

int main(void)
{
    long page = sysconf(_SC_PAGESIZE);
    char *base = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    T_CHECK(base != MAP_FAILED);
    T_EQ(mprotect(base + 2 * page, page, PROT_NONE), 0);
    char *end = base + 2 * page;
    char *other = base + page;
    for (size_t len = 0; len < 300; len++) {
        char *s = end - len - 1;
        memset(s, 'a', len);
        s[len] = 0;
        T_EQ(strlen(s), len);
        T_EQ(strnlen(s, len + 1), len);
        T_EQ(strnlen(s, SIZE_MAX), len);
        T_CHECK(strchr(s, 'b') == NULL);
        T_CHECK(strchr(s, 0) == s + len);
        T_CHECK(strchrnul(s, 'b') == s + len);
        T_CHECK(strrchr(s, 'a') == (len ? s + len - 1 : NULL));
        T_CHECK(rawmemchr(s, 0) == s + len);
        T_CHECK(memchr(s, 0, SIZE_MAX) == s + len);
        T_CHECK(memchr(s, 'b', len + 1) == NULL);
        T_CHECK(memrchr(s, 'a', len + 1) == (len ? s + len - 1 : NULL));

        char *t = other - len - 1;
        T_CHECK(strcpy(t, s) == t);
        T_EQ(strcmp(s, t), 0);
        T_EQ(strncmp(s, t, SIZE_MAX), 0);
        T_EQ(memcmp(s, t, len + 1), 0);
        char *r = end - len;
        T_CHECK(memmove(r, s, len) == r);
        T_CHECK(memcpy(t, r, len) == t);
        T_CHECK(memset(r, 'c', len) == r);
        T_EQ(memcmp(r, t, len) > 0, len > 0);
    }
    T_EQ(munmap(base, 3 * page), 0);
    return t_status();
}
