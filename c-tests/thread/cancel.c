/* pthread_cancel, pthread_setcancelstate, pthread_setcanceltype, pthread_testcancel and the
 * cleanup handlers of pthread_cleanup_push/pop (glibc's __pthread_register_cancel ABI):
 * deferred cancellation at pthread_testcancel and in pthread_join, asynchronous cancellation,
 * disabled cancellation, pthread_exit unwinding the handlers, key destructors afterwards. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include "test.h"

static char log_buf[64];
static int log_len;
static pthread_key_t key;
static int go;

static void note(void *c)
{
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    log_buf[log_len++] = (char)(intptr_t)c;
}

static void wait_go(void)
{
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        sched_yield();
}

/* Deferred: runs until pthread_testcancel sees the request. */
static void *deferred(void *arg)
{
    pthread_setspecific(key, (void *)'k');
    pthread_cleanup_push(note, (void *)'a');
    pthread_cleanup_push(note, (void *)'b');
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    for (;;)
        pthread_testcancel();
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return arg;
}

static pthread_t never_ends;

/* Cancelled while blocked in pthread_join, a cancellation point. */
static void *joiner(void *arg)
{
    pthread_cleanup_push(note, (void *)'j');
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    pthread_join(never_ends, NULL);
    pthread_cleanup_pop(0);
    return arg;
}

static int stop;

static void *spin_until_stop(void *arg)
{
    while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE))
        sched_yield();
    return arg;
}

/* Asynchronous: cancelled in the middle of a loop that calls nothing. */
static void *async_loop(void *arg)
{
    int old;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
    pthread_cleanup_push(note, (void *)'x');
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    for (volatile unsigned long i = 0;; i++)
        ;
    pthread_cleanup_pop(0);
    return arg;
}

/* Disabled: the request waits until cancellation is enabled again. */
static void *disabled(void *arg)
{
    int old;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    while (__atomic_load_n(&go, __ATOMIC_ACQUIRE) != 2)
        sched_yield();
    pthread_testcancel();
    note((void *)'d');
    pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
    pthread_cleanup_push(note, (void *)'e');
    pthread_testcancel();
    pthread_cleanup_pop(0);
    return arg;
}

/* pthread_exit runs the cleanup handlers too; pop(1) runs one, pop(0) does not. */
static void *exits(void *arg)
{
    pthread_cleanup_push(note, (void *)'1');
    pthread_cleanup_push(note, (void *)'2');
    pthread_cleanup_pop(1);
    pthread_cleanup_push(note, (void *)'3');
    pthread_cleanup_pop(0);
    pthread_cleanup_push(note, (void *)'4');
    pthread_exit(arg);
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return NULL;
}

/* Cancelling oneself (deferred) acts at the next cancellation point. */
static void *self_cancel(void *arg)
{
    pthread_cleanup_push(note, (void *)'s');
    pthread_cancel(pthread_self());
    note((void *)'-');
    pthread_testcancel();
    pthread_cleanup_pop(0);
    return arg;
}

/* push_defer_np makes an asynchronous thread deferred until pop_restore_np. */
static void *defer_np(void *arg)
{
    int old;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
    pthread_cleanup_push_defer_np(note, (void *)'p');
    pthread_cancel(pthread_self());
    note((void *)'q');
    pthread_cleanup_pop_restore_np(0);
    note((void *)'!');
    return arg;
}

static void *ends_at_once(void *arg)
{
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    return arg;
}

static void key_destructor(void *v)
{
    note(v);
}

static void run(void *(*f)(void *), const char *want, int cancel_it)
{
    pthread_t t;
    void *r;
    log_len = 0;
    memset(log_buf, 0, sizeof log_buf);
    __atomic_store_n(&go, 0, __ATOMIC_RELAXED);
    T_RET(pthread_create(&t, NULL, f, (void *)5), 0);
    if (cancel_it > 0) {
        wait_go();
        T_RET(pthread_cancel(t), 0);
        __atomic_store_n(&go, 2, __ATOMIC_RELEASE);
    }
    T_RET(pthread_join(t, &r), 0);
    T_CHECK(r == (cancel_it >= 0 && f != exits ? PTHREAD_CANCELED : (void *)5));
    t_print(log_buf);
    t_print("\n");
    T_CHECK(strcmp(log_buf, want) == 0);
}

int main(void)
{
    T_RET(pthread_key_create(&key, key_destructor), 0);
    run(deferred, "bak", 1);
    T_RET(pthread_create(&never_ends, NULL, spin_until_stop, NULL), 0);
    run(joiner, "j", 1);
    /* The cancelled join gave its claim back: the thread can still be joined. */
    __atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
    T_RET(pthread_join(never_ends, NULL), 0);
    run(async_loop, "x", 1);
    run(disabled, "de", 1);
    run(exits, "241", -1);
    run(self_cancel, "-s", 0);
    run(defer_np, "q", 0);

    /* Errors and old values. */
    int old = -1;
    T_RET(pthread_setcancelstate(2, &old), EINVAL);
    T_RET(pthread_setcanceltype(2, &old), EINVAL);
    T_RET(pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old), 0);
    T_EQ(old, PTHREAD_CANCEL_ENABLE);
    T_RET(pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old), 0);
    T_EQ(old, PTHREAD_CANCEL_DISABLE);
    T_RET(pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &old), 0);
    T_EQ(old, PTHREAD_CANCEL_DEFERRED);
    T_RET(pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL), 0);

    /* A thread that has ended but is not joined: cancelling it is not an error, and its
     * result stays what it returned. */
    pthread_t t;
    __atomic_store_n(&go, 0, __ATOMIC_RELAXED);
    T_RET(pthread_create(&t, NULL, ends_at_once, (void *)1), 0);
    wait_go();
    for (int i = 0; i < 1000; i++)
        sched_yield();
    T_RET(pthread_cancel(t), 0);
    void *r;
    T_RET(pthread_join(t, &r), 0);
    T_EQ((intptr_t)r, 1);
    return t_status();
}
