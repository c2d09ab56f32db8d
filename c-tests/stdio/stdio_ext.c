/* <stdio_ext.h>: __freadable, __fwritable, __flbf, __fbufsize, __fpurge, _flushlbf, with
 * __freading/__fwriting/__fpending on streams of each mode. */
#include <stdio.h>
#include <stdio_ext.h>
#include "test.h"
#include "stdio_test.h"

static const char *path = "stdio-ext-test.tmp";

int main(void)
{
    FILE *w = fopen(path, "w");
    FILE *r = fopen("/dev/null", "r");
    FILE *rw = tmpfile();
    T_CHECK(!__freadable(w) && __fwritable(w));
    T_CHECK(__freadable(r) && !__fwritable(r));
    T_CHECK(__freadable(rw) && __fwritable(rw));
    T_CHECK(__freading(r) && !__fwriting(r));
    T_CHECK(__fwriting(w) && !__freading(w));
    T_EQ(__fbufsize(w), 0); /* no buffer before the first I/O */
    T_EQ(fputc('x', w), 'x');
    T_CHECK(__fbufsize(w) > 0);
    T_CHECK(!__flbf(w));

    /* __fpurge drops pending output. */
    T_EQ(fputs("dropped", w), 1);
    T_EQ(__fpending(w), 8);
    __fpurge(w);
    T_EQ(__fpending(w), 0);
    T_EQ(fputs("kept", w), 1);
    T_EQ(fflush(w), 0);
    T_EQ(file_size(path), 4);

    /* _flushlbf flushes line-buffered streams only. */
    setvbuf(rw, NULL, _IOLBF, 0);
    T_EQ(fputs("partial", rw), 1);
    T_CHECK(__flbf(rw));
    T_EQ(fputs("more", w), 1);
    T_EQ(__fpending(rw), 7);
    _flushlbf();
    T_EQ(__fpending(rw), 0);
    T_EQ(__fpending(w), 4);
    /* __fpurge drops read-ahead too. */
    rewind(rw);
    T_EQ(getc(rw), 'p');
    __fpurge(rw);
    T_CHECK(__freading(rw));
    fclose(w);
    fclose(r);
    fclose(rw);
    T_EQ(file_size(path), 8);
    remove(path);
    return t_status();
}
