/* getline/getdelim (also through glibc's inline getline, which calls __getdelim): a fresh
 * buffer, growth past the first size, a caller's buffer, a last line without delimiter, end
 * of file, and EINVAL for null arguments. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "stdio_test.h"

int main(void)
{
    FILE *f = tmpfile();
    T_CHECK(f != NULL);
    static char longline[5000];
    memset(longline, 'x', sizeof longline - 1);
    fputs("short\n", f);
    fputs(longline, f);
    fputs("\nfield1:field2:\nlast", f);
    rewind(f);

    char *line = NULL;
    size_t cap = 0;
    T_EQ(getline(&line, &cap, f), 6);
    T_CHECK(line != NULL && streq(line, "short\n"));
    T_CHECK(cap >= 7);
    T_EQ(getline(&line, &cap, f), 5000);
    T_CHECK(cap > 5000);
    T_EQ(line[4998], 'x');
    T_EQ(line[4999], '\n');
    T_EQ(line[5000], 0);
    T_EQ(getdelim(&line, &cap, ':', f), 7);
    T_CHECK(streq(line, "field1:"));
    T_EQ(getdelim(&line, &cap, ':', f), 7);
    T_CHECK(streq(line, "field2:"));
    T_EQ(getline(&line, &cap, f), 1);
    T_CHECK(streq(line, "\n"));
    T_EQ(getline(&line, &cap, f), 4);
    T_CHECK(streq(line, "last"));
    T_CHECK(feof(f));
    T_EQ(getline(&line, &cap, f), -1);
    free(line);

    /* A caller's malloc'd buffer, too small: it grows. */
    rewind(f);
    cap = 2;
    line = malloc(cap);
    T_EQ(getline(&line, &cap, f), 6);
    T_CHECK(streq(line, "short\n"));
    T_CHECK(cap >= 7);
    free(line);

    /* Null arguments. */
    cap = 0;
    line = NULL;
    T_ERRNO(getline(NULL, &cap, f), EINVAL);
    T_ERRNO(getdelim(&line, NULL, ':', f), EINVAL);

    /* Reading a write-only stream. */
    FILE *w = fopen("getline-test.tmp", "w");
    errno = 0;
    T_EQ(getline(&line, &cap, w), -1);
    T_EQ(errno, EBADF);
    T_CHECK(ferror(w));
    free(line);
    fclose(w);
    remove("getline-test.tmp");
    fclose(f);
    return t_status();
}
