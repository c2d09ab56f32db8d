/* Byte I/O: getc/fgetc/putc/fputc and their _unlocked forms (also as glibc's inline
 * expansions, which read the FILE's pointers and call __uflow/__overflow), ungetc (also at
 * end of file), sticky end of file, and fgets's edge cases. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "stdio_test.h"

static const char *path = "getc-test.tmp";

/* Through a function pointer: the real exported functions, not the inline ones. */
static int (*volatile getc_fn)(FILE *) = getc_unlocked;
static int (*volatile putc_fn)(int, FILE *) = putc_unlocked;

int main(void)
{
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 10000; i++)
        T_EQ(putc_unlocked('a' + i % 26, f), 'a' + i % 26);
    T_EQ(fputc_unlocked('\n', f), '\n');
    T_EQ(putc_fn(0x1ff, f), 0xff); /* stored as unsigned char */
    T_EQ(fputc(-2, f), 0xfe);
    T_EQ(putc('z', f), 'z');
    T_EQ(fclose(f), 0);

    f = fopen(path, "r");
    int ok = 1;
    for (int i = 0; i < 10000; i++)
        ok &= getc_unlocked(f) == 'a' + i % 26;
    T_CHECK(ok);
    T_EQ(fgetc_unlocked(f), '\n');
    T_EQ(getc_fn(f), 0xff);
    T_EQ(fgetc(f), 0xfe);
    T_EQ(getc(f), 'z');
    T_CHECK(!feof(f) && !feof_unlocked(f));
    T_EQ(getc(f), EOF);
    T_CHECK(feof(f) && feof_unlocked(f));
    T_CHECK(!ferror(f) && !ferror_unlocked(f));
    /* End of file is sticky until cleared. */
    T_EQ(getc_unlocked(f), EOF);
    /* ungetc at end of file clears the indicator and gives the byte back. */
    T_EQ(ungetc('Q', f), 'Q');
    T_CHECK(!feof(f));
    T_EQ(getc(f), 'Q');
    T_EQ(getc(f), EOF);
    T_EQ(ungetc(EOF, f), EOF);
    T_CHECK(feof(f));
    clearerr_unlocked(f);
    T_CHECK(!feof(f));

    /* ungetc of a different byte, and the position moves back by one. */
    rewind(f);
    T_EQ(getc(f), 'a');
    T_EQ(getc(f), 'b');
    T_EQ(ftell(f), 2);
    T_EQ(ungetc('X', f), 'X');
    T_EQ(ftell(f), 1);
    T_EQ(getc(f), 'X');
    T_EQ(getc(f), 'c');
    /* A seek drops pushed-back bytes. */
    T_EQ(ungetc('Y', f), 'Y');
    T_EQ(fseek(f, 0, SEEK_SET), 0);
    T_EQ(getc(f), 'a');
    /* ungetc before anything was read. */
    rewind(f);
    T_EQ(ungetc('W', f), 'W');
    T_EQ(getc(f), 'W');
    T_EQ(getc(f), 'a');

    /* fgets: lines, a too-small buffer, n == 1, n <= 0, the last line without newline. */
    rewind(f);
    char buf[16];
    T_CHECK(fgets(buf, sizeof buf, f) == buf);
    T_EQ(strlen(buf), 15);
    T_CHECK(memcmp(buf, "abcdefghijklmno", 15) == 0);
    T_CHECK(fgets(buf, 1, f) == buf);
    T_EQ(buf[0], 0);
    T_CHECK(fgets(buf, 0, f) == NULL);
    T_CHECK(fgets_unlocked(buf, 2, f) == buf);
    T_CHECK(streq(buf, "p"));
    T_EQ(fclose(f), 0);

    f = fopen(path, "w+");
    fputs("one\ntwo\nlast", f);
    rewind(f);
    T_CHECK(fgets(buf, sizeof buf, f) != NULL);
    T_CHECK(streq(buf, "one\n"));
    T_CHECK(fgets(buf, sizeof buf, f) != NULL);
    T_CHECK(streq(buf, "two\n"));
    T_CHECK(fgets(buf, sizeof buf, f) != NULL);
    T_CHECK(streq(buf, "last"));
    T_CHECK(feof(f));
    T_CHECK(fgets(buf, sizeof buf, f) == NULL);
    T_CHECK(streq(buf, "last")); /* untouched at end of file */
    T_EQ(fclose(f), 0);

    /* getchar/putchar on the standard streams: stdin is /dev/null-like (empty). */
    T_EQ(putchar('o'), 'o');
    T_EQ(putchar_unlocked('k'), 'k');
    T_EQ(putc('\n', stdout), '\n');
    T_EQ(getchar(), EOF);
    T_EQ(getchar_unlocked(), EOF);
    T_CHECK(feof(stdin));
    remove(path);
    return t_status();
}
