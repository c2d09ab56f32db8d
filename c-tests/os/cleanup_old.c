/* The old cleanup ABI, _pthread_cleanup_push/_pthread_cleanup_pop with glibc's
 * struct _pthread_cleanup_buffer (which <pthread.h> defines but no longer declares the
 * functions of): pop runs the routine only when asked; pthread_exit and cancellation run the
 * pending routines newest first, interleaved with the handlers of pthread_cleanup_push
 * (__pthread_register_cancel). _pthread_cleanup_push_defer/_pop_restore, which glibc keeps
 * for old binaries only (no new program links against them there), are tested when the
 * library offers them to a new link. */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include "test.h"

void _pthread_cleanup_push(struct _pthread_cleanup_buffer *, void (*)(void *), void *);
void _pthread_cleanup_pop(struct _pthread_cleanup_buffer *, int);
void _pthread_cleanup_push_defer(struct _pthread_cleanup_buffer *, void (*)(void *), void *) __attribute__((weak));
void _pthread_cleanup_pop_restore(struct _pthread_cleanup_buffer *, int) __attribute__((weak));

static char log_buf[32];
static int log_len;
static int go;

static void note(void *c)
{
    log_buf[log_len++] = (char)(intptr_t)c;
    log_buf[log_len] = 0;
}

static void check_log(const char *want)
{
    t_print("log: ");
    t_print(log_buf);
    t_print("\n");
    T_CHECK(strcmp(log_buf, want) == 0);
    log_len = 0;
    log_buf[0] = 0;
}

/* Old and new handlers pushed in turn, then pthread_exit. */
static void *exiting(void *arg)
{
    struct _pthread_cleanup_buffer a, c;
    _pthread_cleanup_push(&a, note, (void *)'a');
    pthread_cleanup_push(note, (void *)'b');
    _pthread_cleanup_push(&c, note, (void *)'c');
    pthread_cleanup_push(note, (void *)'d');
    pthread_exit(arg);
    pthread_cleanup_pop(0);
    _pthread_cleanup_pop(&c, 0);
    pthread_cleanup_pop(0);
    _pthread_cleanup_pop(&a, 0);
    return NULL;
}

/* The same under deferred cancellation, acting at pthread_testcancel; one old handler was
 * popped before (without running), so it is not run again. */
static void *cancelled(void *arg)
{
    struct _pthread_cleanup_buffer e, gone, g;
    _pthread_cleanup_push(&e, note, (void *)'e');
    pthread_cleanup_push(note, (void *)'f');
    _pthread_cleanup_push(&gone, note, (void *)'x');
    _pthread_cleanup_pop(&gone, 0);
    _pthread_cleanup_push(&g, note, (void *)'g');
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    for (;;)
        pthread_testcancel();
    _pthread_cleanup_pop(&g, 0);
    pthread_cleanup_pop(0);
    _pthread_cleanup_pop(&e, 0);
    return arg;
}

int main(void)
{
    struct _pthread_cleanup_buffer b;
    T_EQ(sizeof b, 32);
    _pthread_cleanup_push(&b, note, (void *)'1');
    _pthread_cleanup_pop(&b, 0);
    _pthread_cleanup_push(&b, note, (void *)'2');
    _pthread_cleanup_pop(&b, 1);
    check_log("2");

    pthread_t t;
    void *res = NULL;
    T_RET(pthread_create(&t, NULL, exiting, (void *)7), 0);
    T_RET(pthread_join(t, &res), 0);
    T_CHECK(res == (void *)7);
    check_log("dcba");

    T_RET(pthread_create(&t, NULL, cancelled, NULL), 0);
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        sched_yield();
    T_RET(pthread_cancel(t), 0);
    T_RET(pthread_join(t, &res), 0);
    T_CHECK(res == PTHREAD_CANCELED);
    check_log("gfe");

    if (_pthread_cleanup_push_defer && _pthread_cleanup_pop_restore) {
        int old;
        T_RET(pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old), 0);
        _pthread_cleanup_push_defer(&b, note, (void *)'3');
        T_RET(pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &old), 0);
        T_EQ(old, PTHREAD_CANCEL_DEFERRED); /* push_defer made it deferred */
        _pthread_cleanup_pop_restore(&b, 1);
        T_RET(pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &old), 0);
        T_EQ(old, PTHREAD_CANCEL_ASYNCHRONOUS); /* pop_restore put it back */
        T_EQ(log_buf[0], '3');
        log_len = 0;
        log_buf[0] = 0;
    }
    return t_status();
}
