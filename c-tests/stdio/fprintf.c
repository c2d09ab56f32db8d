// stderr: compare
/* printf/fprintf/vprintf/vfprintf and the fortify forms (__printf_chk, __fprintf_chk,
 * __vprintf_chk, __vfprintf_chk) on stdout, stderr (unbuffered: one write per call) and
 * files; the count returned; EBADF on a read-only stream. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "stdio_test.h"

int __printf_chk(int flag, const char *fmt, ...);
int __fprintf_chk(FILE *f, int flag, const char *fmt, ...);
int __vprintf_chk(int flag, const char *fmt, va_list ap);
int __vfprintf_chk(FILE *f, int flag, const char *fmt, va_list ap);

static int via_vfprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(f, fmt, ap);
    va_end(ap);
    return n;
}

static int via_vprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

static int via_chk(FILE *f, const char *fmt, ...)
{
    va_list ap, aq;
    va_start(ap, fmt);
    va_copy(aq, ap);
    int n = __vfprintf_chk(f, 1, fmt, ap);
    n += __vprintf_chk(1, fmt, aq);
    va_end(aq);
    va_end(ap);
    return n;
}

int main(void)
{
    T_EQ(printf("%d %s %5.2f|%-4c|%x\n", 42, "str", 3.14159, 'c', 255u), 21);
    T_EQ(fprintf(stdout, "%%%08.3e\n", 12345.678), 11);
    T_EQ(via_vprintf("[%*d]\n", 6, -17), 9);
    T_EQ(fprintf(stderr, "to stderr %d %s\n", 1, "two"), 16);
    T_EQ(via_vfprintf(stderr, "%s=%ld\n", "vf", -5L), 6);
    T_EQ(__printf_chk(1, "chk %u\n", 7u), 6);
    T_EQ(__fprintf_chk(stdout, 1, "fchk %c\n", 'z'), 7);
    T_EQ(via_chk(stdout, "both %d\n", 3), 14);
    T_EQ(printf("%s", ""), 0);

    /* Into a file, read back. */
    FILE *f = tmpfile();
    T_EQ(fprintf(f, "%d-%d", 1, 2), 3);
    char big[3000];
    memset(big, 'b', sizeof big - 1);
    big[sizeof big - 1] = 0;
    T_EQ(fprintf(f, "<%s>", big), 3001);
    rewind(f);
    char buf[16];
    T_CHECK(fgets(buf, 5, f) != NULL);
    T_CHECK(streq(buf, "1-2<"));
    T_EQ(fseek(f, 0, SEEK_END), 0);
    T_EQ(ftell(f), 3004);
    T_EQ(fclose(f), 0);

    /* A read-only stream. */
    f = fopen("/dev/null", "r");
    errno = 0;
    T_EQ(fprintf(f, "x%d", 1), -1);
    T_EQ(errno, EBADF);
    T_CHECK(ferror(f));
    fclose(f);
    return t_status();
}
