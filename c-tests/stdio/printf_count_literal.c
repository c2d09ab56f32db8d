// cflags: -O2 -D_FORTIFY_SOURCE=2
/* At _FORTIFY_SOURCE=2 the printf functions become __*printf_chk with flag 1: a %n in a
 * format that is a string literal (read-only memory) is allowed and stores its count, in
 * every one of them; formats without %n may lie anywhere. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test.h"

int main(void)
{
    int n = -1;
    char buf[32];
    T_EQ(snprintf(buf, sizeof buf, "abc%n%d", &n, 42), 5);
    T_EQ(n, 3);
    T_CHECK(strcmp(buf, "abc42") == 0);
    n = -1;
    T_EQ(sprintf(buf, "%s%n!", "hello", &n), 6);
    T_EQ(n, 5);
    char *s = NULL;
    n = -1;
    T_EQ(asprintf(&s, "%5d%n", 7, &n), 5);
    T_EQ(n, 5);
    free(s);
    n = -1;
    T_EQ(dprintf(1, "dprintf%n\n", &n), 8);
    T_EQ(n, 7);
    n = -1;
    T_EQ(printf("printf %2$s%1$n\n", &n, "positional"), 18);
    T_EQ(n, 17);
    n = -1;
    T_EQ(fprintf(stdout, "fprintf%hhn\n", (signed char *)&n), 8);
    T_EQ((signed char)n, 7);
    fflush(stdout);

    /* A writable format without %n (and with a %% before an n) is fine. */
    char fmt[] = "%d%%n";
    T_EQ(snprintf(buf, sizeof buf, fmt, 5), 3);
    T_CHECK(strcmp(buf, "5%n") == 0);
    t_print("done\n");
    return t_status();
}
