/* tmpnam and tmpnam_r: names "/tmp/file" + 6 characters (glibc's form, within L_tmpnam)
 * that name nothing at the time of the call; tmpnam(NULL) uses a static buffer, tmpnam_r
 * refuses a null buffer. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "test.h"

int main(void)
{
    char a[L_tmpnam], b[L_tmpnam];
    T_EQ(L_tmpnam, 20);
    T_CHECK(tmpnam(a) == a);
    T_CHECK(tmpnam_r(b) == b);
    T_EQ(strlen(a), 15);
    T_CHECK(strncmp(a, "/tmp/file", 9) == 0 && strncmp(b, "/tmp/file", 9) == 0);
    T_CHECK(strcmp(a, b) != 0);
    T_EQ(access(a, F_OK), -1);
    T_EQ(errno, ENOENT);

    char *s = tmpnam(NULL);
    T_CHECK(s != NULL && s != a && strncmp(s, "/tmp/file", 9) == 0);
    T_CHECK(tmpnam(NULL) == s);

    /* The name can be created (exclusively), and is then taken. */
    int fd = open(a, O_CREAT | O_EXCL | O_WRONLY, 0600);
    T_CHECK(fd >= 0);
    T_EQ(close(fd), 0);
    T_EQ(unlink(a), 0);

    /* tmpnam_r(NULL) fails. */
    T_CHECK(tmpnam_r(NULL) == NULL);
    t_print("done\n");
    return t_status();
}
