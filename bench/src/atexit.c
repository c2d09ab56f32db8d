/* atexit: registering exit handlers, and running them.
 *
 * One process registers many handlers (the count follows the target time of
 * -t, about 33 000 per ms), reports atexit_register per handler, stores the
 * time and calls exit(); the handler registered first runs last and reports
 * atexit_run: the time from exit() to it, per handler.  A libc with a fixed
 * limit stops the registration early; the rows are then per accepted handler.
 * Both rows come from one run; the row names on the command line are ignored. */
#include <stdlib.h>

#include "bench.h"

static long long exit_called_ns;
static long registered, ran;

static void handler(void)
{
	ran++;
}

static void last_handler(void)
{
	long long now = bench_now_ns();
	if (ran != registered - 1)
		bench_fail("not every exit handler ran");
	bench_report("atexit_run", (double)(now - exit_called_ns) / (double)registered, "ns");
}

static long parse_ms(int argc, char **argv)
{
	long ms = 30;
	for (int i = 1; i + 1 < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1] == 't' && !argv[i][2]) {
			ms = 0;
			for (const char *s = argv[i + 1]; *s >= '0' && *s <= '9'; s++)
				ms = ms * 10 + (*s - '0');
		}
	}
	return ms < 1 ? 1 : ms > 1000 ? 1000 : ms;
}

int main(int argc, char **argv)
{
	static const char list[] = "atexit_register ns -\natexit_run ns -\n";
	long want;
	long long t0, t1;

	if (argc > 1 && argv[1][0] == '-' && argv[1][1] == '-') {
		bench_write_all(1, list, sizeof list - 1);
		return 0;
	}
	want = parse_ms(argc, argv) * 33000;
	if (atexit(last_handler) != 0)
		bench_fail("atexit refused the first handler");
	registered = 1;
	t0 = bench_now_ns();
	while (registered < want && atexit(handler) == 0)
		registered++;
	t1 = bench_now_ns();
	if (registered < 2)
		bench_fail("atexit accepted only one handler");
	bench_report("atexit_register", (double)(t1 - t0) / (double)(registered - 1), "ns");
	exit_called_ns = bench_now_ns();
	exit(0);
}
