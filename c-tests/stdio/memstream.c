/* open_memstream: the buffer and size after fflush and fclose, growth, seeks (back, and past
 * the end: zeros; before the start: EINVAL). The caller frees the buffer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "stdio_test.h"

int main(void)
{
    char *buf = NULL;
    size_t size = 99;
    FILE *f = open_memstream(&buf, &size);
    T_CHECK(f != NULL);
    T_EQ(fflush(f), 0);
    T_CHECK(buf != NULL);
    T_EQ(size, 0);
    T_CHECK(streq(buf, ""));

    T_EQ(fputs("hello", f), 1);
    T_EQ(fflush(f), 0);
    T_EQ(size, 5);
    T_CHECK(streq(buf, "hello"));

    /* Growth well past any first allocation. */
    for (int i = 0; i < 10000; i++)
        T_EQ(fputc('0' + i % 10, f), '0' + i % 10);
    T_EQ(fflush(f), 0);
    T_EQ(size, 10005);
    T_EQ(buf[5], '0');
    T_EQ(buf[10004], '9');
    T_EQ(buf[10005], 0);
    T_EQ(ftell(f), 10005);

    /* Seeking back: the size follows the position; writes overwrite. */
    T_EQ(fseek(f, 2, SEEK_SET), 0);
    T_EQ(fputs("LL", f), 1);
    T_EQ(fflush(f), 0);
    T_EQ(size, 4);
    T_CHECK(memcmp(buf, "heLLo", 5) == 0);
    T_ERRNO(fseek(f, -1, SEEK_SET), EINVAL);
    /* Nothing to read. */
    T_EQ(fgetc(f), EOF);
    T_EQ(fclose(f), 0);
    free(buf);

    /* Past the end: the gap is zeros. */
    f = open_memstream(&buf, &size);
    T_EQ(fputs("ab", f), 1);
    T_EQ(fseek(f, 4, SEEK_SET), 0);
    T_EQ(fputs("cd", f), 1);
    T_EQ(fclose(f), 0);
    T_EQ(size, 6);
    T_CHECK(memcmp(buf, "ab\0\0cd", 7) == 0);
    free(buf);

    return t_status();
}
