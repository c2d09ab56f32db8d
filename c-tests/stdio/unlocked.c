/* The _unlocked functions called as functions (not glibc's inline forms), glibc's
 * __uflow/__underflow/__overflow entry points called directly, and a stream whose descriptor
 * was closed behind its back (EBADF at the flush, the error indicator set). */
#include <errno.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <unistd.h>
#include "test.h"
#include "stdio_test.h"

int __uflow(FILE *);
int __underflow(FILE *);
int __overflow(FILE *, int);

/* Through pointers, so the compiler cannot use the inline forms. */
static size_t (*volatile fwrite_u)(const void *, size_t, size_t, FILE *) = fwrite_unlocked;
static size_t (*volatile fread_u)(void *, size_t, size_t, FILE *) = fread_unlocked;
static int (*volatile fputs_u)(const char *, FILE *) = fputs_unlocked;
static char *(*volatile fgets_u)(char *, int, FILE *) = fgets_unlocked;
static int (*volatile fflush_u)(FILE *) = fflush_unlocked;
static int (*volatile fileno_u)(FILE *) = fileno_unlocked;
static int (*volatile feof_u)(FILE *) = feof_unlocked;
static int (*volatile ferror_u)(FILE *) = ferror_unlocked;
static int (*volatile fgetc_u)(FILE *) = fgetc_unlocked;
static int (*volatile fputc_u)(int, FILE *) = fputc_unlocked;

int main(void)
{
    FILE *f = tmpfile();
    T_CHECK(fileno_u(f) > 2);
    T_EQ(fwrite_u("abc", 1, 3, f), 3);
    T_EQ(fputs_u("def\n", f), 1);
    T_EQ(fputc_u('g', f), 'g');
    T_EQ(__overflow(f, 'h'), 'h');
    T_EQ(__fpending(f), 9);
    T_EQ(__overflow(f, EOF), 0); /* EOF: only flushes */
    T_EQ(__fpending(f), 0);
    T_EQ(fflush_u(f), 0);
    rewind(f);
    char buf[16];
    T_EQ(__underflow(f), 'a'); /* peeks */
    T_EQ(__uflow(f), 'a');     /* consumes */
    T_EQ(fread_u(buf, 1, 2, f), 2);
    T_CHECK(fgets_u(buf, sizeof buf, f) == buf);
    T_CHECK(streq(buf, "def\n"));
    T_EQ(fgetc_u(f), 'g');
    T_EQ(__uflow(f), 'h');
    T_EQ(__uflow(f), EOF);
    T_CHECK(feof_u(f));
    T_EQ(__underflow(f), EOF);
    T_CHECK(!ferror_u(f));
    T_EQ(fclose(f), 0);

    /* The descriptor closed under the stream: the write fails at the flush. */
    f = fopen("unlocked-test.tmp", "w");
    T_EQ(close(fileno(f)), 0);
    T_EQ(fputs("lost", f), 1); /* buffered */
    errno = 0;
    T_EQ(fflush(f), EOF);
    T_EQ(errno, EBADF);
    T_CHECK(ferror(f));
    errno = 0;
    T_EQ(fclose(f), EOF);
    T_EQ(errno, EBADF);
    /* Reading from one. */
    f = fopen("unlocked-test.tmp", "r");
    T_EQ(close(fileno(f)), 0);
    errno = 0;
    T_EQ(getc(f), EOF);
    T_EQ(errno, EBADF);
    T_CHECK(ferror(f) && !feof(f));
    fclose(f);
    remove("unlocked-test.tmp");
    return t_status();
}
