// cflags: -fno-builtin
/* stdio and stdlib names that glibc's headers or old binaries reach without the plain name:
 * the C99 scanf family under its __isoc99_ names, the *64 names of large-file builds,
 * puts and vdprintf, and __posix_getopt (getopt without GNU argument permutation). */
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "test.h"

int __isoc99_fscanf(FILE *f, const char *fmt, ...);
int __isoc99_scanf(const char *fmt, ...);
int __isoc99_vfscanf(FILE *f, const char *fmt, va_list ap);
int __isoc99_vscanf(const char *fmt, va_list ap);
int __isoc99_vsscanf(const char *s, const char *fmt, va_list ap);
FILE *freopen64(const char *path, const char *mode, FILE *f);
int mkstemp64(char *template);
int mkostemp64(char *template, int flags);
int __posix_getopt(int argc, char *const argv[], const char *opts);

static int vfscanf_of(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __isoc99_vfscanf(f, fmt, ap);
    va_end(ap);
    return r;
}

static int vscanf_of(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __isoc99_vscanf(fmt, ap);
    va_end(ap);
    return r;
}

static int vsscanf_of(const char *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __isoc99_vsscanf(s, fmt, ap);
    va_end(ap);
    return r;
}

static int vdprintf_of(int fd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vdprintf(fd, fmt, ap);
    va_end(ap);
    return r;
}

/* Replaces standard input with a file holding text. */
static void stdin_from(const char *text)
{
    FILE *f = tmpfile();
    fputs(text, f);
    fflush(f);
    int fd = dup(fileno(f));
    lseek(fd, 0, SEEK_SET);
    dup2(fd, 0);
    close(fd);
    fclose(f);
    clearerr(stdin);
}

int main(void)
{
    int a = 0, b = 0;
    char word[8] = "";

    FILE *f = tmpfile();
    T_CHECK(f != NULL);
    fputs("7 eight 9.5 x", f);
    rewind(f);
    double d = 0;
    T_EQ(__isoc99_fscanf(f, "%d %7s", &a, word), 2);
    T_EQ(a, 7);
    T_EQ(strcmp(word, "eight"), 0);
    T_EQ(vfscanf_of(f, "%lf", &d), 1);
    T_CHECK(d == 9.5);
    /* A matching failure: 0 conversions; then end of input: EOF. */
    T_EQ(vfscanf_of(f, "%d", &a), 0);
    T_EQ(__isoc99_fscanf(f, "%*s"), 0);
    T_EQ(__isoc99_fscanf(f, "%d", &a), EOF);
    fclose(f);

    /* C99 mode: %a is a float conversion, not GNU's allocating modifier. */
    float x = 0;
    T_EQ(vsscanf_of("0x1.8p1", "%a", &x), 1);
    T_CHECK(x == 3.0f);
    T_EQ(vsscanf_of("12,34", "%d,%d", &a, &b), 2);
    T_EQ(a * 100 + b, 1234);
    T_EQ(vsscanf_of("", "%d", &a), EOF);

    stdin_from("41 42\n43");
    T_EQ(__isoc99_scanf("%d", &a), 1);
    T_EQ(a, 41);
    T_EQ(vscanf_of("%d %d", &a, &b), 2);
    T_EQ(a + b, 85);
    T_EQ(vscanf_of("%d", &a), EOF);

    /* freopen64 reopens a stream on another file; a bad mode fails with EINVAL. */
    char path[] = "/tmp/rustcrt-aliases-XXXXXX";
    int fd = mkstemp64(path);
    T_CHECK(fd >= 0);
    T_EQ(write(fd, "reopened\n", 9), 9);
    close(fd);
    FILE *g = tmpfile();
    T_CHECK(freopen64(path, "r", g) == g);
    T_CHECK(fgets(word, sizeof word, g) != NULL);
    T_EQ(strcmp(word, "reopene"), 0);
    fclose(g);
    g = tmpfile();
    errno = 0;
    T_CHECK(freopen64(path, "q", g) == NULL);
    T_EQ(errno, EINVAL);
    T_EQ(unlink(path), 0);

    /* mkstemp64 and mkostemp64: six Xs replaced, the file created 0600; a template without
     * XXXXXX fails with EINVAL. */
    char t2[] = "/tmp/rustcrt-aliases-XXXXXX";
    fd = mkostemp64(t2, O_CLOEXEC);
    T_CHECK(fd >= 0);
    T_CHECK(strcmp(t2 + 21, "XXXXXX") != 0);
    T_EQ(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    struct stat st;
    T_EQ(fstat(fd, &st), 0);
    T_EQ(st.st_mode & 0777, 0600);
    close(fd);
    T_EQ(unlink(t2), 0);
    char bad[] = "/tmp/no-template";
    T_ERRNO(mkstemp64(bad), EINVAL);
    char bad2[] = "/tmp/shortXXXXX";
    T_ERRNO(mkostemp64(bad2, 0), EINVAL);

    /* puts adds the newline; a write error gives EOF. */
    T_CHECK(puts("puts line") >= 0);
    fflush(stdout);
    int p[2];
    T_EQ(pipe(p), 0);
    T_EQ(vdprintf_of(p[1], "%s=%03d", "v", 7), 5);
    char buf[8] = "";
    T_EQ(read(p[0], buf, sizeof buf), 5);
    T_EQ(memcmp(buf, "v=007", 5), 0);
    close(p[0]);
    close(p[1]);
    T_EQ(vdprintf_of(p[1], "x"), -1);
    T_EQ(errno, EBADF);
    /* Unbuffered, so that the write happens (and fails) inside puts. */
    setvbuf(stdout, NULL, _IONBF, 0);
    int saved = dup(1);
    close(1);
    int r = puts("lost");
    dup2(saved, 1);
    close(saved);
    T_EQ(r, EOF);
    T_CHECK(ferror(stdout));
    clearerr(stdout);

    /* __posix_getopt stops at the first non-option instead of permuting. */
    char *argv[] = {"prog", "-a", "file", "-b", NULL};
    optind = 1;
    opterr = 0;
    T_EQ(__posix_getopt(4, argv, "ab"), 'a');
    T_EQ(__posix_getopt(4, argv, "ab"), -1);
    T_EQ(optind, 2);
    T_EQ(strcmp(argv[2], "file"), 0);
    char *argv2[] = {"prog", "-z", NULL};
    optind = 1;
    T_EQ(__posix_getopt(2, argv2, "ab"), '?');
    T_EQ(optopt, 'z');
    return t_status();
}
