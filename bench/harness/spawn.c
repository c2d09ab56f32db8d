/* spawn: the start-up harness.  Runs a program COUNT times with
 * vfork + execve + waitpid (its output goes to /dev/null) and prints the
 * median time from before vfork to after waitpid:
 *
 *   spawn NAME COUNT PROGRAM [ARG...]   ->   "NAME <median> us"
 *
 * This is the harness, not the subject: it is built against glibc.  The
 * child gets an empty environment, so every libc starts with the same
 * input.  A child that fails (signal or non-zero status) fails the run. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WARMUP 5

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double spawn_once(char **argv, int devnull)
{
	static char *empty_env[] = { NULL };
	int status;
	double t0 = now_us();
	pid_t pid = vfork();
	if (pid == 0) {
		dup2(devnull, 1);
		execve(argv[0], argv, empty_env);
		_exit(127);
	}
	if (pid < 0) {
		perror("spawn: vfork");
		exit(2);
	}
	if (waitpid(pid, &status, 0) != pid) {
		perror("spawn: waitpid");
		exit(2);
	}
	double t1 = now_us();
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "spawn: %s failed (status 0x%x)\n", argv[0], status);
		exit(1);
	}
	return t1 - t0;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: spawn NAME COUNT PROGRAM [ARG...]\n");
		return 2;
	}
	long count = atol(argv[2]);
	if (count < 1) {
		fprintf(stderr, "spawn: COUNT must be positive\n");
		return 2;
	}
	int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (devnull < 0) {
		perror("spawn: /dev/null");
		return 2;
	}
	double *us = malloc(sizeof *us * (size_t)count);
	if (!us)
		return 2;
	for (int i = 0; i < WARMUP; i++)
		spawn_once(argv + 3, devnull);
	for (long i = 0; i < count; i++)
		us[i] = spawn_once(argv + 3, devnull);
	qsort(us, (size_t)count, sizeof *us, cmp_double);
	double median = count % 2 ? us[count / 2] : (us[count / 2 - 1] + us[count / 2]) / 2;
	printf("%s %.3f us\n", argv[1], median);
	return 0;
}
