/* cancel_test.h: a harness for cancelling a thread inside one blocking call.
 *
 * cancel_blocked(name, call) starts a thread that sets a key value, pushes a cleanup handler,
 * says where it is, and then makes `call`, which must block until cancelled. The main thread
 * waits until the thread sleeps in the kernel (state 'S' in /proc/self/task/<tid>/stat;
 * after a bounded wait it goes on anyway: a request made before the call acts at its entry,
 * so the test cannot flake, it only tests the other path), cancels it, joins it, and checks
 * that it ended as PTHREAD_CANCELED with its cleanup handler and key destructor run, and
 * without `call` returning. */
#ifndef RUSTCRT_CANCEL_TEST_H
#define RUSTCRT_CANCEL_TEST_H

#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "os_test.h"

static pthread_key_t ct_key;
static int ct_cleanups, ct_destructors, ct_returned;
static int ct_tid;
static void (*ct_call)(void);

static void ct_cleanup(void *arg)
{
    (void)arg;
    __atomic_fetch_add(&ct_cleanups, 1, __ATOMIC_SEQ_CST);
}

static void ct_destructor(void *arg)
{
    (void)arg;
    __atomic_fetch_add(&ct_destructors, 1, __ATOMIC_SEQ_CST);
}

static void ct_init(void)
{
    T_RET(pthread_key_create(&ct_key, ct_destructor), 0);
}

static void ct_nap(long ns)
{
    struct timespec ts = { 0, ns };
    nanosleep(&ts, NULL);
}

/* The state letter of thread `tid` of this process ('R', 'S', ...), or 0 once it is gone. */
static char ct_state(int tid)
{
    char path[64] = "/proc/self/task/";
    os_append_number(path, (unsigned)tid);
    strcat(path, "/stat");
    char buf[256];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    return p && p[1] == ' ' ? p[2] : 0;
}

/* Waits (at most about two seconds) until thread `tid` sleeps in the kernel or is gone. */
static void ct_wait_sleeping(int tid)
{
    char s;
    for (int i = 0; i < 2000 && (s = ct_state(tid)) != 'S' && s != 0; i++)
        ct_nap(1000000);
}

static void *ct_victim(void *arg)
{
    (void)arg;
    pthread_setspecific(ct_key, (void *)1);
    pthread_cleanup_push(ct_cleanup, NULL);
    __atomic_store_n(&ct_tid, gettid(), __ATOMIC_RELEASE);
    ct_call();
    __atomic_store_n(&ct_returned, 1, __ATOMIC_SEQ_CST);
    pthread_cleanup_pop(0);
    return NULL;
}

/* Cancels a thread running `call` (once it sleeps in the kernel, if `blocks`) and checks
 * how it ended. */
static inline void cancel_thread(const char *name, void (*call)(void), int blocks)
{
    ct_cleanups = ct_destructors = ct_returned = 0;
    __atomic_store_n(&ct_tid, 0, __ATOMIC_RELEASE);
    ct_call = call;
    pthread_t t;
    T_RET(pthread_create(&t, NULL, ct_victim, NULL), 0);
    int tid;
    while ((tid = __atomic_load_n(&ct_tid, __ATOMIC_ACQUIRE)) == 0)
        sched_yield();
    if (blocks)
        ct_wait_sleeping(tid);
    T_RET(pthread_cancel(t), 0);
    void *res = NULL;
    T_RET(pthread_join(t, &res), 0);
    int ok = res == PTHREAD_CANCELED && ct_cleanups == 1 && ct_destructors == 1 && !ct_returned;
    if (!ok) {
        t_print("FAIL ");
        t_print(name);
        t_print_kv(": canceled ", res == PTHREAD_CANCELED);
        t_print_kv("  cleanups ", ct_cleanups);
        t_print_kv("  destructors ", ct_destructors);
        t_print_kv("  returned ", ct_returned);
        t_failures++;
    }
    t_print(name);
    t_print(ok ? ": cancelled\n" : ": wrong\n");
}

/* Cancels a thread blocked in `call` and checks how it ended. */
static inline void cancel_blocked(const char *name, void (*call)(void))
{
    cancel_thread(name, call, 1);
}

/* One call to cancel: `setup` (when not null) makes `call` block, `teardown` (when not null)
 * checks and releases what it made. */
struct cancel_case {
    const char *name;
    void (*setup)(void);
    void (*call)(void);
    void (*teardown)(void);
};

/* cancel_blocked on each of the `n` cases in turn, between its setup and its teardown. */
static inline void cancel_cases(const struct cancel_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (cases[i].setup)
            cases[i].setup();
        cancel_blocked(cases[i].name, cases[i].call);
        if (cases[i].teardown)
            cases[i].teardown();
    }
}

#endif
