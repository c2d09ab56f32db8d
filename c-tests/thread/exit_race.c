// expect: status=5
/* Several threads call exit at once: the atexit handlers never run twice, and the status is
 * the one exit gave. (rustcrt makes the later callers wait for the first; glibc 2.36 lets
 * them end the process at once, possibly before the handler finishes, so this test prints
 * nothing on success.) */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include "test.h"

static int go, runs;

static void handler(void)
{
    /* Give the other callers time to arrive while the handlers run. */
    for (int i = 0; i < 1000; i++)
        sched_yield();
    if (__atomic_add_fetch(&runs, 1, __ATOMIC_ACQ_REL) != 1)
        t_print("FAIL: handler ran twice\n");
}

static void *exiter(void *arg)
{
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        sched_yield();
    exit(5);
    return arg;
}

int main(void)
{
    atexit(handler);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        T_RET(pthread_create(&t[i], NULL, exiter, NULL), 0);
    if (t_status())
        return 1;
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    exiter(NULL);
    return 1;
}
