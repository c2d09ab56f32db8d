/* pthread_kill, pthread_sigqueue, pthread_sigmask, pthread_getcpuclockid, pthread_setname_np,
 * pthread_getname_np, pthread_setschedparam/getschedparam/setschedprio, pthread_setaffinity_np,
 * pthread_getaffinity_np, pthread_setconcurrency/getconcurrency, sched_*: results and errors,
 * including those for a thread that has ended but is not joined yet. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include "test.h"
#include "thread_sys.h"

static int go;

static void *wait_for_go(void *arg)
{
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        sched_yield();
    return arg;
}

static void *ends_at_once(void *arg)
{
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    return arg;
}

/* Waits for a signal in SIGUSR1's pending set, then reports what arrived. */
static void *take_signal(void *arg)
{
    sigset_t pending;
    for (;;) {
        set_empty(&pending);
        sys6(SYS_rt_sigpending, (long)&pending, 8, 0, 0, 0, 0);
        if (set_has(&pending, SIGUSR1))
            break;
        sched_yield();
    }
    sigset_t want;
    set_empty(&want);
    set_add(&want, SIGUSR1);
    siginfo_t info;
    long sig = sys6(SYS_rt_sigtimedwait, (long)&want, (long)&info, 0, 8, 0, 0);
    *(int *)arg = info.si_value.sival_int;
    return (void *)sig;
}

