// expect: status=3
/* exit from a second thread: that thread's thread_local destructors run, then the atexit
 * handlers; the other threads' destructors do not run. */
#include <pthread.h>
#include <stdlib.h>
#include "test.h"

extern int __cxa_thread_atexit_impl(void (*)(void *), void *, void *);
static char dso;

static void say(void *s)
{
    t_print((const char *)s);
}

static void handler(void)
{
    t_print("atexit handler\n");
}

static void *exits(void *arg)
{
    __cxa_thread_atexit_impl(say, "worker's thread_local destructor\n", &dso);
    exit(3);
    return arg;
}

int main(void)
{
    atexit(handler);
    __cxa_thread_atexit_impl(say, "FAIL: main's thread_local destructor ran\n", &dso);
    pthread_t t;
    T_RET(pthread_create(&t, NULL, exits, NULL), 0);
    pthread_join(t, NULL);
    t_print("FAIL: join returned\n");
    return 1;
}
