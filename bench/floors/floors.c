/* floors: what the hardware and kernel allow, with no libc in the measured
 * path (raw system calls and inline asm).  Built with gcc against glibc;
 * glibc only starts the process and reads the clock.
 *
 *   floor_clone_exit_join     raw clone of a thread that exits at once; join
 *                             by the kernel's CLONE_CHILD_CLEARTID futex wake
 *   floor_futex_pingpong_2t   two raw threads hand a futex word back and forth
 *   floor_rep_movsb_*         rep movsb copies (memcpy's floor)
 *   floor_rep_stosb_*         rep stosb fills (memset's floor) */
#include "../src/bench_rows.h"
#include "raw.h"

#define BIG (1L << 20)
#define STACK (64 * 1024)

static unsigned char src[BIG] __attribute__((aligned(64)));
static unsigned char dst[BIG] __attribute__((aligned(64)));
static unsigned char stack[STACK] __attribute__((aligned(64)));
static int ctid;
static int word; /* 0: ping's turn, 1: pong's turn */

static void bk_clone_exit_join(long n)
{
	for (long i = 0; i < n; i++) {
		if (raw_thread_start(0, 0, stack + STACK, &ctid) < 0)
			bench_fail("clone failed");
		raw_thread_join(&ctid);
	}
}

static void pong(void *arg)
{
	long n = *(long *)arg;
	for (long i = 0; i < n; i++) {
		while (__atomic_load_n(&word, __ATOMIC_ACQUIRE) != 1)
			raw_futex(&word, RAW_FUTEX_WAIT | RAW_FUTEX_PRIVATE, 0);
		__atomic_store_n(&word, 0, __ATOMIC_RELEASE);
		raw_futex(&word, RAW_FUTEX_WAKE | RAW_FUTEX_PRIVATE, 1);
	}
}

static void bk_futex_pingpong(long n)
{
	word = 0;
	if (raw_thread_start(pong, &n, stack + STACK, &ctid) < 0)
		bench_fail("clone failed");
	for (long i = 0; i < n; i++) {
		__atomic_store_n(&word, 1, __ATOMIC_RELEASE);
		raw_futex(&word, RAW_FUTEX_WAKE | RAW_FUTEX_PRIVATE, 1);
		while (__atomic_load_n(&word, __ATOMIC_ACQUIRE) != 0)
			raw_futex(&word, RAW_FUTEX_WAIT | RAW_FUTEX_PRIVATE, 1);
	}
	raw_thread_join(&ctid);
}

static void movsb_loop(long n, unsigned long len)
{
	for (long i = 0; i < n; i++)
		raw_rep_movsb(dst, src, len);
}

static void stosb_loop(long n, unsigned long len)
{
	for (long i = 0; i < n; i++)
		raw_rep_stosb(dst, 0x5a, len);
}

#define SIZED(loop, tag, len) \
	static void bk_##loop##_##tag(long n) { loop(n, len); }
SIZED(movsb_loop, 64, 64)
SIZED(movsb_loop, 4k, 4096)
SIZED(movsb_loop, 1m, BIG)
SIZED(stosb_loop, 64, 64)
SIZED(stosb_loop, 4k, 4096)
SIZED(stosb_loop, 1m, BIG)

static const struct bench_row rows[] = {
	{ "floor_clone_exit_join", BENCH_NS, 0, BENCH_WAKE, bk_clone_exit_join },
	{ "floor_futex_pingpong_2t", BENCH_RTS, 0, BENCH_WAKE, bk_futex_pingpong },
	{ "floor_rep_movsb_64", BENCH_GBS, 64, BENCH_SOLO, bk_movsb_loop_64 },
	{ "floor_rep_movsb_4k", BENCH_GBS, 4096, BENCH_SOLO, bk_movsb_loop_4k },
	{ "floor_rep_movsb_1m", BENCH_GBS, BIG, BENCH_SOLO, bk_movsb_loop_1m },
	{ "floor_rep_stosb_64", BENCH_GBS, 64, BENCH_SOLO, bk_stosb_loop_64 },
	{ "floor_rep_stosb_4k", BENCH_GBS, 4096, BENCH_SOLO, bk_stosb_loop_4k },
	{ "floor_rep_stosb_1m", BENCH_GBS, BIG, BENCH_SOLO, bk_stosb_loop_1m },
};

int main(int argc, char **argv)
{
	for (long i = 0; i < BIG; i++)
		src[i] = (unsigned char)i;
	return bench_main(argc, argv, rows, BENCH_COUNT(rows));
}
