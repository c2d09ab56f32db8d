/* pthread_create, pthread_join, pthread_exit, pthread_self, pthread_equal, gettid:
 * results, TLS per thread, errno per thread, the error paths of join. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <unistd.h>
#include "test.h"

static __thread int tls_counter = 100;
static __thread char tls_zero[64];
static pthread_t main_thread;

static void *add_one(void *arg)
{
    return (void *)((intptr_t)arg + 1);
}

static void *tls_worker(void *arg)
{
    int ok = tls_counter == 100 && tls_zero[0] == 0 && tls_zero[63] == 0;
    tls_counter += (int)(intptr_t)arg;
    errno = (int)(intptr_t)arg;
    ok &= !pthread_equal(pthread_self(), main_thread);
    ok &= pthread_equal(pthread_self(), pthread_self());
    ok &= gettid() != getpid();
    ok &= tls_counter == 100 + (int)(intptr_t)arg;
    ok &= errno == (int)(intptr_t)arg;
    return (void *)(intptr_t)ok;
}

static void *exits_early(void *arg)
{
    pthread_exit(arg);
    return NULL;
}

static void *join_self(void *arg)
{
    (void)arg;
    return (void *)(intptr_t)pthread_join(pthread_self(), NULL);
}

static void *join_main(void *arg)
{
    void *r = (void *)1;
    int e = pthread_join(*(pthread_t *)arg, &r);
    t_print(e == 0 && r == NULL ? "joined main\n" : "FAIL join main\n");
    return NULL;
}

static int release_flag;

static void *wait_for_flag(void *arg)
{
    while (!__atomic_load_n(&release_flag, __ATOMIC_ACQUIRE))
        sched_yield();
    return arg;
}

static void *set_flag(void *arg)
{
    __atomic_store_n(&release_flag, 1, __ATOMIC_RELEASE);
    return arg;
}

int main(void)
{
    main_thread = pthread_self();
    T_EQ(gettid(), getpid());

    pthread_t t;
    void *r;
    T_RET(pthread_create(&t, NULL, add_one, (void *)41), 0);
    T_RET(pthread_join(t, &r), 0);
    T_EQ((intptr_t)r, 42);

    /* Many threads at once, each with its own TLS and errno. */
    pthread_t ts[16];
    errno = 0;
    for (int i = 0; i < 16; i++)
        T_RET(pthread_create(&ts[i], NULL, tls_worker, (void *)(intptr_t)(i + 1)), 0);
    for (int i = 0; i < 16; i++) {
        T_RET(pthread_join(ts[i], &r), 0);
        T_EQ((intptr_t)r, 1);
    }
    T_EQ(errno, 0);
    T_EQ(tls_counter, 100);

    /* pthread_exit's value reaches the joiner; a NULL result pointer is allowed. */
    T_RET(pthread_create(&t, NULL, exits_early, (void *)5), 0);
    T_RET(pthread_join(t, &r), 0);
    T_EQ((intptr_t)r, 5);
    T_RET(pthread_create(&t, NULL, add_one, NULL), 0);
    T_RET(pthread_join(t, NULL), 0);

    /* Joining oneself is EDEADLK, from main and from another thread. */
    T_RET(pthread_join(pthread_self(), NULL), EDEADLK);
    T_RET(pthread_create(&t, NULL, join_self, NULL), 0);
    T_RET(pthread_join(t, &r), 0);
    T_EQ((intptr_t)r, EDEADLK);

    /* Joining a detached thread is EINVAL. */
    pthread_attr_t a;
    T_RET(pthread_attr_init(&a), 0);
    T_RET(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED), 0);
    T_RET(pthread_create(&t, &a, wait_for_flag, NULL), 0);
    T_RET(pthread_join(t, NULL), EINVAL);
    T_RET(pthread_detach(t), EINVAL);
    __atomic_store_n(&release_flag, 1, __ATOMIC_RELEASE);
    T_RET(pthread_attr_destroy(&a), 0);

    /* Detaching a running thread, and one that has already ended. */
    release_flag = 0;
    T_RET(pthread_create(&t, NULL, wait_for_flag, NULL), 0);
    T_RET(pthread_detach(t), 0);
    __atomic_store_n(&release_flag, 1, __ATOMIC_RELEASE);
    release_flag = 0;
    T_RET(pthread_create(&t, NULL, set_flag, NULL), 0);
    while (!__atomic_load_n(&release_flag, __ATOMIC_ACQUIRE))
        sched_yield();
    for (int i = 0; i < 100; i++)
        sched_yield();
    T_RET(pthread_detach(t), 0);

    /* A thread may join the main thread after main calls pthread_exit; the process then
     * ends with the last thread, status 0. */
    pthread_t self = pthread_self();
    T_RET(pthread_create(&t, NULL, join_main, &self), 0);
    T_RET(pthread_detach(t), 0);
    t_print(t_status() ? "failed\n" : "main exits\n");
    if (t_status())
        return 1;
    pthread_exit(NULL);
}
