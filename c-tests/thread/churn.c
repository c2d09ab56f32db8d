/* 20,000 threads created and joined one after another: resident memory stays flat (the
 * memory of ended threads is reused, not leaked), and every thread gets fresh TLS. */
#include <pthread.h>
#include <stdint.h>
#include "test.h"
#include "thread_sys.h"

#define ROUNDS 20000 /* 100,000 take 7 s per build here (cross-CPU wake-ups), too long for the suite */

static __thread long tls_value = 7;
static __thread char tls_scratch[256];

static void *work(void *arg)
{
    long ok = tls_value == 7 && tls_scratch[0] == 0 && tls_scratch[255] == 0;
    tls_value = (long)(intptr_t)arg;
    tls_scratch[0] = tls_scratch[255] = 1;
    return (void *)ok;
}

int main(void)
{
    pthread_t t;
    void *r;
    /* Warm up: the first threads map their memory and fault in their pages. */
    for (int i = 0; i < 1000; i++) {
        T_RET(pthread_create(&t, NULL, work, (void *)(intptr_t)i), 0);
        T_RET(pthread_join(t, &r), 0);
    }
    long before = resident_pages();
    long bad = 0;
    for (int i = 0; i < ROUNDS; i++) {
        if (pthread_create(&t, NULL, work, (void *)(intptr_t)i) != 0 || pthread_join(t, &r) != 0 || r != (void *)1)
            bad++;
    }
    long after = resident_pages();
    T_EQ(bad, 0);
    T_CHECK(before > 0);
    /* Flat: within 64 pages (256 KiB) of where it started. */
    T_CHECK(after - before < 64);
    return t_status();
}
