/* pthread_once when its init routine does not return: cancelled inside the routine, the
 * once-control is reset and the next caller (one already waiting, or a new one) runs the
 * routine; and in a child forked while another thread of the parent was inside the routine,
 * the child's first call runs it (the thread running it is not in the child). */
#include <pthread.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int runs;
static int started;
static int release;

/* The first run announces itself, then waits for a cancellation (or, for the fork test,
 * for `release`); later runs return at once. */
static void init(void)
{
    if (__atomic_fetch_add(&runs, 1, __ATOMIC_SEQ_CST) != 0)
        return;
    __atomic_store_n(&started, 1, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&release, __ATOMIC_ACQUIRE)) {
        pthread_testcancel();
        sched_yield();
    }
}

static void *caller(void *arg)
{
    T_RET(pthread_once(&once, init), 0);
    return arg;
}

static void await_started(void)
{
    while (!__atomic_load_n(&started, __ATOMIC_ACQUIRE))
        sched_yield();
}

static void reset(void)
{
    pthread_once_t fresh = PTHREAD_ONCE_INIT;
    once = fresh;
    runs = started = release = 0;
}

static void cancelled_routine(void)
{
    pthread_t first, second;
    void *res = NULL;
    reset();
    T_RET(pthread_create(&first, NULL, caller, NULL), 0);
    await_started();
    /* A second caller waits for the first run (or, if it comes late, runs it itself). */
    T_RET(pthread_create(&second, NULL, caller, (void *)2), 0);
    T_RET(pthread_cancel(first), 0);
    T_RET(pthread_join(first, &res), 0);
    T_CHECK(res == PTHREAD_CANCELED);
    T_RET(pthread_join(second, &res), 0);
    T_CHECK(res == (void *)2);
    T_EQ(__atomic_load_n(&runs, __ATOMIC_SEQ_CST), 2);
    /* Done now: no further run. */
    T_RET(pthread_once(&once, init), 0);
    T_EQ(runs, 2);

    /* Cancelled with nobody waiting: the next caller, this thread, runs it. */
    reset();
    T_RET(pthread_create(&first, NULL, caller, NULL), 0);
    await_started();
    T_RET(pthread_cancel(first), 0);
    T_RET(pthread_join(first, &res), 0);
    T_CHECK(res == PTHREAD_CANCELED);
    T_RET(pthread_once(&once, init), 0);
    T_EQ(runs, 2);
    t_print("cancelled init routine: the next caller runs it\n");
}

static void fork_during_routine(void)
{
    pthread_t runner;
    void *res = (void *)1;
    int status = -1;
    reset();
    T_RET(pthread_create(&runner, NULL, caller, NULL), 0);
    await_started();
    pid_t pid = fork();
    if (pid == 0) {
        /* The child: the routine's runner is not here, so this call runs it. */
        pthread_once(&once, init);
        _exit(__atomic_load_n(&runs, __ATOMIC_SEQ_CST) == 2 ? 0 : 1);
    }
    T_CHECK(pid > 0);
    T_EQ(waitpid(pid, &status, 0), pid);
    T_CHECK(WIFEXITED(status));
    T_EQ(WEXITSTATUS(status), 0);
    __atomic_store_n(&release, 1, __ATOMIC_RELEASE);
    T_RET(pthread_join(runner, &res), 0);
    T_CHECK(res == NULL);
    T_RET(pthread_once(&once, init), 0);
    T_EQ(runs, 1);
    t_print("fork during the init routine: the child runs it, the parent once\n");
}

int main(void)
{
    cancelled_routine();
    fork_during_routine();
    return t_status();
}
