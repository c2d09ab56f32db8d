/* Four threads allocate, fill, check and free blocks of mixed sizes at once, and hand a share
 * of their blocks to the next thread to free (cross-thread frees); every block's contents are
 * checked before it is freed. Bounded: 4 x 40000 rounds. Then threads that end with blocks
 * still allocated, whose blocks the main thread frees. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

#define THREADS 4
#define ROUNDS 40000
#define LIVE 200
#define RING 64

struct block {
    unsigned char *p;
    size_t size;
    unsigned char tag;
};

/* Single-producer single-consumer ring from thread i to thread (i + 1) % THREADS. */
static struct ring {
    struct block slot[RING];
    unsigned long head __attribute__((aligned(64)));
    unsigned long tail __attribute__((aligned(64)));
} rings[THREADS];

static int failures[THREADS];

static unsigned long next_random(unsigned long *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void fill(struct block b)
{
    size_t n = b.size < 256 ? b.size : 256;
    for (size_t i = 0; i < n; i++)
        b.p[i] = (unsigned char)(b.tag + i);
    if (b.size > 0)
        b.p[b.size - 1] = b.tag;
}

static int intact(struct block b)
{
    size_t n = b.size < 256 ? b.size : 256;
    for (size_t i = 0; i + 1 < n; i++)
        if (b.p[i] != (unsigned char)(b.tag + i))
            return 0;
    return b.size == 0 || b.p[b.size - 1] == b.tag;
}

static int give(struct ring *r, struct block b)
{
    unsigned long head = r->head;
    if (head - __atomic_load_n(&r->tail, __ATOMIC_ACQUIRE) == RING)
        return 0;
    r->slot[head % RING] = b;
    __atomic_store_n(&r->head, head + 1, __ATOMIC_RELEASE);
    return 1;
}

static int take(struct ring *r, struct block *b)
{
    unsigned long tail = r->tail;
    if (__atomic_load_n(&r->head, __ATOMIC_ACQUIRE) == tail)
        return 0;
    *b = r->slot[tail % RING];
    __atomic_store_n(&r->tail, tail + 1, __ATOMIC_RELEASE);
    return 1;
}

static void check_and_free(int me, struct block b)
{
    if (!intact(b))
        failures[me]++;
    free(b.p);
}

static void *worker(void *arg)
{
    int me = (int)(intptr_t)arg;
    struct ring *out = &rings[me], *in = &rings[(me + THREADS - 1) % THREADS];
    struct block live[LIVE];
    int n = 0;
    unsigned long seed = 0x9e3779b97f4a7c15ul ^ (unsigned long)me;
    for (int round = 0; round < ROUNDS; round++) {
        unsigned long r = next_random(&seed);
        size_t size = r % 64 == 0 ? r % 300000 : r % 8 == 0 ? r % 5000 : r % 400;
        struct block b = { malloc(size), size, (unsigned char)(round ^ me) };
        if (b.p == NULL) {
            failures[me]++;
            continue;
        }
        fill(b);
        if (n == LIVE) {
            int victim = (int)((r >> 20) % LIVE);
            struct block old = live[victim];
            live[victim] = b;
            if (!(r & 0x10000 && give(out, old)))
                check_and_free(me, old);
        } else {
            live[n++] = b;
        }
        struct block got;
        while (take(in, &got))
            check_and_free(me, got);
    }
    for (int i = 0; i < n; i++)
        check_and_free(me, live[i]);
    return NULL;
}

static void *leaver(void *arg)
{
    /* Ends with its blocks allocated; the main thread frees them. */
    unsigned char **keep = arg;
    for (int i = 0; i < 100; i++) {
        keep[i] = malloc((size_t)(i * 13 + 1));
        memset(keep[i], i, (size_t)(i * 13 + 1));
    }
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        T_RET(pthread_create(&t[i], NULL, worker, (void *)(intptr_t)i), 0);
    for (int i = 0; i < THREADS; i++)
        T_RET(pthread_join(t[i], NULL), 0);
    /* Blocks still in the rings were given but never taken. */
    for (int i = 0; i < THREADS; i++) {
        struct block b;
        while (take(&rings[i], &b))
            check_and_free(0, b);
    }
    for (int i = 0; i < THREADS; i++)
        T_EQ(failures[i], 0);

    for (int round = 0; round < 20; round++) {
        unsigned char *keep[100];
        pthread_t l;
        T_RET(pthread_create(&l, NULL, leaver, keep), 0);
        T_RET(pthread_join(l, NULL), 0);
        int bad = 0;
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < i * 13 + 1; j++)
                bad += keep[i][j] != (unsigned char)i;
            free(keep[i]);
        }
        T_EQ(bad, 0);
    }
    t_print("ok\n");
    return t_status();
}
