/* pthread_attr_*: defaults, every setter and getter, their error paths; threads created
 * with them; pthread_getattr_np; pthread_getattr_default_np/pthread_setattr_default_np. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <unistd.h>
#include "test.h"
#include "thread_sys.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* Under _GNU_SOURCE glibc's header makes PTHREAD_STACK_MIN a call of __sysconf(75). */
#define STACK_MIN ((size_t)PTHREAD_STACK_MIN)

static size_t rlimit_default(void)
{
    long limit = sys_stack_limit();
    if (limit < 0)
        return 2 << 20;
    size_t n = (size_t)limit < STACK_MIN ? STACK_MIN : (size_t)limit;
    return (n + 4095) & ~(size_t)4095;
}

static void *local_address(void *arg)
{
    char here;
    *(uintptr_t *)arg = (uintptr_t)&here;
    return arg;
}

static void *report_self(void *arg)
{
    pthread_attr_t a;
    void *addr;
    size_t size, guard;
    int detach;
    char here;
    long ok = pthread_getattr_np(pthread_self(), &a) == 0;
    ok &= pthread_attr_getstack(&a, &addr, &size) == 0;
    ok &= (uintptr_t)addr < (uintptr_t)&here && (uintptr_t)&here < (uintptr_t)addr + size;
    ok &= size >= (size_t)(uintptr_t)arg;
    ok &= pthread_attr_getguardsize(&a, &guard) == 0 && guard == 4096;
    ok &= pthread_attr_getdetachstate(&a, &detach) == 0 && detach == PTHREAD_CREATE_JOINABLE;
    pthread_attr_destroy(&a);
    return (void *)ok;
}

static void *report_mask(void *arg)
{
    sigset_t now;
    pthread_sigmask(SIG_BLOCK, NULL, &now);
    return (void *)(intptr_t)(set_has(&now, SIGUSR1) == 1 && set_has(&now, SIGUSR2) == 0 && arg == NULL);
}

static void *report_cpu(void *arg)
{
    cpu_set_t s;
    CPU_ZERO(&s);
    pthread_getaffinity_np(pthread_self(), sizeof s, &s);
    return (void *)(intptr_t)(CPU_COUNT(&s) == 1 && CPU_ISSET(0, &s) && arg == NULL);
}

