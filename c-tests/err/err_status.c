// stderr: compare
// expect: status=7
/* err and verr print the errno message and exit with the status; output buffered in stdout
 * is flushed on the way out. */
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verr(7, fmt, ap);
}

int main(int argc, char **argv)
{
    program_invocation_short_name = "prog";
    fputs("stdout before err\n", stdout);
    errno = ENOSPC;
    if (argc > 5)
        err(1, "not reached %s", argv[0]);
    die("disk %d", 2);
}
