/* 1,000 threads alive at once, each waiting until all have started; then all joined. */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include "test.h"

#define THREADS 1000

static int started, release;

static void *wait_for_all(void *arg)
{
    __atomic_fetch_add(&started, 1, __ATOMIC_ACQ_REL);
    while (!__atomic_load_n(&release, __ATOMIC_ACQUIRE))
        sched_yield();
    return arg;
}

int main(void)
{
    static pthread_t t[THREADS];
    pthread_attr_t a;
    T_RET(pthread_attr_init(&a), 0);
    T_RET(pthread_attr_setstacksize(&a, 64 * 1024), 0);
    int made = 0;
    for (; made < THREADS; made++)
        if (pthread_create(&t[made], &a, wait_for_all, (void *)(intptr_t)made) != 0)
            break;
    T_EQ(made, THREADS);
    while (__atomic_load_n(&started, __ATOMIC_ACQUIRE) < made)
        sched_yield();
    T_EQ(started, THREADS);
    __atomic_store_n(&release, 1, __ATOMIC_RELEASE);
    long bad = 0;
    for (int i = 0; i < made; i++) {
        void *r;
        if (pthread_join(t[i], &r) != 0 || r != (void *)(intptr_t)i)
            bad++;
    }
    T_EQ(bad, 0);
    T_RET(pthread_attr_destroy(&a), 0);
    return t_status();
}
