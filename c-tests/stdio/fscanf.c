/* fscanf/vfscanf/scanf/vscanf (glibc's headers call the __isoc99_ names) on files and on
 * stdin: conversions, the byte that stops a conversion stays in the stream, EOF before any
 * conversion, a matching failure, and EBADF on a write-only stream. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include "test.h"
#include "stdio_test.h"

static int via_vfscanf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfscanf(f, fmt, ap);
    va_end(ap);
    return n;
}

static int via_vscanf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vscanf(fmt, ap);
    va_end(ap);
    return n;
}

int main(void)
{
    FILE *f = tmpfile();
    fputs("  42 -7 3.5 word rest\n17x 0x1f\nabc", f);
    rewind(f);
    int a = 0, b = 0, hex = 0;
    double d = 0;
    char word[16];
    T_EQ(fscanf(f, "%d %d %lf %15s", &a, &b, &d, word), 4);
    T_EQ(a, 42);
    T_EQ(b, -7);
    T_CHECK(d == 3.5);
    T_CHECK(streq(word, "word"));
    T_EQ(getc(f), ' '); /* the byte after the conversion is still there */
    T_EQ(via_vfscanf(f, "%s %d", word, &a), 2);
    T_CHECK(streq(word, "rest"));
    T_EQ(a, 17);
    T_EQ(getc(f), 'x');
    T_EQ(fscanf(f, "%x", &hex), 1);
    T_EQ(hex, 31);
    /* A matching failure stores nothing and leaves the input. */
    T_EQ(fscanf(f, "%d", &a), 0);
    T_EQ(getc(f), 'a');
    T_EQ(fscanf(f, "%s", word), 1);
    T_CHECK(streq(word, "bc"));
    /* End of input before any conversion. */
    T_EQ(fscanf(f, "%d", &a), EOF);
    T_CHECK(feof(f));
    T_EQ(fclose(f), 0);

    /* A write-only stream. */
    f = fopen("fscanf-test.tmp", "w");
    errno = 0;
    T_EQ(fscanf(f, "%d", &a), EOF);
    T_EQ(errno, EBADF);
    fclose(f);
    remove("fscanf-test.tmp");

    /* stdin is empty in the test runner. */
    T_EQ(scanf("%d", &a), EOF);
    T_EQ(via_vscanf("%d", &a), EOF);
    return t_status();
}