int main(void)
{
    /* pthread_sigmask: block, read back, unblock; bad how; the internal signals stay out. */
    sigset_t set, old;
    set_empty(&set);
    set_add(&set, SIGUSR1);
    set_add(&set, 32);
    set_add(&set, 33);
    T_RET(pthread_sigmask(SIG_BLOCK, &set, &old), 0);
    T_EQ(set_has(&old, SIGUSR1), 0);
    T_RET(pthread_sigmask(SIG_SETMASK, NULL, &old), 0);
    T_EQ(set_has(&old, SIGUSR1), 1);
    T_EQ(set_has(&old, 32), 0);
    T_EQ(set_has(&old, 33), 0);
    T_RET(pthread_sigmask(99, &set, NULL), EINVAL);
    T_RET(pthread_sigmask(99, NULL, &old), 0);

    /* A new thread inherits the mask; signals to it, with and without a value. */
    pthread_t t;
    void *r;
    int value = 0;
    T_RET(pthread_create(&t, NULL, take_signal, &value), 0);
    union sigval sv = {.sival_int = 1234};
    T_RET(pthread_sigqueue(t, SIGUSR1, sv), 0);
    T_RET(pthread_join(t, &r), 0);
    T_EQ((intptr_t)r, SIGUSR1);
    T_EQ(value, 1234);
    T_RET(pthread_create(&t, NULL, take_signal, &value), 0);
    T_RET(pthread_kill(t, SIGUSR1), 0);
    T_RET(pthread_join(t, &r), 0);
    T_EQ((intptr_t)r, SIGUSR1);
    T_RET(pthread_sigmask(SIG_UNBLOCK, &set, NULL), 0);

    /* Bad signals. */
    T_RET(pthread_kill(pthread_self(), 0), 0);
    T_RET(pthread_kill(pthread_self(), 65), EINVAL);
    T_RET(pthread_kill(pthread_self(), -1), EINVAL);
    T_RET(pthread_kill(pthread_self(), 32), EINVAL);
    T_RET(pthread_kill(pthread_self(), 33), EINVAL);
    T_RET(pthread_sigqueue(pthread_self(), 99, sv), EINVAL);

    /* Names. */
    char name[16];
    T_RET(pthread_setname_np(pthread_self(), "main-thread"), 0);
    T_RET(pthread_getname_np(pthread_self(), name, sizeof name), 0);
    T_CHECK(strcmp(name, "main-thread") == 0);
    T_RET(pthread_setname_np(pthread_self(), "0123456789abcdef"), ERANGE);
    T_RET(pthread_getname_np(pthread_self(), name, 15), ERANGE);
    go = 0;
    T_RET(pthread_create(&t, NULL, wait_for_go, NULL), 0);
    T_RET(pthread_setname_np(t, "worker"), 0);
    T_RET(pthread_getname_np(t, name, sizeof name), 0);
    T_CHECK(strcmp(name, "worker") == 0);

    /* CPU clock, scheduling and affinity of a running thread. */
    clockid_t clock;
    T_RET(pthread_getcpuclockid(t, &clock), 0);
    struct timespec ts;
    T_EQ(sys6(SYS_clock_gettime, clock, (long)&ts, 0, 0, 0, 0), 0);
    T_RET(pthread_getcpuclockid(pthread_self(), &clock), 0);
    T_EQ(sys6(SYS_clock_gettime, clock, (long)&ts, 0, 0, 0, 0), 0);
    T_CHECK(ts.tv_sec > 0 || ts.tv_nsec > 0);
    int policy;
    struct sched_param sp;
    T_RET(pthread_getschedparam(t, &policy, &sp), 0);
    T_EQ(policy, SCHED_OTHER);
    T_EQ(sp.sched_priority, 0);
    sp.sched_priority = 5;
    T_RET(pthread_setschedparam(t, SCHED_OTHER, &sp), EINVAL);
    T_RET(pthread_setschedparam(t, 77, &sp), EINVAL);
    T_RET(pthread_setschedprio(t, 5), EINVAL);
    sp.sched_priority = 0;
    T_RET(pthread_setschedparam(t, SCHED_BATCH, &sp), 0);
    T_RET(pthread_getschedparam(t, &policy, &sp), 0);
    T_EQ(policy, SCHED_BATCH);
    T_RET(pthread_setschedprio(t, 0), 0);
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    CPU_SET(0, &cpus);
    T_RET(pthread_setaffinity_np(t, sizeof cpus, &cpus), 0);
    CPU_ZERO(&cpus);
    T_RET(pthread_getaffinity_np(t, sizeof cpus, &cpus), 0);
    T_EQ(CPU_COUNT(&cpus), 1);
    T_CHECK(CPU_ISSET(0, &cpus));
    CPU_ZERO(&cpus);
    T_RET(pthread_setaffinity_np(t, sizeof cpus, &cpus), EINVAL);
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    T_RET(pthread_join(t, NULL), 0);

    /* A thread that has ended but is not joined: kill and getattr still succeed (glibc 2.34
     * and later), the others say ESRCH, or ENOENT for its name. */
    go = 0;
    T_RET(pthread_create(&t, NULL, ends_at_once, NULL), 0);
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        sched_yield();
    struct timespec pause = {0, 20 * 1000 * 1000};
    sys6(SYS_nanosleep, (long)&pause, 0, 0, 0, 0, 0);
    T_RET(pthread_kill(t, 0), 0);
    T_RET(pthread_kill(t, SIGUSR1), 0);
    T_RET(pthread_sigqueue(t, SIGUSR1, sv), ESRCH);
    T_RET(pthread_getschedparam(t, &policy, &sp), ESRCH);
    T_RET(pthread_setschedparam(t, SCHED_OTHER, &sp), ESRCH);
    T_RET(pthread_setschedprio(t, 0), ESRCH);
    T_RET(pthread_getcpuclockid(t, &clock), ESRCH);
    T_RET(pthread_setname_np(t, "gone"), ENOENT);
    T_RET(pthread_getname_np(t, name, sizeof name), ENOENT);
    pthread_attr_t a;
    T_RET(pthread_getattr_np(t, &a), 0);
    pthread_attr_destroy(&a);
    T_RET(pthread_join(t, NULL), 0);

    /* Concurrency is a recorded hint. */
    T_EQ(pthread_getconcurrency(), 0);
    T_RET(pthread_setconcurrency(-1), EINVAL);
    T_RET(pthread_setconcurrency(3), 0);
    T_EQ(pthread_getconcurrency(), 3);

    /* sched_*. */
    T_EQ(sched_yield(), 0);
    T_EQ(sched_get_priority_min(SCHED_FIFO), 1);
    T_EQ(sched_get_priority_max(SCHED_FIFO), 99);
    T_EQ(sched_get_priority_max(SCHED_OTHER), 0);
    T_ERRNO(sched_get_priority_max(77), EINVAL);
    T_ERRNO(sched_get_priority_min(-5), EINVAL);
    T_EQ(sched_getscheduler(0), SCHED_OTHER);
    T_ERRNO(sched_getscheduler(-1), EINVAL);
    T_EQ(sched_getparam(0, &sp), 0);
    T_EQ(sp.sched_priority, 0);
    T_ERRNO(sched_getparam(-1, &sp), EINVAL);
    T_ERRNO(sched_getparam(0x3fffffff, &sp), ESRCH);
    T_EQ(sched_setparam(0, &sp), 0);
    sp.sched_priority = 50;
    T_ERRNO(sched_setparam(0, &sp), EINVAL);
    sp.sched_priority = 0;
    T_EQ(sched_setscheduler(0, SCHED_BATCH, &sp), 0);
    T_EQ(sched_getscheduler(0), SCHED_BATCH);
    T_EQ(sched_setscheduler(0, SCHED_OTHER, &sp), 0);
    T_ERRNO(sched_setscheduler(0, 77, &sp), EINVAL);
    T_ERRNO(sched_setscheduler(0x3fffffff, SCHED_OTHER, &sp), ESRCH);
    struct timespec rr;
    T_EQ(sched_rr_get_interval(0, &rr), 0);
    T_ERRNO(sched_rr_get_interval(0x3fffffff, &rr), ESRCH);
    int cpu = sched_getcpu();
    T_CHECK(cpu >= 0);
    T_EQ(sched_getaffinity(0, sizeof cpus, &cpus), 0);
    T_CHECK(CPU_COUNT(&cpus) >= 1);
    T_CHECK(CPU_ISSET(cpu, &cpus));
    T_ERRNO(sched_getaffinity(0x3fffffff, sizeof cpus, &cpus), ESRCH);
    T_ERRNO(sched_getaffinity(0, 0, &cpus), EINVAL);
    T_EQ(sched_setaffinity(0, sizeof cpus, &cpus), 0);
    cpu_set_t none;
    CPU_ZERO(&none);
    T_ERRNO(sched_setaffinity(0, sizeof none, &none), EINVAL);

    /* CPU_* on sets of any size. */
    cpu_set_t *big = CPU_ALLOC(2000);
    T_CHECK(big != NULL);
    size_t bytes = CPU_ALLOC_SIZE(2000);
    T_EQ(bytes, 256);
    CPU_ZERO_S(bytes, big);
    CPU_SET_S(3, bytes, big);
    CPU_SET_S(1999, bytes, big);
    T_EQ(CPU_COUNT_S(bytes, big), 2);
    T_EQ(CPU_ISSET_S(1999, bytes, big), 1);
    CPU_FREE(big);
    CPU_FREE(NULL);
    return t_status();
}
