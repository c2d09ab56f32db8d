/* qsort (stable, as glibc's merge sort), qsort_r, bsearch, abs/div families, and glibc's
 * random/rand/rand_r sequences for fixed seeds and every initstate table size (printed, so
 * run.py compares them with glibc's). */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

struct item {
    int key;
    int index;
};

static int by_key(const void *a, const void *b)
{
    const struct item *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

static int by_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int calls;

static int by_int_desc(const void *a, const void *b, void *arg)
{
    (*(int *)arg)++;
    return by_int(b, a);
}

static char line[128];

static void print_ints(const char *label, const long *v, int n)
{
    t_print(label);
    for (int i = 0; i < n; i++) {
        snprintf(line, sizeof line, " %ld", v[i]);
        t_print(line);
    }
    t_print("\n");
}

int main(void)
{
    /* Stability: equal keys keep their order. */
    static struct item items[300];
    unsigned seed = 7;
    for (int i = 0; i < 300; i++) {
        items[i].key = rand_r(&seed) % 10;
        items[i].index = i;
    }
    qsort(items, 300, sizeof *items, by_key);
    for (int i = 1; i < 300; i++) {
        T_CHECK(items[i - 1].key <= items[i].key);
        if (items[i - 1].key == items[i].key)
            T_CHECK(items[i - 1].index < items[i].index);
    }
    for (int i = 0; i < 300; i += 17) {
        snprintf(line, sizeof line, "%d:%d ", items[i].key, items[i].index);
        t_print(line);
    }
    t_print("\n");

    /* Many sizes, duplicates, already sorted and reversed input. */
    static int v[5000];
    for (int n = 0; n < 5000; n = n * 3 + 1) {
        for (int i = 0; i < n; i++)
            v[i] = rand_r(&seed) % (n / 2 + 1);
        qsort(v, n, sizeof *v, by_int);
        for (int i = 1; i < n; i++)
            T_CHECK(v[i - 1] <= v[i]);
        qsort(v, n, sizeof *v, by_int);
        calls = 0;
        qsort_r(v, n, sizeof *v, by_int_desc, &calls);
        for (int i = 1; i < n; i++)
            T_CHECK(v[i - 1] >= v[i]);
        T_CHECK(n < 2 || calls > 0);
    }
    /* Odd element sizes. */
    static char rows[40][7];
    for (int i = 0; i < 40; i++)
        for (int j = 0; j < 7; j++)
            rows[i][j] = (char)('a' + (39 - i + j) % 26);
    qsort(rows, 40, 7, (int (*)(const void *, const void *))by_key);

    /* bsearch over the sorted array. */
    int sorted[100];
    for (int i = 0; i < 100; i++)
        sorted[i] = 2 * i;
    qsort(sorted, 0, 4, by_int);
    for (int k = -1; k <= 200; k++) {
        int *p = bsearch(&k, sorted, 100, sizeof *sorted, by_int);
        if (k % 2 == 0 && k >= 0 && k < 200)
            T_CHECK(p == &sorted[k / 2]);
        else
            T_CHECK(p == NULL);
    }
    T_CHECK(bsearch(&seed, sorted, 0, sizeof *sorted, by_int) == NULL);

    /* abs and div. */
    T_EQ(abs(-5), 5);
    T_EQ(abs(INT_MIN + 1), INT_MAX);
    T_EQ(labs(-5000000000L), 5000000000L);
    T_EQ(llabs(LLONG_MIN + 1), LLONG_MAX);
    T_EQ(imaxabs(-3), 3);
    div_t d = div(-7, 2);
    T_EQ(d.quot, -3);
    T_EQ(d.rem, -1);
    ldiv_t ld = ldiv(7L, -2L);
    T_EQ(ld.quot, -3);
    T_EQ(ld.rem, 1);
    lldiv_t lld = lldiv(LLONG_MAX, 10);
    T_EQ(lld.quot, LLONG_MAX / 10);
    T_EQ(lld.rem, 7);
    imaxdiv_t id = imaxdiv(-9, -4);
    T_EQ(id.quot, 2);
    T_EQ(id.rem, -1);

    /* Pseudo-random sequences: the default (seed 1), fixed seeds, every table size. */
    long out[12];
    for (int i = 0; i < 12; i++)
        out[i] = rand();
    print_ints("rand (unseeded)", out, 12);
    srand(42);
    for (int i = 0; i < 12; i++)
        out[i] = rand();
    print_ints("rand (42)", out, 12);
    srandom(0);
    for (int i = 0; i < 12; i++)
        out[i] = random();
    print_ints("random (0)", out, 12);
    unsigned r = 12345;
    for (int i = 0; i < 12; i++)
        out[i] = rand_r(&r);
    print_ints("rand_r (12345)", out, 12);

    static char tables[5][256];
    static const size_t sizes[] = { 8, 32, 64, 128, 256 };
    char *previous = NULL;
    for (int t = 0; t < 5; t++) {
        char *old = initstate(1000 + t, tables[t], sizes[t]);
        T_CHECK(old != NULL);
        if (t > 0)
            T_CHECK(old == previous);
        previous = tables[t];
        for (int i = 0; i < 12; i++)
            out[i] = random();
        snprintf(line, sizeof line, "initstate %zu:", sizes[t]);
        print_ints(line, out, 12);
    }
    /* Switch between tables: each continues where it stopped. */
    T_CHECK(setstate(tables[1]) == tables[4]);
    for (int i = 0; i < 6; i++)
        out[i] = random();
    T_CHECK(setstate(tables[0]) == tables[1]);
    for (int i = 6; i < 12; i++)
        out[i] = random();
    print_ints("setstate 32, 8:", out, 12);
    T_CHECK(setstate(tables[3]) == tables[0]);
    srandom(5);
    for (int i = 0; i < 12; i++)
        out[i] = random();
    print_ints("srandom 5 on 128:", out, 12);

    /* The reentrant forms on the caller's own state, each table size. */
    for (int t = 0; t < 5; t++) {
        struct random_data rd;
        memset(&rd, 0, sizeof rd);
        static char rstate[5][256];
        T_EQ(initstate_r(77 + t, rstate[t], sizes[t], &rd), 0);
        int32_t r32;
        for (int i = 0; i < 6; i++) {
            T_EQ(random_r(&rd, &r32), 0);
            out[i] = r32;
        }
        T_EQ(srandom_r(9, &rd), 0);
        for (int i = 6; i < 12; i++) {
            T_EQ(random_r(&rd, &r32), 0);
            out[i] = r32;
        }
        snprintf(line, sizeof line, "random_r %zu:", sizes[t]);
        print_ints(line, out, 12);
        /* setstate_r onto a table initstate made: it continues that sequence. */
        T_EQ(setstate_r(tables[t], &rd), 0);
        T_EQ(random_r(&rd, &r32), 0);
        snprintf(line, sizeof line, "setstate_r %zu: %d\n", sizes[t], r32);
        t_print(line);
        errno = 0;
        T_EQ(initstate_r(1, rstate[t], 4, &rd), -1);
        T_EQ(errno, EINVAL);
    }

    static char small[8];
    errno = 0;
    T_CHECK(initstate(1, small, 7) == NULL);
    T_EQ(errno, EINVAL);
    return t_status();
}
