// families: malloc
/* glibc's second names of the allocator, `__libc_malloc` and friends, which some programs and
 * libraries call to reach "the real malloc": blocks from them and from `malloc` are one kind
 * (under LD_PRELOAD both are ours, so neither meets the other's free). Built only against
 * glibc: rustcrt's static library has no such names. */
#include "test.h"
#include <stdint.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void *__libc_valloc(size_t);
extern void *__libc_pvalloc(size_t);
extern void __libc_free(void *);

int main(void)
{
    char *p = __libc_malloc(100);
    T_CHECK(p != NULL);
    memset(p, 'a', 100);
    p = realloc(p, 1000);
    T_CHECK(p != NULL && p[99] == 'a');
    free(p);

    p = malloc(50);
    T_CHECK(p != NULL);
    memset(p, 'b', 50);
    p = __libc_realloc(p, 5000);
    T_CHECK(p != NULL && p[49] == 'b');
    __libc_free(p);

    long *z = __libc_calloc(10, sizeof *z);
    T_CHECK(z != NULL && z[0] == 0 && z[9] == 0);
    free(z);

    void *a = __libc_memalign(256, 100);
    T_CHECK(a != NULL && (uintptr_t)a % 256 == 0);
    free(a);
    long page = sysconf(_SC_PAGESIZE);
    a = __libc_valloc(10);
    T_CHECK(a != NULL && (uintptr_t)a % (uintptr_t)page == 0);
    __libc_free(a);
    a = __libc_pvalloc(10);
    T_CHECK(a != NULL && (uintptr_t)a % (uintptr_t)page == 0);
    free(a);

    __libc_free(NULL);
    errno = 0;
    T_CHECK(__libc_malloc(SIZE_MAX - 4096) == NULL);
    T_EQ(errno, ENOMEM);
    t_print("second names done\n");
    return t_status();
}
