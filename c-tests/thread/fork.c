/* fork in a process with threads: the child has one thread, can create, join and detach
 * threads of its own, and ends by pthread_exit from its only thread with status 0. */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

static int stop;

static void *spin(void *arg)
{
    while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE))
        sched_yield();
    return arg;
}

static void *add(void *arg)
{
    return (void *)((intptr_t)arg + 1);
}

static void *detached_ends(void *arg)
{
    return arg;
}

static void child(void)
{
    for (int i = 0; i < 100; i++) {
        pthread_t t;
        void *r;
        if (pthread_create(&t, NULL, add, (void *)(intptr_t)i) != 0 || pthread_join(t, &r) != 0 || r != (void *)(intptr_t)(i + 1))
            _exit(10);
        if (pthread_create(&t, NULL, detached_ends, NULL) != 0 || pthread_detach(t) != 0)
            _exit(11);
    }
    pthread_exit(NULL);
}

int main(void)
{
    pthread_t spinner, t;
    T_RET(pthread_create(&spinner, NULL, spin, NULL), 0);
    /* Some ended threads in the stack cache, as the child inherits them. */
    for (int i = 0; i < 8; i++) {
        T_RET(pthread_create(&t, NULL, add, NULL), 0);
        T_RET(pthread_detach(t), 0);
    }
    for (int round = 0; round < 3; round++) {
        pid_t pid = fork();
        T_CHECK(pid >= 0);
        if (pid == 0)
            child();
        int status = -1;
        T_EQ(waitpid(pid, &status, 0), pid);
        T_CHECK(WIFEXITED(status));
        T_EQ(WEXITSTATUS(status), 0);
    }
    __atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
    T_RET(pthread_join(spinner, NULL), 0);
    return t_status();
}
