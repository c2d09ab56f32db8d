/* Buffering: full buffering holds output until the buffer fills or a flush, line buffering
 * flushes at each newline, unbuffered streams write at once; setvbuf (and setbuf, setbuffer,
 * setlinebuf) with the stream's own buffer or the caller's, and EINVAL for a bad mode;
 * __fpending, __freading, __fwriting; fflush(NULL) flushes every stream. */
#include <errno.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>
#include "test.h"
#include "stdio_test.h"

static const char *path = "buffering-test.tmp";

int main(void)
{
    /* A file is fully buffered by default. */
    FILE *f = fopen(path, "w");
    T_EQ(fputs("line\n", f), 1);
    T_EQ(__fpending(f), 5);
    T_CHECK(__fwriting(f));
    T_CHECK(!__freading(f));
    T_EQ(file_size(path), 0);
    T_EQ(fflush(f), 0);
    T_EQ(__fpending(f), 0);
    T_EQ(file_size(path), 5);

    T_EQ(fclose(f), 0);

    /* Line buffered: flushed at the newline. (setvbuf is called on fresh streams only: after
     * I/O, POSIX leaves its effect undefined and glibc applies it late.) */
    f = fopen(path, "a");
    T_EQ(setvbuf(f, NULL, _IOLBF, 0), 0);
    T_EQ(fputs("ab", f), 1);
    T_EQ(putc('c', f), 'c');
    T_EQ(file_size(path), 5);
    T_EQ(putc('\n', f), '\n');
    T_EQ(file_size(path), 9);
    T_EQ(fwrite("x\ny", 1, 3, f), 3); /* up to the last newline goes out */
    T_EQ(file_size(path), 11);
    T_EQ(fclose(f), 0);
    T_EQ(file_size(path), 12);

    /* Unbuffered: every write goes out at once. */
    f = fopen(path, "a");
    T_EQ(setvbuf(f, NULL, _IONBF, 0), 0);
    T_EQ(putc('u', f), 'u');
    T_EQ(file_size(path), 13);
    T_EQ(fputs("vw", f), 1);
    T_EQ(file_size(path), 15);
    T_EQ(__fpending(f), 0);
    T_EQ(fclose(f), 0);

    /* The caller's buffer: output waits in it until it fills. (glibc writes around buffers
     * under 128 bytes, so this one is bigger.) */
    static char mine[200];
    f = fopen(path, "a");
    T_EQ(setvbuf(f, mine, _IOFBF, sizeof mine), 0);
    static char block[150];
    memset(block, '.', sizeof block);
    T_EQ(fputs("1234567", f), 1);
    T_EQ(file_size(path), 15);
    T_CHECK(memcmp(mine, "1234567", 7) == 0);
    T_EQ(fwrite(block, 1, sizeof block, f), sizeof block);
    T_EQ(file_size(path), 15);
    T_EQ(fwrite(block, 1, sizeof block, f), sizeof block);
    T_CHECK(file_size(path) >= 15 + 200);
    T_EQ(fflush(f), 0);
    T_EQ(file_size(path), 15 + 307);
    T_EQ(fclose(f), 0);

    /* Bad modes. */
    f = fopen(path, "a");
    T_CHECK(setvbuf(f, NULL, 7, 0) != 0);
    T_CHECK(setvbuf(f, NULL, -1, 0) != 0);
    T_EQ(fclose(f), 0);

    /* setbuf(NULL), setbuf, setbuffer, setlinebuf. */
    f = fopen(path, "a");
    setbuf(f, NULL);
    T_EQ(putc('n', f), 'n');
    T_EQ(file_size(path), 323);
    T_EQ(fclose(f), 0);
    static char big[BUFSIZ];
    f = fopen(path, "a");
    setbuf(f, big);
    T_EQ(putc('b', f), 'b');
    T_EQ(file_size(path), 323);
    T_EQ(big[0], 'b');
    T_EQ(fclose(f), 0);
    T_EQ(file_size(path), 324);
    f = fopen(path, "a");
    setbuffer(f, mine, 150);
    T_EQ(fputs("abc", f), 1);
    T_EQ(file_size(path), 324);
    T_EQ(mine[0], 'a');
    T_EQ(fclose(f), 0);
    T_EQ(file_size(path), 327);
    f = fopen(path, "a");
    setlinebuf(f);
    T_EQ(fputs("y", f), 1);
    T_EQ(file_size(path), 327);
    T_EQ(fputs("z\n", f), 1);
    T_EQ(file_size(path), 330);

    /* fflush(NULL) flushes every stream with output. */
    FILE *g = fopen(path, "a");
    FILE *h = fopen(path, "a");
    T_EQ(fputs("G", g), 1);
    T_EQ(fputs("H", h), 1);
    T_EQ(file_size(path), 330);
    T_EQ(fflush(NULL), 0);
    T_EQ(file_size(path), 332);
    T_EQ(fclose(g), 0);
    T_EQ(fclose(h), 0);
    T_EQ(fclose(f), 0);

    /* A read stream: reading, __freading. */
    f = fopen(path, "r+");
    T_EQ(getc(f), 'l');
    T_CHECK(__freading(f));
    T_CHECK(!__fwriting(f));
    T_EQ(__fpending(f), 0);
    /* fflush on an input stream gives the read-ahead back to the file. */
    T_EQ(fflush(f), 0);
    T_EQ(ftell(f), 1);
    T_EQ(getc(f), 'i');
    T_EQ(fclose(f), 0);

    /* The standard streams: stderr is unbuffered, stdout is not (here it is a pipe). */
    T_EQ(fputs("to stdout\n", stdout), 1);
    T_EQ(__fpending(stdout), 10);
    T_EQ(fputs("", stderr), 1);
    T_EQ(__fpending(stderr), 0);
    T_EQ(fflush(stdout), 0);
    remove(path);
    return t_status();
}
