/* bench.h - the few helpers every benchmark program shares.
 *
 * A benchmark may use only write() and clock_gettime() from the C library
 * besides what it measures, so that it links against a young libc.  Numbers
 * are formatted by hand; leaving the process on an error is a raw exit_group
 * system call.  All helpers are static inline so that an unused one costs
 * nothing and raises no warning. */
#ifndef BENCH_H
#define BENCH_H

#include <time.h>
#include <unistd.h>

/* ---- keeping the compiler honest ------------------------------------- */

/* The value is needed: the computation that produced it must stay. */
#define bench_use(x) __asm__ volatile("" : : "r"(x))
/* All of memory may have been read or written here. */
#define bench_clobber() __asm__ volatile("" : : : "memory")
/* The pointer escapes: whatever it points to may be read and written. */
#define bench_escape(p) __asm__ volatile("" : : "g"(p) : "memory")
/* The compiler forgets what it knew about x (a pointer, a length). */
#define bench_launder(x) __asm__ volatile("" : "+r"(x))

/* ---- time ------------------------------------------------------------ */

static inline long long bench_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* ---- raw system calls the harness needs ------------------------------ */

static inline long bench_syscall1(long nr, long a)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "0"(nr), "D"(a) : "rcx", "r11", "memory");
	return ret;
}

static inline long bench_syscall4(long nr, long a, long b, long c, long d)
{
	long ret;
	register long r10 __asm__("r10") = d;
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "0"(nr), "D"(a), "S"(b), "d"(c), "r"(r10)
			 : "rcx", "r11", "memory");
	return ret;
}

static inline void bench_exit_now(int code)
{
	for (;;)
		bench_syscall1(231 /* exit_group */, code);
}

/* Give the CPU away while spinning on another thread. */
static inline void bench_yield(void)
{
	bench_syscall1(24 /* sched_yield */, 0);
}

/* Sleep while *word == expected (private futex); used to park idle threads. */
static inline void bench_futex_wait(int *word, int expected)
{
	bench_syscall4(202 /* futex */, (long)word, 128 /* WAIT|PRIVATE */, expected, 0);
}

static inline void bench_futex_wake_all(int *word)
{
	bench_syscall4(202 /* futex */, (long)word, 129 /* WAKE|PRIVATE */, 0x7fffffff, 0);
}

static inline void bench_pause(void)
{
	__asm__ volatile("pause" : : : "memory");
}

/* ---- output ---------------------------------------------------------- */

static inline unsigned long bench_strlen(const char *s)
{
	unsigned long n = 0;
	while (s[n])
		n++;
	return n;
}

/* Appends text to buf at *pos; the caller's buffer is large enough. */
static inline void bench_cat(char *buf, int *pos, const char *s)
{
	while (*s)
		buf[(*pos)++] = *s++;
}

static inline void bench_cat_u64(char *buf, int *pos, unsigned long long v, int min_digits)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v || n < min_digits);
	while (n)
		buf[(*pos)++] = tmp[--n];
}

/* A non-negative number with three decimals. */
static inline void bench_cat_fixed3(char *buf, int *pos, double v)
{
	unsigned long long milli;
	if (!(v >= 0))
		v = 0;
	if (v > 1e15)
		v = 1e15;
	milli = (unsigned long long)(v * 1000.0 + 0.5);
	bench_cat_u64(buf, pos, milli / 1000, 1);
	buf[(*pos)++] = '.';
	bench_cat_u64(buf, pos, milli % 1000, 3);
}

static inline void bench_write_all(int fd, const char *buf, int len)
{
	while (len > 0) {
		long w = write(fd, buf, (unsigned long)len);
		if (w <= 0)
			return;
		buf += w;
		len -= (int)w;
	}
}

/* One result line: "name value unit". */
static inline void bench_report(const char *name, double value, const char *unit)
{
	char line[256];
	int pos = 0;
	if (bench_strlen(name) + bench_strlen(unit) > 200)
		return;
	bench_cat(line, &pos, name);
	line[pos++] = ' ';
	bench_cat_fixed3(line, &pos, value);
	line[pos++] = ' ';
	bench_cat(line, &pos, unit);
	line[pos++] = '\n';
	bench_write_all(1, line, pos);
}

/* A benchmark that cannot measure honestly (wrong result, failed call)
 * says why on stderr and ends the process with status 3. */
static inline void bench_fail(const char *what)
{
	char line[256];
	int pos = 0;
	if (bench_strlen(what) > 200)
		what = "failure (message too long)";
	bench_cat(line, &pos, "bench: ");
	bench_cat(line, &pos, what);
	line[pos++] = '\n';
	bench_write_all(2, line, pos);
	bench_exit_now(3);
}

#endif
