// cflags: -Wno-infinite-recursion
/* setjmp/longjmp, _setjmp/_longjmp, sigsetjmp/siglongjmp with and without the mask, jumps
 * out of nested calls and out of signal handlers (SIGUSR1 and a real SIGSEGV). */
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <unistd.h>
#include "os_test.h"

static jmp_buf env;
static sigjmp_buf senv;
static volatile int depth_reached;

__attribute__((noipa)) static void dive(volatile int n)
{
    depth_reached = n;
    if (n == 50)
        longjmp(env, n);
    dive(n + 1);
}

static void on_usr1(int sig)
{
    (void)sig;
    siglongjmp(senv, 7);
}

static void on_segv(int sig)
{
    (void)sig;
    siglongjmp(senv, 11);
}

static int usr1_blocked(void)
{
    sigset_t now;
    sigprocmask(SIG_SETMASK, NULL, &now);
    return sigismember(&now, SIGUSR1);
}

int main(void)
{
    T_EQ(offsetof(struct __jmp_buf_tag, __mask_was_saved), 64);
    T_EQ(offsetof(struct __jmp_buf_tag, __saved_mask), 72);
    T_EQ(sizeof(jmp_buf), 200);

    volatile int counter = 0;
    int r = setjmp(env);
    counter++;
    if (r == 0) {
        T_EQ(counter, 1);
        longjmp(env, 5);
    }
    T_EQ(r, 5);
    T_EQ(counter, 2);

    r = _setjmp(env);
    if (r == 0)
        _longjmp(env, 0);
    T_EQ(r, 1);

    r = setjmp(env);
    if (r == 0)
        dive(0);
    T_EQ(r, 50);
    T_EQ(depth_reached, 50);

    /* sigsetjmp(env, 1) brings the mask back; sigsetjmp(env, 0) leaves it. */
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    r = sigsetjmp(senv, 1);
    T_EQ(senv[0].__mask_was_saved, 1);
    if (r == 0) {
        sigprocmask(SIG_BLOCK, &usr1, NULL);
        T_EQ(usr1_blocked(), 1);
        siglongjmp(senv, 2);
    }
    T_EQ(r, 2);
    T_EQ(usr1_blocked(), 0);
    r = sigsetjmp(senv, 0);
    T_EQ(senv[0].__mask_was_saved, 0);
    if (r == 0) {
        sigprocmask(SIG_BLOCK, &usr1, NULL);
        siglongjmp(senv, 3);
    }
    T_EQ(r, 3);
    T_EQ(usr1_blocked(), 1);
    sigprocmask(SIG_UNBLOCK, &usr1, NULL);

    /* Out of a handler: the mask saved before the signal comes back, so SIGUSR1 (blocked
     * while its handler ran) is deliverable again. */
    signal(SIGUSR1, on_usr1);
    volatile int rounds = 0;
    r = sigsetjmp(senv, 1);
    if (r == 0 || ++rounds < 3) {
        raise(SIGUSR1);
        t_print("not reached\n");
    }
    T_EQ(r, 7);
    T_EQ(rounds, 3);
    T_EQ(usr1_blocked(), 0);

    /* Out of a SIGSEGV handler, twice. */
    signal(SIGSEGV, on_segv);
    volatile int faults = 0;
    r = sigsetjmp(senv, 1);
    if (r == 0 || ++faults < 2) {
        volatile int *bad = os_bad_pointer();
        *bad = 1;
    }
    T_EQ(r, 11);
    T_EQ(faults, 2);
    t_print("recovered\n");
    return t_status();
}
