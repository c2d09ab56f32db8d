/* fmemopen: reading a fixed buffer, writing within its bounds (the NUL after the contents,
 * failing when full), append mode starting at the first NUL, w+ truncation, seeks limited to
 * the buffer (EINVAL beyond), and a buffer of its own when given NULL. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "stdio_test.h"

int main(void)
{
    char buf[16];

    /* "r": the whole buffer is the contents. */
    memcpy(buf, "hello\0world", 12);
    FILE *f = fmemopen(buf, 11, "r");
    T_CHECK(f != NULL);
    T_EQ(fileno(f), -1);
    char out[32] = {0};
    T_EQ(fread(out, 1, sizeof out, f), 11);
    T_CHECK(memcmp(out, "hello\0world", 11) == 0);
    T_CHECK(feof(f));
    T_EQ(fseek(f, -5, SEEK_END), 0);
    T_EQ(fgetc(f), 'w');
    T_ERRNO(fseek(f, 12, SEEK_SET), EINVAL);
    T_ERRNO(fseek(f, -1, SEEK_SET), EINVAL);
    T_EQ(fseek(f, 11, SEEK_SET), 0);
    T_EQ(fputc('x', f), EOF); /* read-only */
    T_CHECK(ferror(f));
    T_EQ(fclose(f), 0);

    /* "w": writes are visible after fflush, followed by a NUL. */
    memset(buf, '#', sizeof buf);
    f = fmemopen(buf, sizeof buf, "w");
    T_CHECK(f != NULL);
    T_EQ(buf[0], '#'); /* plain "w" does not truncate the caller's buffer */
    T_EQ(fputs("abc", f), 1);
    T_EQ(fflush(f), 0);
    T_CHECK(streq(buf, "abc"));
    T_EQ(ftell(f), 3);
    T_EQ(fseek(f, 1, SEEK_SET), 0);
    T_EQ(fputc('B', f), 'B');
    T_EQ(fflush(f), 0);
    T_CHECK(streq(buf, "aBc"));
    /* Filling the buffer: the write is cut at the end and the flush fails. */
    T_EQ(fseek(f, 0, SEEK_END), 0);
    T_EQ(ftell(f), 3);
    T_EQ(fwrite("0123456789abcdefXYZ", 1, 19, f), 19); /* buffered */
    T_EQ(fflush(f), EOF);
    T_CHECK(ferror(f));
    T_CHECK(memcmp(buf, "aBc0123456789ab", 15) == 0);
    T_EQ(buf[15], 0); /* no room for a NUL after: the last byte became one */
    fclose(f);

    /* "w+": truncates; reads see what was written. */
    memcpy(buf, "old contents", 13);
    f = fmemopen(buf, sizeof buf, "w+");
    T_EQ(buf[0], 0);
    T_EQ(fgetc(f), EOF);
    T_EQ(fputs("new", f), 1);
    rewind(f);
    T_CHECK(fgets(out, sizeof out, f) != NULL);
    T_CHECK(streq(out, "new"));
    fclose(f);

    /* "a": starts at the first NUL; writes go to the end. */
    memset(buf, 0, sizeof buf);
    memcpy(buf, "ab", 2);
    f = fmemopen(buf, sizeof buf, "a+");
    T_EQ(ftell(f), 2);
    T_EQ(fputs("cd", f), 1);
    T_EQ(fflush(f), 0);
    T_CHECK(streq(buf, "abcd"));
    rewind(f);
    T_EQ(fgetc(f), 'a');
    T_EQ(fputc('e', f), 'e');
    T_EQ(fflush(f), 0);
    T_CHECK(streq(buf, "abcde"));
    fclose(f);

    /* "r+": update in place within the contents. */
    memcpy(buf, "0123456789", 11);
    f = fmemopen(buf, 10, "r+");
    T_EQ(fseek(f, 4, SEEK_SET), 0);
    T_EQ(fputs("xy", f), 1);
    T_EQ(fclose(f), 0);
    T_CHECK(memcmp(buf, "0123xy6789", 10) == 0);

    /* NULL: a buffer of its own, of the given size. */
    f = fmemopen(NULL, 8, "w+");
    T_CHECK(f != NULL);
    T_EQ(fputs("1234", f), 1);
    rewind(f);
    T_EQ(fread(out, 1, sizeof out, f), 4);
    T_CHECK(memcmp(out, "1234", 4) == 0);
    T_ERRNO(fseek(f, 9, SEEK_SET), EINVAL);
    T_EQ(fseek(f, 8, SEEK_SET), 0);
    T_EQ(fclose(f), 0);

    /* Bad modes. */
    errno = 0;
    T_CHECK(fmemopen(buf, sizeof buf, "q") == NULL);
    T_EQ(errno, EINVAL);
    return t_status();
}
