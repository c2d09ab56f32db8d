// cflags: -U_GNU_SOURCE -D_POSIX_C_SOURCE=200809L -fno-builtin
/* The XSI strerror_r that <string.h> selects without _GNU_SOURCE (glibc's __xpg_strerror_r):
 * 0, ERANGE when truncated, EINVAL for an unknown number. */
#include <errno.h>
#include <string.h>
#include "test.h"

int main(void)
{
    char buf[64];
    T_RET(strerror_r(ENOENT, buf, sizeof buf), 0);
    T_CHECK(strcmp(buf, "No such file or directory") == 0);
    T_RET(strerror_r(0, buf, sizeof buf), 0);
    T_CHECK(strcmp(buf, "Success") == 0);
    memset(buf, 'x', sizeof buf);
    T_RET(strerror_r(ENOENT, buf, 5), ERANGE);
    T_CHECK(strcmp(buf, "No s") == 0);
    T_RET(strerror_r(ENOENT, buf, 26), 0); /* exactly the length plus the terminator */
    T_RET(strerror_r(ENOENT, buf, 25), ERANGE);
    T_RET(strerror_r(1234, buf, sizeof buf), EINVAL);
    T_CHECK(strcmp(buf, "Unknown error 1234") == 0);
    T_RET(strerror_r(1234, buf, 10), EINVAL);
    T_CHECK(strcmp(buf, "Unknown e") == 0);
    T_RET(strerror_r(-1, buf, sizeof buf), EINVAL);
    T_RET(strerror_r(1234, buf, 0), EINVAL);
    T_RET(strerror_r(EPERM, buf, 0), ERANGE);
    return t_status();
}
