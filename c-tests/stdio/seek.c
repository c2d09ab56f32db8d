/* Positions: fseek/fseeko/ftell/ftello/rewind/fgetpos/fsetpos (and the *64 names) with data
 * buffered for reading or writing, and the errors: EINVAL for a bad whence or a negative
 * position. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

static const char *path = "seek-test.tmp";

int main(void)
{
    FILE *f = fopen(path, "w+");
    T_CHECK(f != NULL);
    T_EQ(ftell(f), 0);
    T_EQ(fputs("0123456789", f), 1);
    T_EQ(ftell(f), 10); /* buffered, not yet written */
    T_EQ(fseek(f, 2, SEEK_SET), 0);
    T_EQ(ftell(f), 2);
    T_EQ(fgetc(f), '2');
    T_EQ(ftell(f), 3);
    T_EQ(fseek(f, 3, SEEK_CUR), 0);
    T_EQ(fgetc(f), '6');
    T_EQ(fseek(f, -1, SEEK_END), 0);
    T_EQ(fgetc(f), '9');
    T_EQ(fgetc(f), EOF);
    T_CHECK(feof(f));
    /* A seek clears end of file, and may go past the end. */
    T_EQ(fseeko(f, 12, SEEK_SET), 0);
    T_CHECK(!feof(f));
    T_EQ(ftello(f), 12);
    T_EQ(fputc('!', f), '!');
    T_EQ(fseek(f, 0, SEEK_END), 0);
    T_EQ(ftell(f), 13);
    T_EQ(fseek(f, 10, SEEK_SET), 0);
    T_EQ(fgetc(f), 0); /* the hole reads as zeros */

    /* Errors leave the position alone. */
    T_ERRNO(fseek(f, -1, SEEK_SET), EINVAL);
    T_ERRNO(fseek(f, 0, 42), EINVAL);
    T_ERRNO(fseek(f, -100, SEEK_CUR), EINVAL);
    T_EQ(ftell(f), 11);
    T_CHECK(!ferror(f));

    /* fgetpos/fsetpos round trip. */
    fpos_t pos;
    T_EQ(fseek(f, 4, SEEK_SET), 0);
    T_EQ(fgetpos(f, &pos), 0);
    T_EQ(fgetc(f), '4');
    T_EQ(fgetc(f), '5');
    T_EQ(fsetpos(f, &pos), 0);
    T_EQ(fgetc(f), '4');
    fpos64_t pos64;
    T_EQ(fgetpos64(f, &pos64), 0);
    T_EQ(fseeko64(f, 0, SEEK_SET), 0);
    T_EQ(ftello64(f), 0);
    T_EQ(fsetpos64(f, &pos64), 0);
    T_EQ(ftell(f), 5);

    /* rewind clears the error indicator too. */
    T_EQ(fclose(f), 0);
    f = fopen(path, "r");
    T_EQ(fputc('x', f), EOF);
    T_CHECK(ferror(f));
    rewind(f);
    T_CHECK(!ferror(f));
    T_EQ(ftell(f), 0);
    /* Reading, then seeking relative to the current position, counts the read-ahead. */
    T_EQ(fgetc(f), '0');
    T_EQ(fseek(f, 1, SEEK_CUR), 0);
    T_EQ(fgetc(f), '2');
    T_EQ(fclose(f), 0);

    /* Append mode: ftell after a buffered write counts from the end. */
    f = fopen(path, "a");
    T_EQ(fputs("ab", f), 1);
    T_EQ(ftell(f), 15);
    T_EQ(fclose(f), 0);

    remove(path);
    return t_status();
}
