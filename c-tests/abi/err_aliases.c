/* The message-and-die entry points that no macro of ours names: verrx, __assert (the old
 * BSD-style assert entry) and __assert_perror_fail (glibc's assert_perror). Each runs in a
 * child whose standard error is captured; the test prints the message after the program
 * name (which differs between the builds) and how the child ended. */
#include <err.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>
#include "test.h"

void __assert(const char *assertion, const char *file, int line);
void __assert_perror_fail(int errnum, const char *file, unsigned int line, const char *function);

static void verrx_of(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verrx(status, fmt, ap);
}

static void call_verrx(void) { verrx_of(3, "bad %s #%d", "thing", 2); }
static void call_assert(void) { __assert("x > 0", "file.c", 12); }
static void call_assert_perror(void) { __assert_perror_fail(ENOENT, "where.c", 34, "fn"); }

/* Runs fn in a child; prints its standard error after the first ": " and its ending. */
static void run(const char *name, void (*fn)(void))
{
    int p[2];
    if (pipe(p) != 0)
        return;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(p[1], 2);
        fn();
        _exit(0);
    }
    close(p[1]);
    char buf[256];
    size_t len = 0;
    ssize_t n;
    while (len < sizeof buf - 1 && (n = read(p[0], buf + len, sizeof buf - 1 - len)) > 0)
        len += (size_t)n;
    buf[len] = 0;
    close(p[0]);
    int status = 0;
    T_EQ(waitpid(pid, &status, 0), pid);
    const char *after = strstr(buf, ": ");
    t_print(name);
    t_print(": ");
    t_print(after ? after + 2 : buf);
    if (WIFEXITED(status))
        t_print_kv("exit ", WEXITSTATUS(status));
    else
        t_print_kv("signal ", WIFSIGNALED(status) ? WTERMSIG(status) : -1);
}

int main(void)
{
    run("verrx", call_verrx);
    run("__assert", call_assert);
    run("__assert_perror_fail", call_assert_perror);
    return t_status();
}
