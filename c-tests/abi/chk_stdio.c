// cflags: -fno-builtin
/* The stdio __*_chk entry points, called directly. __fgets_chk aborts only when the line it
 * actually reads does not fit the buffer (glibc reads at most min(n - 1, size) bytes and
 * fails if that reaches size); __fread_unlocked_chk refuses a request larger than the
 * buffer before reading. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "child.h"
#include "test.h"

char *__fgets_chk(char *buf, size_t size, int n, FILE *f);
char *__fgets_unlocked_chk(char *buf, size_t size, int n, FILE *f);
size_t __fread_unlocked_chk(void *ptr, size_t ptrlen, size_t size, size_t n, FILE *f);
int __vasprintf_chk(char **strp, int flag, const char *fmt, va_list ap);
int __vdprintf_chk(int fd, int flag, const char *fmt, va_list ap);

static FILE *with_text(const char *text)
{
    FILE *f = tmpfile();
    if (f) {
        fputs(text, f);
        rewind(f);
    }
    return f;
}

static int asprintf_chk(char **strp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __vasprintf_chk(strp, 1, fmt, ap);
    va_end(ap);
    return r;
}

static int dprintf_chk(int fd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __vdprintf_chk(fd, 1, fmt, ap);
    va_end(ap);
    return r;
}

static char small[4];

static void fgets_long_line(void)
{
    FILE *f = with_text("abcdefgh\n");
    __fgets_chk(small, sizeof small, (int)opaque(100), f);
}
static void fgets_unlocked_long_line(void)
{
    FILE *f = with_text("abcdefgh\n");
    __fgets_unlocked_chk(small, sizeof small, (int)opaque(100), f);
}
static void fread_over(void)
{
    FILE *f = with_text("abcdefgh");
    __fread_unlocked_chk(small, sizeof small, 1, opaque(5), f);
}

int main(void)
{
    char buf[8];

    /* A short line fits even though n is larger than the buffer. */
    FILE *f = with_text("ab\ncdefg\n");
    T_CHECK(f != NULL);
    T_CHECK(__fgets_chk(buf, sizeof buf, 100, f) == buf);
    T_EQ(strcmp(buf, "ab\n"), 0);
    T_CHECK(__fgets_unlocked_chk(buf, sizeof buf, 4, f) == buf);
    T_EQ(strcmp(buf, "cde"), 0);
    /* n <= 0 reads nothing; end of file gives NULL. */
    T_CHECK(__fgets_chk(buf, sizeof buf, 0, f) == NULL);
    T_CHECK(__fgets_chk(buf, sizeof buf, 8, f) == buf);
    T_EQ(strcmp(buf, "fg\n"), 0);
    T_CHECK(__fgets_unlocked_chk(buf, sizeof buf, 8, f) == NULL);
    T_CHECK(feof(f));
    fclose(f);

    f = with_text("0123456789");
    T_EQ(__fread_unlocked_chk(buf, sizeof buf, 2, 4, f), 4);
    T_EQ(memcmp(buf, "01234567", 8), 0);
    T_EQ(__fread_unlocked_chk(buf, sizeof buf, 1, 8, f), 2);
    fclose(f);

    char *s = NULL;
    T_EQ(asprintf_chk(&s, "%s-%d", "x", 42), 4);
    T_CHECK(s != NULL && strcmp(s, "x-42") == 0);
    free(s);

    int p[2];
    T_EQ(pipe(p), 0);
    T_EQ(dprintf_chk(p[1], "<%5.1f>", 2.25), 7);
    T_EQ(read(p[0], buf, sizeof buf), 7);
    T_EQ(memcmp(buf, "<  2.2>", 7), 0);
    close(p[1]);
    T_EQ(dprintf_chk(p[1], "x"), -1);
    T_EQ(errno, EBADF);
    close(p[0]);

    T_CHECK(aborts(fgets_long_line));
    T_CHECK(aborts(fgets_unlocked_long_line));
    T_CHECK(aborts(fread_over));
    return t_status();
}
