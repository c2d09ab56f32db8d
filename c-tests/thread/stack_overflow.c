// expect: signal=SIGSEGV
/* A thread that overflows its small stack runs into the guard page and dies by SIGSEGV
 * (which ends the process). */
#include <pthread.h>
#include "test.h"

static volatile long limit = 1L << 40;

static long depth(volatile char *prev, long n)
{
    volatile char frame[512];
    frame[0] = (char)n;
    frame[511] = prev ? prev[0] : 0;
    if (n >= limit)
        return 0;
    return depth(frame, n + 1) + frame[1];
}

static void *overflow(void *arg)
{
    return (void *)depth(arg, 0);
}

int main(void)
{
    pthread_attr_t a;
    T_RET(pthread_attr_init(&a), 0);
    T_RET(pthread_attr_setstacksize(&a, 64 * 1024), 0);
    pthread_t t;
    T_RET(pthread_create(&t, &a, overflow, NULL), 0);
    pthread_join(t, NULL);
    t_print("FAIL: the overflow did not end the process\n");
    return 1;
}
