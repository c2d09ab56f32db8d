// cflags: -fno-builtin
/* strdup, strndup: copies in malloc'd memory (freed with free), bounds, and ENOMEM when the
 * address space is too small for the copy (RLIMIT_AS lowered below the string's size). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include "test.h"

int main(void)
{
    const char *volatile s = "hello, world";
    char *p = strdup(s);
    T_CHECK(p != NULL && p != s && strcmp(p, s) == 0);
    free(p);
    p = strdup("");
    T_CHECK(p != NULL && p[0] == 0);
    free(p);
    p = strndup(s, 5);
    T_CHECK(p != NULL && strcmp(p, "hello") == 0);
    free(p);
    p = strndup(s, 100);
    T_CHECK(p != NULL && strcmp(p, s) == 0);
    free(p);
    p = strndup(s, 0);
    T_CHECK(p != NULL && p[0] == 0);
    free(p);
    char unterminated[3] = {'a', 'b', 'c'};
    p = strndup(unterminated, 3);
    T_CHECK(p != NULL && strcmp(p, "abc") == 0);
    free(p);

    /* A 64 MiB string, then an address-space limit that leaves no room for its copy. */
    size_t big = 64u << 20;
    char *b = mmap(NULL, big + 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    T_CHECK(b != MAP_FAILED);
    memset(b, 'x', big);
    b[big] = 0;
    struct rlimit lim = {big, big};
    T_EQ(setrlimit(RLIMIT_AS, &lim), 0);
    errno = 0;
    T_CHECK(strdup(b) == NULL);
    T_EQ(errno, ENOMEM);
    errno = 0;
    T_CHECK(strndup(b, big) == NULL);
    T_EQ(errno, ENOMEM);
    p = strndup(b, 10);
    T_CHECK(p != NULL && strlen(p) == 10);
    free(p);
    return t_status();
}
