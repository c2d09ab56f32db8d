/* thread_sys.h: what the thread tests need of the rest of libc, through raw system calls and
 * bit operations, so that they build against any libc (rustcrt's signal, mmap, rlimit and fork
 * functions live in other families). */
#ifndef THREAD_SYS_H
#define THREAD_SYS_H

#include <signal.h>
#include <stddef.h>
#include <sys/syscall.h>

static inline long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
    long ret;
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

/* Anonymous read-write memory, or NULL. */
static inline void *sys_map(size_t len)
{
    long p = sys6(SYS_mmap, 0, (long)len, 3 /* PROT_READ|PROT_WRITE */, 0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0);
    return p < 0 && p > -4096 ? NULL : (void *)p;
}

static inline void sys_unmap(void *p, size_t len)
{
    sys6(SYS_munmap, (long)p, (long)len, 0, 0, 0, 0);
}

/* The soft RLIMIT_STACK, or -1 for unlimited. */
static inline long sys_stack_limit(void)
{
    unsigned long rl[2];
    sys6(SYS_prlimit64, 0, 3 /* RLIMIT_STACK */, 0, (long)rl, 0, 0);
    return rl[0] == ~0UL ? -1 : (long)rl[0];
}

/* Returns from a signal handler (x86_64 signal handlers need a restorer). */
void thread_sys_restorer(void);
__asm__(".text\n.type thread_sys_restorer,@function\nthread_sys_restorer:\n mov $15, %eax\n syscall\n");

/* Installs a handler for sig (no SA_RESTART, so sleeps are cut short). */
static inline long sys_handle(int sig, void (*handler)(int))
{
    struct { void (*h)(int); unsigned long flags; void (*restorer)(void); unsigned long mask; } act =
        {handler, 0x04000000 /* SA_RESTORER */, thread_sys_restorer, 0};
    return sys6(SYS_rt_sigaction, sig, (long)&act, 0, 8, 0, 0);
}

/* SIGALRM after usec microseconds. */
static inline long sys_alarm_in(long usec)
{
    long it[4] = {0, 0, usec / 1000000, usec % 1000000};
    return sys6(SYS_setitimer, 0 /* ITIMER_REAL */, (long)it, 0, 0, 0, 0);
}

/* The first word of a sigset_t is the kernel's set of signals 1..64. */
static inline void set_empty(sigset_t *s)
{
    for (size_t i = 0; i < sizeof *s / sizeof(unsigned long); i++)
        ((unsigned long *)s)[i] = 0;
}

static inline void set_add(sigset_t *s, int sig)
{
    ((unsigned long *)s)[0] |= 1UL << (sig - 1);
}

static inline int set_has(const sigset_t *s, int sig)
{
    return (((const unsigned long *)s)[0] >> (sig - 1)) & 1;
}

/* Resident pages of this process (the second field of /proc/self/statm). */
static inline long resident_pages(void)
{
    char buf[128];
    long fd = sys6(SYS_open, (long)"/proc/self/statm", 0, 0, 0, 0, 0);
    if (fd < 0)
        return -1;
    long n = sys6(SYS_read, fd, (long)buf, sizeof buf - 1, 0, 0, 0);
    sys6(SYS_close, fd, 0, 0, 0, 0, 0);
    if (n <= 0)
        return -1;
    buf[n] = 0;
    char *p = buf;
    while (*p && *p != ' ')
        p++;
    long v = 0;
    while (*++p >= '0' && *p <= '9')
        v = v * 10 + (*p - '0');
    return v;
}

#endif
