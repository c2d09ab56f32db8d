// stderr: compare
// expect: status=3
/* warn/warnx/vwarn/vwarnx and perror: glibc's exact texts on stderr, errno's message (and
 * "Unknown error N"), a null format; err and errx end the program (errx here, status 3). */
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include "test.h"

static void via_vwarn(int x, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (x)
        vwarnx(fmt, ap);
    else
        vwarn(fmt, ap);
    va_end(ap);
}

int main(void)
{
    /* The program's name differs between builds; every build calls itself "prog". */
    program_invocation_short_name = "prog";
    program_invocation_name = "/some/dir/prog";

    errno = ENOENT;
    warn("open %s", "file.txt");
    errno = EACCES;
    warnx("plain %d", 42);
    warn(NULL);
    errno = 12345;
    warn("odd");
    errno = EINVAL;
    via_vwarn(0, "v%s", "warn");
    via_vwarn(1, "v%s", "warnx");

    errno = EBADF;
    perror("prefix");
    perror("");
    perror(NULL);
    errno = 0;
    perror("zero");
    T_EQ(errno, 0);

    fflush(stdout);
    errx(3, "bye %s", "now");
}
