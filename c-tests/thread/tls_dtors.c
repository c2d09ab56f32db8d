/* __cxa_thread_atexit_impl: destructors run newest first when a thread ends, before its key
 * destructors, including ones registered while they run; exit runs the calling thread's.
 * __tls_get_addr: the calling thread's address of a variable of the executable's module. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include "test.h"

extern int __cxa_thread_atexit_impl(void (*)(void *), void *, void *);
/* Static glibc does not define it (its code never needs it); rustcrt does. */
extern void *__tls_get_addr(void *) __attribute__((weak));

/* The program's only TLS variable, so at offset 0 of module 1. */
static __thread long tls_words[4] = {11, 22, 33, 44};

/* Any address in the executable names it (glibc looks the module up by address). */
static char dso;
static char order[64];
static int order_len;
static pthread_key_t key;

static void note(void *c)
{
    order[order_len++] = (char)(intptr_t)c;
}

static int dots;

static void dot(void *c)
{
    (void)c;
    /* Everything registered after the dots has run already; nothing before them has. */
    if (order_len == 1)
        dots++;
}

static void note_and_register(void *c)
{
    note(c);
    __cxa_thread_atexit_impl(note, (void *)'z', &dso);
}

static void key_destructor(void *c)
{
    note(c);
}

static int tls_get_addr_ok(void)
{
    struct { unsigned long module, offset; } first = {1, 0}, third = {1, 2 * sizeof(long)};
    if (!__tls_get_addr)
        return 1;
    return __tls_get_addr(&first) == (void *)&tls_words[0] && __tls_get_addr(&third) == (void *)&tls_words[2]
        && *(long *)__tls_get_addr(&third) == 33;
}

static void *worker(void *arg)
{
    (void)arg;
    pthread_setspecific(key, (void *)'k');
    __cxa_thread_atexit_impl(note, (void *)'a', &dso);
    __cxa_thread_atexit_impl(note_and_register, (void *)'b', &dso);
    for (int i = 0; i < 300; i++)
        __cxa_thread_atexit_impl(dot, NULL, &dso);
    __cxa_thread_atexit_impl(note, (void *)'c', &dso);
    tls_words[2] = 33;
    return (void *)(intptr_t)tls_get_addr_ok();
}

static void at_exit(void)
{
    note((void *)'E');
    order[order_len] = 0;
    t_print(order);
    t_print("\n");
}

int main(void)
{
    T_RET(pthread_key_create(&key, key_destructor), 0);
    T_CHECK(tls_get_addr_ok());
    pthread_t t;
    void *r;
    T_RET(pthread_create(&t, NULL, worker, NULL), 0);
    T_RET(pthread_join(t, &r), 0);
    T_EQ((intptr_t)r, 1);
    /* c, the 300 dots, b, then z (registered by b), a, then the key destructor. */
    order[order_len] = 0;
    t_print(order);
    t_print("\n");
    T_EQ(dots, 300);
    order_len = 0;

    /* exit: the main thread's thread destructors first, then atexit handlers. */
    atexit(at_exit);
    __cxa_thread_atexit_impl(note, (void *)'1', &dso);
    __cxa_thread_atexit_impl(note, (void *)'2', &dso);
    if (t_status())
        return 1;
    exit(0);
}
