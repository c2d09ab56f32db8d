/* No fixed limit on handlers: 20000 atexit handlers all run, newest first. */
#include <stdlib.h>
#include "test.h"

#define N 20000
static int next = N - 1;
static int bad;

static void handler(void *arg)
{
    if ((long)arg != next)
        bad++;
    next--;
    if (next == -1) {
        t_print_kv("handlers run: ", N);
        t_print_kv("out of order: ", bad);
    }
}

int __cxa_atexit(void (*f)(void *), void *arg, void *dso);

int main(void)
{
    for (long i = 0; i < N; i++)
        if (__cxa_atexit(handler, (void *)i, NULL) != 0)
            return 2;
    return t_status();
}
