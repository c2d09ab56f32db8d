/* fdopen on open descriptors (access modes must agree: EINVAL; a closed descriptor: EBADF;
 * "a" sets O_APPEND), freopen (to another file, keeping the descriptor number; with a null
 * path, the same file in a new mode; a failed open closes the stream), tmpfile, remove,
 * rename. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "test.h"
#include "stdio_test.h"

static const char *path = "fdopen-test.tmp";
static const char *other = "fdopen-other.tmp";

static int slurp(const char *name, char *out, int n)
{
    FILE *f = fopen(name, "r");
    if (!f)
        return -1;
    int got = (int)fread(out, 1, (size_t)n - 1, f);
    out[got] = 0;
    fclose(f);
    return got;
}

int main(void)
{
    char buf[64];
    remove(path);
    remove(other);

    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    T_CHECK(fd >= 0);
    FILE *f = fdopen(fd, "w");
    T_CHECK(f != NULL);
    T_EQ(fileno(f), fd);
    T_EQ(fputs("hello", f), 1);
    T_EQ(fclose(f), 0);
    T_ERRNO(close(fd), EBADF); /* fclose closed it */
    errno = 0;
    T_CHECK(fdopen(fd, "r") == NULL);
    T_EQ(errno, EBADF);
    errno = 0;
    T_CHECK(fdopen(-1, "r") == NULL);
    T_EQ(errno, EBADF);

    /* The mode must not want more access than the descriptor has. */
    fd = open(path, O_RDONLY);
    errno = 0;
    T_CHECK(fdopen(fd, "w") == NULL);
    T_EQ(errno, EINVAL);
    errno = 0;
    T_CHECK(fdopen(fd, "r+") == NULL);
    T_EQ(errno, EINVAL);
    errno = 0;
    T_CHECK(fdopen(fd, "k") == NULL);
    T_EQ(errno, EINVAL);
    f = fdopen(fd, "r");
    T_CHECK(fgets(buf, sizeof buf, f) != NULL);
    T_CHECK(streq(buf, "hello"));
    T_EQ(fclose(f), 0);

    /* "a" makes writes append even on a descriptor opened without O_APPEND. */
    fd = open(path, O_WRONLY);
    f = fdopen(fd, "a");
    T_EQ(fputs("!", f), 1);
    T_EQ(fclose(f), 0);
    T_EQ(slurp(path, buf, sizeof buf), 6);
    T_CHECK(streq(buf, "hello!"));

    /* freopen onto another file keeps the descriptor number. */
    f = fopen(path, "r");
    int old = fileno(f);
    T_EQ(getc(f), 'h');
    FILE *g = freopen(other, "w", f);
    T_CHECK(g == f);
    T_EQ(fileno(g), old);
    T_CHECK(!feof(g));
    T_EQ(fputs("other", g), 1);
    /* A null path reopens the same file with a new mode. */
    g = freopen(NULL, "r", g);
    T_CHECK(g == f);
    T_EQ(fileno(g), old);
    T_CHECK(fgets(buf, sizeof buf, g) != NULL);
    T_CHECK(streq(buf, "other"));
    /* A failed open closes the stream. */
    errno = 0;
    T_CHECK(freopen("no/such/dir/file", "r", g) == NULL);
    T_EQ(errno, ENOENT);
    T_ERRNO(close(old), EBADF);

    /* freopen of stdout: descriptor 1 now writes to the file. */
    T_CHECK(freopen(path, "w", stdout) == stdout);
    T_EQ(fileno(stdout), 1);
    T_EQ(fputs("via stdout", stdout), 1);
    T_EQ(fflush(stdout), 0);
    T_EQ(write(1, "+fd1", 4), 4);
    T_EQ(slurp(path, buf, sizeof buf), 14);
    T_CHECK(streq(buf, "via stdout+fd1"));

    /* tmpfile: read-write, nameless. */
    f = tmpfile();
    T_CHECK(f != NULL);
    T_EQ(fputs("temporary", f), 1);
    rewind(f);
    T_CHECK(fgets(buf, sizeof buf, f) != NULL);
    T_CHECK(streq(buf, "temporary"));
    T_EQ(fclose(f), 0);
    f = tmpfile64();
    T_CHECK(f != NULL);
    T_EQ(fclose(f), 0);

    /* rename and remove, and their errors. */
    T_EQ(rename(path, other), 0);
    T_ERRNO(rename(path, other), ENOENT);
    T_EQ(slurp(other, buf, sizeof buf), 14);
    T_ERRNO(remove(path), ENOENT);
    T_EQ(remove(other), 0);
    T_ERRNO(remove(other), ENOENT);
    T_ERRNO(remove(""), ENOENT);
    return t_status();
}
