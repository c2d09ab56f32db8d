/* Streams on a pipe: fseek/ftell fail with ESPIPE, fflush of the reading end keeps its
 * read-ahead (nothing to seek back to), a partial read stops at what the writer sent, and
 * end of file comes when the writer closes. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include "test.h"
#include "stdio_test.h"

int main(void)
{
    int fds[2];
    T_EQ(pipe(fds), 0);
    FILE *r = fdopen(fds[0], "r");
    FILE *w = fdopen(fds[1], "w");
    T_CHECK(r != NULL && w != NULL);
    T_ERRNO(fseek(r, 0, SEEK_SET), ESPIPE);
    T_ERRNO(ftell(r), ESPIPE);
    T_ERRNO(fseek(w, 0, SEEK_CUR), ESPIPE);

    T_EQ(fputs("first\nsecond\n", w), 1);
    T_EQ(fflush(w), 0);
    char buf[32];
    T_CHECK(fgets(buf, sizeof buf, r) != NULL);
    T_CHECK(streq(buf, "first\n"));
    T_EQ(fflush(r), 0); /* ESPIPE is ignored; the read-ahead stays */
    T_CHECK(fgets(buf, sizeof buf, r) != NULL);
    T_CHECK(streq(buf, "second\n"));

    T_EQ(fputs("tail", w), 1);
    T_EQ(fclose(w), 0);
    T_EQ(fread(buf, 1, sizeof buf, r), 4);
    T_CHECK(feof(r));
    T_EQ(fclose(r), 0);
    return t_status();
}
