// cflags: -D_FORTIFY_SOURCE=2
// expect: signal=SIGABRT
// stderr: compare
/* Under _FORTIFY_SOURCE=2, glibc's headers send fgets/fread (and their _unlocked forms),
 * printf and fprintf to the __*_chk functions when sizes are not known to be safe; reads
 * that fit behave as the plain ones, and one that overflows dies with glibc's message. */
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "stdio_test.h"

static volatile int sizes[] = {4, 8, 100};

int main(void)
{
    FILE *f = tmpfile();
    fputs("line one\nline two\nshort\na line longer than the buffer\n", f);
    rewind(f);
    char buf[16];
    T_CHECK(fgets(buf, sizes[1], f) == buf);
    T_CHECK(streq(buf, "line on"));
    T_EQ(fread(buf, 1, sizes[0], f), 4);
    T_CHECK(memcmp(buf, "e\nli", 4) == 0);
    T_CHECK(fgets_unlocked(buf, sizes[0], f) == buf);
    T_CHECK(streq(buf, "ne "));
    T_EQ(fread_unlocked(buf, 2, sizes[0], f), 2);
    T_EQ(printf("%s %d\n", "checked", sizes[2]), 12);
    T_EQ(fprintf(stdout, "%c\n", 'y'), 2);
    /* A size larger than the buffer is fine while the line fits. */
    T_CHECK(fgets(buf, sizes[2], f) == buf);
    T_CHECK(streq(buf, "short\n"));
    fflush(stdout);
    if (fgets(buf, sizes[2], f)) /* 100 > 16, and the line does not fit: dies */
        t_print("returned\n");
    t_print("not reached\n");
    return 1;
}
