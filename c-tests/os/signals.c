// stderr: compare
/* sigaction (SA_SIGINFO, SA_RESETHAND, SA_NODEFER, SA_ONSTACK, the default self-block),
 * signal, the reserved signals 32 and 33, sigprocmask, sigpending, sigsuspend, sigwait,
 * sigwaitinfo, sigtimedwait, sigqueue, raise, kill, killpg, sigaltstack, psignal, set ops. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "os_test.h"

static volatile sig_atomic_t hits, last_sig, last_code, blocked_inside, on_alt;
static volatile intptr_t last_value;
static char *alt_base;
static size_t alt_size;

static void on_info(int sig, siginfo_t *info, void *ctx)
{
    (void)ctx;
    hits++;
    last_sig = sig;
    last_code = info->si_code;
    last_value = (intptr_t)info->si_value.sival_ptr;
    sigset_t now;
    sigprocmask(SIG_SETMASK, NULL, &now);
    blocked_inside = sigismember(&now, sig);
    char here;
    on_alt = alt_base && &here >= alt_base && &here < alt_base + alt_size;
}

static void on_plain(int sig)
{
    hits++;
    last_sig = sig;
}

int main(void)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_info;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    T_EQ(sigaction(SIGUSR1, &sa, &old), 0);
    T_CHECK(old.sa_handler == SIG_DFL);
    T_EQ(raise(SIGUSR1), 0);
    T_EQ(hits, 1);
    T_EQ(last_sig, SIGUSR1);
    T_EQ(last_code, SI_TKILL);
    T_EQ(blocked_inside, 1);
    T_EQ(sigaction(SIGUSR1, NULL, &old), 0);
    T_CHECK(old.sa_sigaction == on_info);
    T_CHECK(old.sa_flags & SA_SIGINFO);

    /* SA_NODEFER: not blocked inside; SA_RESETHAND: back to SIG_DFL after one delivery. */
    sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_RESETHAND;
    T_EQ(sigaction(SIGUSR2, &sa, NULL), 0);
    T_EQ(raise(SIGUSR2), 0);
    T_EQ(hits, 2);
    T_EQ(blocked_inside, 0);
    T_EQ(sigaction(SIGUSR2, NULL, &old), 0);
    T_CHECK(old.sa_handler == SIG_DFL);

    /* Bad signals. */
    T_ERRNO(sigaction(32, &sa, NULL), EINVAL);
    T_ERRNO(sigaction(33, NULL, &old), EINVAL);
    T_ERRNO(sigaction(0, NULL, &old), EINVAL);
    T_ERRNO(sigaction(65, NULL, &old), EINVAL);
    T_ERRNO(sigaction(SIGKILL, &sa, NULL), EINVAL);
    T_ERRNO(sigaction(SIGSTOP, &sa, NULL), EINVAL);
    T_EQ(sigaction(SIGKILL, NULL, &old), 0);
    T_CHECK(signal(32, SIG_IGN) == SIG_ERR);
    T_EQ(errno, EINVAL);
    T_CHECK(signal(-1, SIG_IGN) == SIG_ERR);

    /* signal(): returns the previous handler; the handler stays installed. */
    T_CHECK(signal(SIGHUP, on_plain) == SIG_DFL);
    T_CHECK(signal(SIGHUP, on_plain) == on_plain);
    T_EQ(raise(SIGHUP), 0);
    T_EQ(raise(SIGHUP), 0);
    T_EQ(hits, 4);
    T_EQ(sigaction(SIGHUP, NULL, &old), 0);
    T_CHECK(old.sa_flags & SA_RESTART);
    T_CHECK(signal(SIGHUP, SIG_IGN) == on_plain);
    T_EQ(raise(SIGHUP), 0);
    T_EQ(hits, 4);

    /* The mask: a blocked signal stays pending until unblocked. */
    sigset_t set, prev, pend;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    T_EQ(sigprocmask(SIG_BLOCK, &set, &prev), 0);
    T_EQ(sigismember(&prev, SIGUSR1), 0);
    T_EQ(kill(getpid(), SIGUSR1), 0);
    T_EQ(hits, 4);
    T_EQ(sigpending(&pend), 0);
    T_EQ(sigismember(&pend, SIGUSR1), 1);
    T_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
    T_EQ(hits, 5);
    T_EQ(last_code, SI_USER);
    T_ERRNO(sigprocmask(99, &set, NULL), EINVAL);
    T_EQ(sigprocmask(99, NULL, &prev), 0);

    /* Filling the mask blocks neither the reserved signals nor SIGKILL/SIGSTOP. */
    sigset_t all, now;
    sigfillset(&all);
    T_EQ(sigismember(&all, 32), 0);
    T_EQ(sigismember(&all, 33), 0);
    T_EQ(sigismember(&all, SIGRTMIN), 1);
    T_EQ(sigprocmask(SIG_SETMASK, &all, &prev), 0);
    T_EQ(sigprocmask(SIG_SETMASK, NULL, &now), 0);
    T_EQ(sigismember(&now, SIGUSR1), 1);
    T_EQ(sigismember(&now, SIGKILL), 0);
    T_EQ(sigismember(&now, 32), 0);
    T_EQ(sigismember(&now, 33), 0);
    memset(&all, 0xff, sizeof all);
    T_EQ(sigprocmask(SIG_SETMASK, &all, NULL), 0);
    T_EQ(sigprocmask(SIG_SETMASK, NULL, &now), 0);
    T_EQ(sigismember(&now, 32), 0);
    T_EQ(sigismember(&now, 33), 0);

    /* sigsuspend: atomically unblock and wait. */
    T_EQ(kill(getpid(), SIGUSR1), 0);
    sigset_t wait_mask;
    sigfillset(&wait_mask);
    sigdelset(&wait_mask, SIGUSR1);
    T_ERRNO(sigsuspend(&wait_mask), EINTR);
    T_EQ(hits, 6);

    /* Synchronous waits on blocked signals, with a queued value. */
    union sigval v = {.sival_int = 42};
    T_EQ(sigqueue(getpid(), SIGUSR2, v), 0);
    siginfo_t info;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    T_EQ(sigwaitinfo(&set, &info), SIGUSR2);
    T_EQ(info.si_code, SI_QUEUE);
    T_EQ(info.si_value.sival_int, 42);
    T_EQ(info.si_pid, getpid());
    T_EQ(info.si_uid, getuid());
    struct timespec zero = {0, 0};
    T_ERRNO(sigtimedwait(&set, &info, &zero), EAGAIN);
    struct timespec badts = {0, -1};
    T_ERRNO(sigtimedwait(&set, &info, &badts), EINVAL);
    T_EQ(sigqueue(getpid(), SIGRTMIN + 1, v), 0);
    sigaddset(&set, SIGRTMIN + 1);
    int got = 0;
    T_EQ(sigwait(&set, &got), 0);
    T_EQ(got, SIGRTMIN + 1);
    T_EQ(raise(SIGUSR2), 0);
    T_EQ(sigtimedwait(&set, NULL, &zero), SIGUSR2);
    T_ERRNO(sigqueue(getpid(), 999, v), EINVAL);
    T_ERRNO(sigqueue(-99999, SIGUSR2, v), ESRCH);
    T_EQ(sigprocmask(SIG_SETMASK, &prev, NULL), 0);

    /* Sending. */
    T_EQ(kill(getpid(), 0), 0);
    T_ERRNO(kill(getpid(), 999), EINVAL);
    T_ERRNO(kill(0x7ffffff0, SIGUSR1), ESRCH);
    T_ERRNO(killpg(-1, SIGUSR1), EINVAL);
    T_EQ(killpg(getpgrp(), 0), 0);
    T_ERRNO(raise(999), EINVAL);

    /* An alternate stack for SA_ONSTACK handlers. */
    static char stack_mem[65536];
    stack_t ss = {.ss_sp = stack_mem, .ss_size = sizeof stack_mem, .ss_flags = 0}, oss;
    T_EQ(sigaltstack(&ss, &oss), 0);
    T_EQ(oss.ss_flags, SS_DISABLE);
    alt_base = stack_mem;
    alt_size = sizeof stack_mem;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    T_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
    T_EQ(raise(SIGUSR1), 0);
    T_EQ(on_alt, 1);
    sa.sa_flags = SA_SIGINFO;
    T_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
    T_EQ(raise(SIGUSR1), 0);
    T_EQ(on_alt, 0);
    T_EQ(sigaltstack(NULL, &oss), 0);
    T_CHECK(oss.ss_sp == stack_mem);
    stack_t tiny = {.ss_sp = stack_mem, .ss_size = 16, .ss_flags = 0};
    T_ERRNO(sigaltstack(&tiny, NULL), ENOMEM);
    tiny.ss_flags = 12345;
    T_ERRNO(sigaltstack(&tiny, NULL), EINVAL);
    ss.ss_flags = SS_DISABLE;
    T_EQ(sigaltstack(&ss, NULL), 0);
    T_ERRNO(sigaltstack(os_bad_pointer(), NULL), EFAULT);

    /* Set operations. */
    sigset_t a, b, c;
    sigemptyset(&a);
    sigemptyset(&b);
    T_EQ(sigisemptyset(&a), 1);
    sigaddset(&a, SIGINT);
    sigaddset(&b, SIGTERM);
    sigaddset(&b, SIGINT);
    T_EQ(sigorset(&c, &a, &b), 0);
    T_EQ(sigismember(&c, SIGTERM), 1);
    T_EQ(sigandset(&c, &a, &b), 0);
    T_EQ(sigismember(&c, SIGTERM), 0);
    T_EQ(sigismember(&c, SIGINT), 1);
    T_EQ(sigisemptyset(&c), 0);
    T_ERRNO(sigaddset(&a, 32), EINVAL);
    T_ERRNO(sigdelset(&a, 33), EINVAL);
    T_ERRNO(sigaddset(&a, 0), EINVAL);
    T_ERRNO(sigaddset(&a, 65), EINVAL);
    T_ERRNO(sigismember(&a, 65), EINVAL);
    T_EQ(sigismember(&a, 32), 0);
    T_EQ(SIGRTMIN, 34);
    T_EQ(SIGRTMAX, 64);

    psignal(SIGSEGV, "segv");
    psignal(SIGINT, "");
    psignal(SIGRTMIN, "rt");
    psignal(1234, NULL);
    T_EQ(hits, 8);
    return t_status();
}
