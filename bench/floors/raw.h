/* raw.h - system calls and a thread without any C library: what the floors
 * measure must not pass through libc code. */
#ifndef RAW_H
#define RAW_H

#define RAW_SYS_EXIT 60
#define RAW_SYS_CLONE 56
#define RAW_SYS_FUTEX 202

#define RAW_FUTEX_WAIT 0
#define RAW_FUTEX_WAKE 1
#define RAW_FUTEX_PRIVATE 128

/* What a thread library passes to clone for a thread, plus the kernel's
 * clear-and-wake of *ctid at thread exit (how join works). */
#define RAW_THREAD_FLAGS                                                          \
	(0x100 /* VM */ | 0x200 /* FS */ | 0x400 /* FILES */ | 0x800 /* SIGHAND */ | \
	 0x10000 /* THREAD */ | 0x40000 /* SYSVSEM */ | 0x200000 /* CHILD_CLEARTID */)

static inline long raw_futex(int *word, int op, int val)
{
	long ret;
	register long r10 __asm__("r10") = 0; /* no timeout */
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "0"((long)RAW_SYS_FUTEX), "D"(word), "S"((long)op), "d"((long)val), "r"(r10)
			 : "rcx", "r11", "memory");
	return ret;
}

/* Starts a thread on stack_top that calls fn(arg) (if fn is not NULL) and
 * then exits; the kernel sets *ctid to 0 and wakes it when the thread is
 * gone.  The new thread shares our %fs, so fn must not touch libc state. */
static inline long raw_thread_start(void (*fn)(void *), void *arg, void *stack_top, int *ctid)
{
	long ret;
	register long r10 __asm__("r10") = (long)ctid;
	register long r8 __asm__("r8") = 0;
	register void (*r12)(void *) __asm__("r12") = fn;
	register void *r13 __asm__("r13") = arg;
	*ctid = 1;
	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 /* the new thread: fresh stack, nothing to return to */
			 "xor %%ebp, %%ebp\n\t"
			 "test %%r12, %%r12\n\t"
			 "jz 2f\n\t"
			 "mov %%r13, %%rdi\n\t"
			 "call *%%r12\n"
			 "2:\n\t"
			 "mov $60, %%eax\n\t"
			 "xor %%edi, %%edi\n\t"
			 "syscall\n\t"
			 "ud2\n"
			 "1:"
			 : "=a"(ret)
			 : "0"((long)RAW_SYS_CLONE), "D"((long)RAW_THREAD_FLAGS), "S"(stack_top), "d"(0L),
			   "r"(r10), "r"(r8), "r"(r12), "r"(r13)
			 : "rcx", "r11", "memory");
	return ret;
}

/* Waits until the kernel has cleared *ctid (shared futex: that is the
 * kind of wake-up the kernel sends at thread exit). */
static inline void raw_thread_join(int *ctid)
{
	int v;
	while ((v = __atomic_load_n(ctid, __ATOMIC_ACQUIRE)) != 0)
		raw_futex(ctid, RAW_FUTEX_WAIT, v);
}

static inline void raw_rep_movsb(void *dst, const void *src, unsigned long n)
{
	__asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

static inline void raw_rep_stosb(void *dst, int byte, unsigned long n)
{
	__asm__ volatile("rep stosb" : "+D"(dst), "+c"(n) : "a"(byte) : "memory");
}

#endif
