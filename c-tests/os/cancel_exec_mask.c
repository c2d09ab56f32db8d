/* A cancellation request that reaches a thread outside any cancellation point stays pending;
 * a program that thread then executes starts with no signal blocked (the library's handler
 * may block SIGCANCEL in that thread while the request waits; exec must not pass that on).
 * The executed program prints the blocked set of its own /proc/self/status. */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>
#include "test.h"

static atomic_int go;

static void *worker(void *arg)
{
    (void)arg;
    while (!atomic_load(&go))
        ;
    /* Each return from the kernel delivers what is pending: the request has arrived now. */
    for (int i = 0; i < 10; i++)
        getppid();
    char *argv[] = {"grep", "^SigBlk", "/proc/self/status", NULL};
    char *envp[] = {NULL};
    execve("/bin/grep", argv, envp);
    t_print("execve failed\n");
    _exit(1);
}

int main(void)
{
    pthread_t t;
    T_RET(pthread_create(&t, NULL, worker, NULL), 0);
    T_RET(pthread_cancel(t), 0);
    atomic_store(&go, 1);
    pthread_join(t, NULL);
    t_print("not reached\n");
    return 1;
}
