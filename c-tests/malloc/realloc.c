/* realloc and reallocarray: contents kept while growing and shrinking across every size range,
 * realloc(NULL, n) allocates, realloc(p, 0) frees and returns NULL (as glibc), and failures
 * leave the block allocated and unchanged. */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

static volatile size_t huge = SIZE_MAX;
static volatile size_t half = SIZE_MAX / 2 + 1;

static unsigned char byte_at(size_t i)
{
    return (unsigned char)(i * 7 + (i >> 9));
}

static size_t bad_bytes(const unsigned char *p, size_t n)
{
    size_t bad = 0;
    for (size_t i = 0; i < n; i++)
        bad += p[i] != byte_at(i);
    return bad;
}

int main(void)
{
    /* Grow from 1 byte to 24 MiB in steps, then shrink back: the first bytes survive. */
    size_t size = 1;
    unsigned char *p = realloc(NULL, size);
    T_CHECK(p != NULL);
    p[0] = byte_at(0);
    while (size < (24u << 20)) {
        size_t next = size + size / 2 + 3;
        unsigned char *q = realloc(p, next);
        T_CHECK(q != NULL);
        T_EQ(bad_bytes(q, size), 0);
        for (size_t i = size; i < next; i++)
            q[i] = byte_at(i);
        T_CHECK(malloc_usable_size(q) >= next);
        p = q;
        size = next;
    }
    while (size > 5) {
        size_t next = size / 3;
        unsigned char *q = realloc(p, next);
        T_CHECK(q != NULL);
        T_EQ(bad_bytes(q, next), 0);
        p = q;
        size = next;
    }

    /* Growing by small steps, as a string builder does. */
    unsigned char *s = NULL;
    for (size_t n = 64; n <= 300000; n += 64) {
        unsigned char *q = realloc(s, n);
        T_CHECK(q != NULL);
        for (size_t i = n - 64; i < n; i++)
            q[i] = byte_at(i);
        s = q;
    }
    T_EQ(bad_bytes(s, 300000 - 300000 % 64), 0);
    free(s);

    /* A failed realloc leaves the block as it was (the volatile copy keeps gcc from taking
     * the call for the end of p). */
    unsigned char *volatile held = p;
    errno = 0;
    T_CHECK(realloc(held, huge) == NULL);
    T_EQ(errno, ENOMEM);
    T_EQ(bad_bytes(p, size), 0);
    errno = 0;
    T_CHECK(realloc(held, half) == NULL);
    T_EQ(errno, ENOMEM);
    T_EQ(bad_bytes(p, size), 0);

    /* reallocarray: the product, and ENOMEM on overflow with the block kept. */
    unsigned char *a = reallocarray(p, 100, 10);
    T_CHECK(a != NULL);
    T_EQ(bad_bytes(a, size), 0);
    held = a;
    errno = 0;
    T_CHECK(reallocarray(held, half, 2) == NULL);
    T_EQ(errno, ENOMEM);
    T_EQ(bad_bytes(a, size), 0);
    a = reallocarray(a, 1, 1 << 20);
    T_CHECK(a != NULL);
    T_EQ(bad_bytes(a, size), 0);
    unsigned char *b = reallocarray(NULL, 3, 5);
    T_CHECK(b != NULL);
    free(b);

    /* realloc(p, 0) frees p and returns NULL in glibc, small and large blocks alike;
     * realloc(NULL, 0) is malloc(0). */
    T_CHECK(realloc(a, 0) == NULL);
    T_CHECK(realloc(malloc(1 << 20), 0) == NULL);
    void *z = realloc(NULL, 0);
    T_CHECK(z != NULL);
    free(z);
    t_print("ok\n");
    return t_status();
}
