/* malloc, calloc, free, malloc_usable_size: success paths, alignment, usable sizes, reuse
 * and zeroing, and ENOMEM for sizes no system can give. */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

/* Sizes kept out of the compiler's sight, so it warns about nothing and folds nothing. */
static volatile size_t huge = SIZE_MAX;
static volatile size_t half = SIZE_MAX / 2 + 1;
static volatile size_t tb64 = (size_t)1 << 46;

static int pattern_ok(const unsigned char *p, size_t n, unsigned char seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed + i))
            return 0;
    return 1;
}

static void pattern(unsigned char *p, size_t n, unsigned char seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed + i);
}

int main(void)
{
    static const size_t sizes[] = { 0, 1, 7, 16, 17, 100, 128, 129, 1000, 4096, 5000, 65536,
                                    131072, 131073, 200000, 1 << 20, 5 << 20 };
    void *blocks[sizeof sizes / sizeof sizes[0]];
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned char *p = malloc(sizes[i]);
        T_CHECK(p != NULL);
        T_EQ((uintptr_t)p % 16, 0);
        T_CHECK(malloc_usable_size(p) >= sizes[i]);
        pattern(p, sizes[i], (unsigned char)i);
        blocks[i] = p;
    }
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        T_CHECK(pattern_ok(blocks[i], sizes[i], (unsigned char)i));
        for (size_t j = 0; j < i; j++)
            T_CHECK(blocks[i] != blocks[j]);
    }
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        free(blocks[i]);

    /* free(NULL) does nothing; malloc_usable_size(NULL) is 0. */
    free(NULL);
    T_EQ(malloc_usable_size(NULL), 0);

    /* calloc zeroes, also memory that was used before. */
    for (size_t n = 1; n <= (1 << 21); n *= 8) {
        unsigned char *p = malloc(n);
        memset(p, 0xa5, n);
        free(p);
        unsigned char *z = calloc(n, 1);
        T_CHECK(z != NULL);
        size_t nonzero = 0;
        for (size_t i = 0; i < n; i++)
            nonzero += z[i] != 0;
        T_EQ(nonzero, 0);
        free(z);
    }
    int *arr = calloc(1000, sizeof(int));
    T_CHECK(arr != NULL);
    T_EQ(arr[0] + arr[999], 0);
    free(arr);
    void *empty = calloc(0, 16);
    T_CHECK(empty != NULL);
    free(empty);

    /* Errors: ENOMEM for impossible sizes, and for calloc products that overflow. */
    T_ERRNO(malloc(huge) == NULL ? -1 : 0, ENOMEM);
    T_ERRNO(malloc(half) == NULL ? -1 : 0, ENOMEM);
    T_ERRNO(malloc(tb64) == NULL ? -1 : 0, ENOMEM);
    T_ERRNO(calloc(half, 2) == NULL ? -1 : 0, ENOMEM);
    T_ERRNO(calloc(3, huge / 2) == NULL ? -1 : 0, ENOMEM);
    T_ERRNO(calloc(tb64, 1) == NULL ? -1 : 0, ENOMEM);

    /* Many small blocks alive at once, freed in a mixed order, then reused. */
    enum { N = 5000 };
    static unsigned char *many[N];
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < N; i++) {
            size_t n = 1 + (size_t)(i * 37 % 500);
            many[i] = malloc(n);
            T_CHECK(many[i] != NULL);
            pattern(many[i], n, (unsigned char)(i + round));
        }
        for (int i = 0; i < N; i += 2) {
            T_CHECK(pattern_ok(many[i], 1 + (size_t)(i * 37 % 500), (unsigned char)(i + round)));
            free(many[i]);
        }
        for (int i = 1; i < N; i += 2) {
            T_CHECK(pattern_ok(many[i], 1 + (size_t)(i * 37 % 500), (unsigned char)(i + round)));
            free(many[i]);
        }
    }
    t_print("ok\n");
    return t_status();
}
