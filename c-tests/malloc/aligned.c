/* aligned_alloc, posix_memalign, memalign, valloc, pvalloc: alignment of the results, usable
 * sizes, and the error cases (posix_memalign returns EINVAL or ENOMEM; the others set errno). */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

static volatile size_t huge = SIZE_MAX;
static volatile size_t tb64 = (size_t)1 << 46;

int main(void)
{
    static const size_t sizes[] = { 1, 24, 100, 1000, 4096, 70000, 131072, 300000, 3 << 20 };
    for (size_t align = 8; align <= (8u << 20); align *= 2) {
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            size_t n = sizes[i];
            void *p = NULL;
            T_RET(posix_memalign(&p, align, n), 0);
            T_CHECK(p != NULL);
            T_EQ((uintptr_t)p % align, 0);
            T_CHECK(malloc_usable_size(p) >= n);
            memset(p, 0x11, n);
            free(p);

            unsigned char *q = aligned_alloc(align, n);
            T_CHECK(q != NULL);
            T_EQ((uintptr_t)q % align, 0);
            memset(q, 0x22, n);
            T_EQ(q[n - 1], 0x22);
            free(q);

            q = memalign(align, n);
            T_CHECK(q != NULL);
            T_EQ((uintptr_t)q % align, 0);
            free(q);
        }
    }

    /* memalign rounds an alignment that is not a power of two up to one. */
    void *m = memalign(100, 10);
    T_CHECK(m != NULL);
    T_EQ((uintptr_t)m % 128, 0);
    free(m);
    m = memalign(1, 10);
    T_CHECK(m != NULL);
    free(m);

    /* valloc and pvalloc: page-aligned; pvalloc rounds the size up to whole pages. */
    void *v = valloc(10);
    T_CHECK(v != NULL);
    T_EQ((uintptr_t)v % 4096, 0);
    free(v);
    v = pvalloc(10);
    T_CHECK(v != NULL);
    T_EQ((uintptr_t)v % 4096, 0);
    T_CHECK(malloc_usable_size(v) >= 4096);
    free(v);
    v = pvalloc(0);
    T_CHECK(v != NULL);
    free(v);

    /* posix_memalign: EINVAL for alignments that are not a power of two multiple of
     * sizeof(void *), with *memptr untouched; ENOMEM when there is no memory. */
    void *keep = (void *)&keep;
    T_RET(posix_memalign(&keep, 0, 16), EINVAL);
    T_RET(posix_memalign(&keep, 4, 16), EINVAL);
    T_RET(posix_memalign(&keep, 24, 16), EINVAL);
    T_RET(posix_memalign(&keep, 48, 16), EINVAL);
    T_RET(posix_memalign(&keep, ((size_t)-1 / 2) + 2, 16), EINVAL);
    T_CHECK(keep == (void *)&keep);
    T_RET(posix_memalign(&keep, 64, huge), ENOMEM);
    T_RET(posix_memalign(&keep, 64, tb64), ENOMEM);
    T_CHECK(keep == (void *)&keep);
    void *zero = NULL;
    T_RET(posix_memalign(&zero, 64, 0), 0);
    free(zero);

    /* The others: ENOMEM in errno. */
    T_ERRNO(aligned_alloc(64, huge) == NULL ? -1 : 0, ENOMEM);
    T_ERRNO(memalign(64, tb64) == NULL ? -1 : 0, ENOMEM);
    T_ERRNO(valloc(huge) == NULL ? -1 : 0, ENOMEM);
    T_ERRNO(pvalloc(huge) == NULL ? -1 : 0, ENOMEM);
    T_ERRNO(memalign(huge, 16) == NULL ? -1 : 0, EINVAL);
    t_print("ok\n");
    return t_status();
}
