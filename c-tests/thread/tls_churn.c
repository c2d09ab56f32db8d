/* TLS and key destructors under churn: four threads each create and join threads in a loop;
 * every thread starts with fresh TLS and null key values, and every destructor runs exactly
 * once per thread. */
#include <pthread.h>
#include <stdint.h>
#include "test.h"

#define CREATORS 4
#define EACH 1500

extern int __cxa_thread_atexit_impl(void (*)(void *), void *, void *);

static pthread_key_t key_a, key_b;
static long dtor_a, dtor_b, dtor_tls, fresh_failures;
static __thread long tls_word = 5;
static __thread long tls_zero[32];
static char dso;

static void count_a(void *v)
{
    __atomic_fetch_add(&dtor_a, (long)(intptr_t)v, __ATOMIC_RELAXED);
}

static void count_b(void *v)
{
    __atomic_fetch_add(&dtor_b, (long)(intptr_t)v, __ATOMIC_RELAXED);
}

static void count_tls(void *v)
{
    /* The thread's TLS is still there while its destructors run. */
    if (tls_word != 6)
        __atomic_fetch_add(&fresh_failures, 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&dtor_tls, (long)(intptr_t)v, __ATOMIC_RELAXED);
}

static void *leaf(void *arg)
{
    if (tls_word != 5 || tls_zero[0] != 0 || tls_zero[31] != 0 || pthread_getspecific(key_a) != NULL ||
        pthread_getspecific(key_b) != NULL)
        __atomic_fetch_add(&fresh_failures, 1, __ATOMIC_RELAXED);
    tls_word = 6;
    tls_zero[0] = tls_zero[31] = 1;
    pthread_setspecific(key_a, (void *)1);
    pthread_setspecific(key_b, (void *)2);
    __cxa_thread_atexit_impl(count_tls, (void *)1, &dso);
    return arg;
}

static void *creator(void *arg)
{
    long bad = 0;
    for (int i = 0; i < EACH; i++) {
        pthread_t t;
        if (pthread_create(&t, NULL, leaf, NULL) != 0 || pthread_join(t, NULL) != 0)
            bad++;
    }
    return (void *)bad + (intptr_t)arg;
}

int main(void)
{
    T_RET(pthread_key_create(&key_a, count_a), 0);
    T_RET(pthread_key_create(&key_b, count_b), 0);
    pthread_t c[CREATORS];
    for (int i = 0; i < CREATORS; i++)
        T_RET(pthread_create(&c[i], NULL, creator, NULL), 0);
    for (int i = 0; i < CREATORS; i++) {
        void *r;
        T_RET(pthread_join(c[i], &r), 0);
        T_EQ((intptr_t)r, 0);
    }
    T_EQ(fresh_failures, 0);
    T_EQ(dtor_a, CREATORS * EACH);
    T_EQ(dtor_b, 2 * CREATORS * EACH);
    T_EQ(dtor_tls, CREATORS * EACH);
    return t_status();
}
