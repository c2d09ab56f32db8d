/* fopen's modes (r, w, a, +, x, e, b and ignored letters), fclose, fileno, fread and
 * fwrite on files, and the errors: a missing file, a bad mode, O_EXCL, reading a write-only
 * stream and writing a read-only one. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "test.h"
#include "stdio_test.h"

static const char *path = "fopen-test.tmp";

/* The open flags of a descriptor, from /proc/self/fdinfo (no fcntl needed). */
static long fd_flags(int fd)
{
    char name[64] = "/proc/self/fdinfo/", line[128];
    char digits[16], *p = digits + sizeof digits;
    *--p = 0;
    do
        *--p = (char)('0' + fd % 10);
    while (fd /= 10);
    memcpy(name + 18, p, strlen(p) + 1);
    FILE *f = fopen(name, "r");
    long flags = -1;
    while (f && fgets(line, sizeof line, f))
        if (memcmp(line, "flags:", 6) == 0) {
            flags = 0;
            for (char *c = line + 6; *c; c++)
                if (*c >= '0' && *c <= '7')
                    flags = flags * 8 + (*c - '0');
        }
    if (f)
        fclose(f);
    return flags;
}

int main(void)
{
    char buf[64];
    remove(path);

    /* "r" on a missing file, bad modes. */
    errno = 0;
    T_CHECK(fopen(path, "r") == NULL);
    T_EQ(errno, ENOENT);
    errno = 0;
    T_CHECK(fopen(path, "z") == NULL);
    T_EQ(errno, EINVAL);
    errno = 0;
    T_CHECK(fopen(path, "") == NULL);
    T_EQ(errno, EINVAL);
    errno = 0;
    T_CHECK(fopen("no/such/dir/x", "w") == NULL);
    T_EQ(errno, ENOENT);

    /* "w" creates and truncates; fwrite returns whole items. */
    FILE *f = fopen(path, "w");
    T_CHECK(f != NULL);
    T_CHECK(fileno(f) > 2);
    T_EQ(fwrite("0123456789", 2, 5, f), 5);
    T_EQ(fwrite("x", 0, 5, f), 0);
    T_EQ(fwrite("x", 1, 0, f), 0);
    /* Reading a write-only stream fails with EBADF and sets the error indicator. */
    errno = 0;
    T_EQ(fgetc(f), EOF);
    T_EQ(errno, EBADF);
    T_CHECK(ferror(f));
    T_CHECK(!feof(f));
    clearerr(f);
    T_CHECK(!ferror(f));
    T_EQ(fclose(f), 0);
    T_EQ(file_size(path), 10);

    /* "r": reads back; writing fails with EBADF. */
    f = fopen(path, "rb");
    T_CHECK(f != NULL);
    memset(buf, 0, sizeof buf);
    T_EQ(fread(buf, 1, 4, f), 4);
    T_CHECK(memcmp(buf, "0123", 4) == 0);
    T_EQ(fread(buf, 4, 2, f), 1); /* 6 bytes left: one whole item of 4 */
    T_CHECK(feof(f));
    errno = 0;
    T_EQ(fputc('x', f), EOF);
    T_EQ(errno, EBADF);
    T_CHECK(ferror(f));
    errno = 0;
    T_EQ(fwrite("abc", 1, 3, f), 0);
    T_EQ(errno, EBADF);
    T_EQ(fclose(f), 0);

    /* "a" appends even after a seek; "a+" reads from the start. */
    f = fopen(path, "a");
    T_CHECK(f != NULL);
    T_EQ(fseek(f, 0, SEEK_SET), 0);
    T_EQ(fputs("AB", f), 1);
    T_EQ(fclose(f), 0);
    T_EQ(file_size(path), 12);
    f = fopen(path, "a+");
    T_EQ(fread(buf, 1, 3, f), 3);
    T_CHECK(memcmp(buf, "012", 3) == 0);
    T_EQ(fputc('C', f), 'C');
    T_EQ(fclose(f), 0);
    T_EQ(file_size(path), 13);

    /* "r+" writes in place; "w+" truncates and reads back. */
    f = fopen(path, "r+");
    T_EQ(fputs("zz", f), 1);
    T_EQ(fseek(f, 0, SEEK_SET), 0);
    T_EQ(fgetc(f), 'z');
    T_EQ(fgetc(f), 'z');
    T_EQ(fgetc(f), '2');
    /* Switching from reading to writing without a seek (glibc allows it). */
    T_EQ(fputc('#', f), '#');
    T_EQ(fseek(f, 0, SEEK_SET), 0);
    T_EQ(fread(buf, 1, 5, f), 5);
    T_CHECK(memcmp(buf, "zz2#4", 5) == 0);
    T_EQ(fclose(f), 0);
    f = fopen(path, "w+");
    T_EQ(fgetc(f), EOF);
    T_CHECK(feof(f));
    T_EQ(fputs("new", f), 1);
    rewind(f);
    T_CHECK(!feof(f));
    T_EQ(fread(buf, 1, sizeof buf, f), 3);
    T_EQ(fclose(f), 0);

    /* "x" refuses an existing file; "e" sets close-on-exec; unknown letters are ignored. */
    errno = 0;
    T_CHECK(fopen(path, "wx") == NULL);
    T_EQ(errno, EEXIST);
    f = fopen(path, "re");
    T_CHECK(f != NULL);
    T_CHECK(fd_flags(fileno(f)) & O_CLOEXEC);
    fclose(f);
    f = fopen(path, "rqm");
    T_CHECK(f != NULL);
    T_EQ(fd_flags(fileno(f)) & O_CLOEXEC, 0);
    T_CHECK(fd_flags(fileno(f)) >= 0);
    fclose(f);
    remove(path);
    f = fopen(path, "wx");
    T_CHECK(f != NULL);
    fclose(f);

    /* A large write goes around the buffer and still lands in order. */
    static char big[100000];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (char)('a' + i % 26);
    f = fopen(path, "w+");
    T_EQ(fputc('<', f), '<');
    T_EQ(fwrite(big, 1, sizeof big, f), sizeof big);
    T_EQ(fputc('>', f), '>');
    rewind(f);
    static char back[100002];
    T_EQ(fread(back, 1, sizeof back, f), sizeof back);
    T_CHECK(back[0] == '<' && back[sizeof back - 1] == '>');
    T_CHECK(memcmp(back + 1, big, sizeof big) == 0);
    T_EQ(fclose(f), 0);

    /* fileno of the standard streams. */
    T_EQ(fileno(stdin), 0);
    T_EQ(fileno(stdout), 1);
    T_EQ(fileno(stderr), 2);
    T_EQ(fopen64(path, "r") != NULL, 1);
    remove(path);
    return t_status();
}
