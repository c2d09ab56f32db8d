/* pthread_key_create/delete, pthread_getspecific/setspecific, __pthread_key_create:
 * values per thread, destructors at thread exit (repeated rounds, at most
 * PTHREAD_DESTRUCTOR_ITERATIONS), deleted keys, running out of keys. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include "test.h"

extern int __pthread_key_create(pthread_key_t *, void (*)(void *));

static pthread_key_t k1, k2, k_again, k_forever;
static int destroyed[8];
static int again_rounds, forever_rounds;

static void destroy(void *v)
{
    destroyed[(intptr_t)v]++;
}

/* Sets its value again each time: runs once per round while rounds remain. */
static void destroy_again(void *v)
{
    again_rounds++;
    if (again_rounds < 2)
        pthread_setspecific(k_again, v);
}

static void destroy_forever(void *v)
{
    forever_rounds++;
    pthread_setspecific(k_forever, v);
}

static void *worker(void *arg)
{
    int ok = pthread_getspecific(k1) == NULL && pthread_getspecific(k2) == NULL;
    ok &= pthread_setspecific(k1, (void *)1) == 0;
    ok &= pthread_setspecific(k2, (void *)2) == 0;
    ok &= pthread_getspecific(k1) == (void *)1 && pthread_getspecific(k2) == (void *)2;
    ok &= pthread_setspecific(k_again, (void *)3) == 0;
    return (void *)(intptr_t)(ok && arg == NULL);
}

static void *forever(void *arg)
{
    pthread_setspecific(k_forever, (void *)4);
    return arg;
}

static void *null_value(void *arg)
{
    /* A NULL value runs no destructor. */
    pthread_setspecific(k1, (void *)1);
    pthread_setspecific(k1, NULL);
    return arg;
}

int main(void)
{
    T_RET(pthread_key_create(&k1, destroy), 0);
    T_RET(__pthread_key_create(&k2, destroy), 0);
    T_RET(pthread_key_create(&k_again, destroy_again), 0);
    T_RET(pthread_key_create(&k_forever, destroy_forever), 0);
    T_CHECK(k1 != k2);

    T_RET(pthread_setspecific(k1, (void *)5), 0);
    pthread_t t;
    void *r;
    T_RET(pthread_create(&t, NULL, worker, NULL), 0);
    T_RET(pthread_join(t, &r), 0);
    T_EQ((intptr_t)r, 1);
    T_EQ(destroyed[1], 1);
    T_EQ(destroyed[2], 1);
    T_EQ(again_rounds, 2);
    /* The main thread's value is its own. */
    T_EQ((intptr_t)pthread_getspecific(k1), 5);

    T_RET(pthread_create(&t, NULL, forever, NULL), 0);
    T_RET(pthread_join(t, NULL), 0);
    T_EQ(forever_rounds, PTHREAD_DESTRUCTOR_ITERATIONS);

    T_RET(pthread_create(&t, NULL, null_value, NULL), 0);
    T_RET(pthread_join(t, NULL), 0);
    T_EQ(destroyed[1], 1);

    /* A deleted key: its values are gone, its destructor does not run, set is EINVAL. */
    T_RET(pthread_key_delete(k2), 0);
    T_RET(pthread_key_delete(k2), EINVAL);
    T_RET(pthread_setspecific(k2, (void *)1), EINVAL);
    T_CHECK(pthread_getspecific(k2) == NULL);
    pthread_key_t k3;
    T_RET(pthread_key_create(&k3, NULL), 0);
    T_CHECK(pthread_getspecific(k3) == NULL);
    T_RET(pthread_setspecific(k3, (void *)9), 0);
    T_EQ((intptr_t)pthread_getspecific(k3), 9);

    /* Keys that never existed. */
    T_RET(pthread_key_delete(100000), EINVAL);
    T_RET(pthread_setspecific(100000, (void *)1), EINVAL);
    T_CHECK(pthread_getspecific(100000) == NULL);

    /* Running out: PTHREAD_KEYS_MAX in all; then EAGAIN; deleting one frees one. */
    static pthread_key_t many[PTHREAD_KEYS_MAX];
    int made = 0;
    while (made < PTHREAD_KEYS_MAX && pthread_key_create(&many[made], NULL) == 0)
        made++;
    T_EQ(made, PTHREAD_KEYS_MAX - 4);
    pthread_key_t extra;
    T_RET(pthread_key_create(&extra, NULL), EAGAIN);
    T_RET(pthread_key_delete(many[0]), 0);
    T_RET(pthread_key_create(&extra, NULL), 0);
    T_RET(pthread_setspecific(extra, (void *)3), 0);
    T_EQ((intptr_t)pthread_getspecific(extra), 3);
    return t_status();
}
