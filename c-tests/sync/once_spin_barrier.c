/* pthread_once, pthread_spin_*, pthread_barrier_* and pthread_barrierattr_*, in one thread. */
#include <errno.h>
#include <pthread.h>
#include "test.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int runs;

static void init_inner(void)
{
    runs++;
}

static void init_once(void)
{
    runs++;
    /* A different once-flag may be used from inside an initialiser. */
    static pthread_once_t inner = PTHREAD_ONCE_INIT;
    T_RET(pthread_once(&inner, init_inner), 0);
    T_RET(pthread_once(&inner, init_inner), 0);
}

static void once_tests(void)
{
    T_RET(pthread_once(&once, init_once), 0);
    T_RET(pthread_once(&once, init_once), 0);
    /* init_once and init_inner ran once each. */
    T_EQ(runs, 2);
}

static void spin_tests(void)
{
    pthread_spinlock_t s;
    T_RET(pthread_spin_init(&s, PTHREAD_PROCESS_PRIVATE), 0);
    T_RET(pthread_spin_lock(&s), 0);
    T_RET(pthread_spin_trylock(&s), EBUSY);
    T_RET(pthread_spin_unlock(&s), 0);
    T_RET(pthread_spin_trylock(&s), 0);
    T_RET(pthread_spin_unlock(&s), 0);
    T_RET(pthread_spin_destroy(&s), 0);
    T_RET(pthread_spin_init(&s, PTHREAD_PROCESS_SHARED), 0);
    for (int i = 0; i < 1000; i++) {
        T_RET(pthread_spin_lock(&s), 0);
        T_RET(pthread_spin_unlock(&s), 0);
    }
    T_RET(pthread_spin_destroy(&s), 0);
}

static void barrier_tests(void)
{
    pthread_barrierattr_t a;
    pthread_barrier_t b;
    int v = -1;
    T_RET(pthread_barrierattr_init(&a), 0);
    T_RET(pthread_barrierattr_getpshared(&a, &v), 0);
    T_EQ(v, PTHREAD_PROCESS_PRIVATE);
    T_RET(pthread_barrierattr_setpshared(&a, PTHREAD_PROCESS_SHARED), 0);
    T_RET(pthread_barrierattr_getpshared(&a, &v), 0);
    T_EQ(v, PTHREAD_PROCESS_SHARED);
    T_RET(pthread_barrierattr_setpshared(&a, 5), EINVAL);
    T_RET(pthread_barrier_init(&b, &a, 0), EINVAL);
    T_RET(pthread_barrier_init(&b, NULL, 0), EINVAL);
    T_RET(pthread_barrier_init(&b, NULL, 0xffffffffu), EINVAL);

    /* A barrier for one thread releases it at once, every round, as the serial thread. */
    T_RET(pthread_barrier_init(&b, &a, 1), 0);
    for (int i = 0; i < 5; i++)
        T_RET(pthread_barrier_wait(&b), PTHREAD_BARRIER_SERIAL_THREAD);
    T_RET(pthread_barrier_destroy(&b), 0);
    T_RET(pthread_barrier_init(&b, NULL, 1), 0);
    T_RET(pthread_barrier_wait(&b), PTHREAD_BARRIER_SERIAL_THREAD);
    T_RET(pthread_barrier_destroy(&b), 0);
    T_RET(pthread_barrierattr_destroy(&a), 0);
}

int main(void)
{
    once_tests();
    spin_tests();
    barrier_tests();
    return t_status();
}