int main(void)
{
    pthread_attr_t a;
    int v;
    size_t s;
    void *p;
    struct sched_param sp;

    /* Defaults. */
    T_RET(pthread_attr_init(&a), 0);
    T_RET(pthread_attr_getdetachstate(&a, &v), 0);
    T_EQ(v, PTHREAD_CREATE_JOINABLE);
    T_RET(pthread_attr_getinheritsched(&a, &v), 0);
    T_EQ(v, PTHREAD_INHERIT_SCHED);
    T_RET(pthread_attr_getschedpolicy(&a, &v), 0);
    T_EQ(v, SCHED_OTHER);
    T_RET(pthread_attr_getschedparam(&a, &sp), 0);
    T_EQ(sp.sched_priority, 0);
    T_RET(pthread_attr_getscope(&a, &v), 0);
    T_EQ(v, PTHREAD_SCOPE_SYSTEM);
    T_RET(pthread_attr_getguardsize(&a, &s), 0);
    T_EQ(s, 4096);
    T_RET(pthread_attr_getstacksize(&a, &s), 0);
    T_EQ(s, rlimit_default());
    sigset_t mask;
    T_RET(pthread_attr_getsigmask_np(&a, &mask), PTHREAD_ATTR_NO_SIGMASK_NP);
    cpu_set_t cpus;
    T_RET(pthread_attr_getaffinity_np(&a, sizeof cpus, &cpus), 0);
    T_EQ(CPU_COUNT(&cpus), CPU_SETSIZE);

    /* Setters and their error paths. */
    T_RET(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED), 0);
    T_RET(pthread_attr_getdetachstate(&a, &v), 0);
    T_EQ(v, PTHREAD_CREATE_DETACHED);
    T_RET(pthread_attr_setdetachstate(&a, 2), EINVAL);
    T_RET(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_JOINABLE), 0);
    T_RET(pthread_attr_setinheritsched(&a, PTHREAD_EXPLICIT_SCHED), 0);
    T_RET(pthread_attr_getinheritsched(&a, &v), 0);
    T_EQ(v, PTHREAD_EXPLICIT_SCHED);
    T_RET(pthread_attr_setinheritsched(&a, 2), EINVAL);
    T_RET(pthread_attr_setinheritsched(&a, PTHREAD_INHERIT_SCHED), 0);
    T_RET(pthread_attr_setschedpolicy(&a, SCHED_RR), 0);
    T_RET(pthread_attr_getschedpolicy(&a, &v), 0);
    T_EQ(v, SCHED_RR);
    T_RET(pthread_attr_setschedpolicy(&a, 3), EINVAL);
    T_RET(pthread_attr_setschedpolicy(&a, 77), EINVAL);
    sp.sched_priority = 0;
    T_RET(pthread_attr_setschedparam(&a, &sp), EINVAL);
    sp.sched_priority = 1;
    T_RET(pthread_attr_setschedparam(&a, &sp), 0);
    sp.sched_priority = 0;
    T_RET(pthread_attr_getschedparam(&a, &sp), 0);
    T_EQ(sp.sched_priority, 1);
    T_RET(pthread_attr_setschedpolicy(&a, SCHED_OTHER), 0);
    sp.sched_priority = 1;
    T_RET(pthread_attr_setschedparam(&a, &sp), EINVAL);
    sp.sched_priority = 0;
    T_RET(pthread_attr_setschedparam(&a, &sp), 0);
    T_RET(pthread_attr_setscope(&a, PTHREAD_SCOPE_SYSTEM), 0);
    T_RET(pthread_attr_setscope(&a, PTHREAD_SCOPE_PROCESS), ENOTSUP);
    T_RET(pthread_attr_setscope(&a, 2), EINVAL);
    T_RET(pthread_attr_setguardsize(&a, 3 * 4096 + 1), 0);
    T_RET(pthread_attr_getguardsize(&a, &s), 0);
    T_EQ(s, 3 * 4096 + 1);
    T_RET(pthread_attr_setstacksize(&a, STACK_MIN - 1), EINVAL);
    T_RET(pthread_attr_setstacksize(&a, STACK_MIN + 1), 0);
    T_RET(pthread_attr_getstacksize(&a, &s), 0);
    T_EQ(s, STACK_MIN + 1);
    T_EQ(PTHREAD_STACK_MIN, 16384);
    T_RET(pthread_attr_setstack(&a, (void *)0x10000, STACK_MIN - 1), EINVAL);
    T_RET(pthread_attr_setstack(&a, (void *)0x10000, 65536), 0);
    T_RET(pthread_attr_getstack(&a, &p, &s), 0);
    T_EQ((uintptr_t)p, 0x10000);
    T_EQ(s, 65536);
    T_RET(pthread_attr_getstackaddr(&a, &p), 0);
    T_EQ((uintptr_t)p, 0x10000 + 65536);
    T_RET(pthread_attr_setstackaddr(&a, (void *)0x40000), 0);
    T_RET(pthread_attr_getstack(&a, &p, &s), 0);
    T_EQ((uintptr_t)p, 0x40000 - 65536);
    T_RET(pthread_attr_destroy(&a), 0);

    set_empty(&mask);
    set_add(&mask, SIGUSR1);
    T_RET(pthread_attr_init(&a), 0);
    T_RET(pthread_attr_setsigmask_np(&a, &mask), 0);
    sigset_t got;
    set_empty(&got);
    T_RET(pthread_attr_getsigmask_np(&a, &got), 0);
    T_EQ(set_has(&got, SIGUSR1), 1);
    T_EQ(set_has(&got, SIGUSR2), 0);
    T_RET(pthread_attr_setsigmask_np(&a, NULL), 0);
    T_RET(pthread_attr_getsigmask_np(&a, &got), PTHREAD_ATTR_NO_SIGMASK_NP);

    CPU_ZERO(&cpus);
    CPU_SET(0, &cpus);
    T_RET(pthread_attr_setaffinity_np(&a, sizeof cpus, &cpus), 0);
    cpu_set_t back;
    T_RET(pthread_attr_getaffinity_np(&a, sizeof back, &back), 0);
    T_EQ(CPU_COUNT(&back), 1);
    T_CHECK(CPU_ISSET(0, &back));
    /* A smaller buffer is fine while the set fits in it. */
    unsigned long small = 0;
    T_RET(pthread_attr_getaffinity_np(&a, sizeof small, (cpu_set_t *)&small), 0);
    T_EQ(small, 1);
    CPU_SET(100, &cpus);
    T_RET(pthread_attr_setaffinity_np(&a, sizeof cpus, &cpus), 0);
    T_RET(pthread_attr_getaffinity_np(&a, sizeof small, (cpu_set_t *)&small), EINVAL);
    cpu_set_t *volatile no_set = NULL;
    T_RET(pthread_attr_setaffinity_np(&a, 0, no_set), 0);
    T_RET(pthread_attr_getaffinity_np(&a, sizeof back, &back), 0);
    T_EQ(CPU_COUNT(&back), CPU_SETSIZE);
    T_RET(pthread_attr_destroy(&a), 0);

    /* Threads made with attributes. */
    pthread_t t;
    void *r;
    T_RET(pthread_attr_init(&a), 0);
    T_RET(pthread_attr_setstacksize(&a, STACK_MIN), 0);
    T_RET(pthread_create(&t, &a, report_self, (void *)STACK_MIN), 0);
    T_RET(pthread_join(t, &r), 0);
    T_EQ((intptr_t)r, 1);
    T_RET(pthread_attr_setsigmask_np(&a, &mask), 0);
    T_RET(pthread_create(&t, &a, report_mask, NULL), 0);
    T_RET(pthread_join(t, &r), 0);
    T_EQ((intptr_t)r, 1);
    T_RET(pthread_attr_destroy(&a), 0);
    T_RET(pthread_attr_init(&a), 0);
    CPU_ZERO(&cpus);
    CPU_SET(0, &cpus);
    T_RET(pthread_attr_setaffinity_np(&a, sizeof cpus, &cpus), 0);
    T_RET(pthread_create(&t, &a, report_cpu, NULL), 0);
    T_RET(pthread_join(t, &r), 0);
    T_EQ((intptr_t)r, 1);
    /* An affinity with no CPU that exists cannot be applied: the thread is not made. */
    CPU_ZERO(&cpus);
    CPU_SET(CPU_SETSIZE - 1, &cpus);
    T_RET(pthread_attr_setaffinity_np(&a, sizeof cpus, &cpus), 0);
    T_RET(pthread_create(&t, &a, report_cpu, NULL), EINVAL);
    T_RET(pthread_attr_destroy(&a), 0);

    /* A stack of the program's own. */
    size_t user_size = 256 * 1024;
    char *user = sys_map(user_size);
    T_CHECK(user != NULL);
    T_RET(pthread_attr_init(&a), 0);
    T_RET(pthread_attr_setstack(&a, user, user_size), 0);
    uintptr_t where = 0;
    T_RET(pthread_create(&t, &a, local_address, &where), 0);
    T_RET(pthread_join(t, NULL), 0);
    T_CHECK(where > (uintptr_t)user && where < (uintptr_t)user + user_size);
    T_RET(pthread_attr_destroy(&a), 0);

    /* The main thread's attributes: its stack holds this frame, no guard, joinable. */
    T_RET(pthread_getattr_np(pthread_self(), &a), 0);
    T_RET(pthread_attr_getstack(&a, &p, &s), 0);
    T_CHECK((uintptr_t)p < (uintptr_t)&where && (uintptr_t)&where < (uintptr_t)p + s);
    T_RET(pthread_attr_getguardsize(&a, &s), 0);
    T_EQ(s, 0);
    T_RET(pthread_attr_getdetachstate(&a, &v), 0);
    T_EQ(v, PTHREAD_CREATE_JOINABLE);
    T_RET(pthread_attr_getschedpolicy(&a, &v), 0);
    T_EQ(v, SCHED_OTHER);
    T_RET(pthread_attr_destroy(&a), 0);

    /* Default attributes. */
    T_RET(pthread_getattr_default_np(&a), 0);
    T_RET(pthread_attr_getstacksize(&a, &s), 0);
    T_EQ(s, rlimit_default());
    T_RET(pthread_attr_setstacksize(&a, 128 * 1024), 0);
    T_RET(pthread_setattr_default_np(&a), 0);
    T_RET(pthread_attr_destroy(&a), 0);
    T_RET(pthread_getattr_default_np(&a), 0);
    T_RET(pthread_attr_getstacksize(&a, &s), 0);
    T_EQ(s, 128 * 1024);
    T_RET(pthread_attr_destroy(&a), 0);
    T_RET(pthread_attr_init(&a), 0);
    T_RET(pthread_attr_getstacksize(&a, &s), 0);
    T_EQ(s, 128 * 1024);
    T_RET(pthread_create(&t, NULL, report_self, (void *)(128 * 1024)), 0);
    T_RET(pthread_join(t, &r), 0);
    T_EQ((intptr_t)r, 1);
    T_RET(pthread_attr_setstack(&a, user, user_size), 0);
    T_RET(pthread_setattr_default_np(&a), EINVAL);
    T_RET(pthread_attr_destroy(&a), 0);
    return t_status();
}
