// cflags: -O2 -D_FORTIFY_SOURCE=2
/* The fortified descriptor and path calls (__read_chk, __open_2, __fdelt_chk...) work when
 * the sizes fit. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sys/select.h>
#include <unistd.h>
#include "os_test.h"

int main(void)
{
    volatile int flags = O_RDONLY;
    int fd = open("/proc/self/exe", flags);
    T_CHECK(fd >= 0);
    int dfd = openat(AT_FDCWD, ".", flags | O_DIRECTORY);
    T_CHECK(dfd >= 0);
    volatile size_t n = 4;
    char buf[16];
    T_EQ(read(fd, buf, n), 4);
    T_CHECK(memcmp(buf, "\177ELF", 4) == 0);
    T_EQ(pread(fd, buf, n, 1), 4);
    T_CHECK(memcmp(buf, "ELF", 3) == 0);
    T_ERRNO(read(-1, buf, n), EBADF);
    char link[64];
    volatile size_t ln = sizeof link;
    T_CHECK(readlink("/proc/self/cwd", link, ln) > 0);
    T_CHECK(readlinkat(AT_FDCWD, "/proc/self/cwd", link, ln) > 0);
    char cwd[4096];
    volatile size_t cn = sizeof cwd;
    T_CHECK(getcwd(cwd, cn) == cwd);
    char host[256];
    volatile size_t hn = sizeof host;
    T_EQ(gethostname(host, hn), 0);
    char tty[64];
    volatile size_t tn = sizeof tty;
    T_EQ(ttyname_r(fd, tty, tn), ENOTTY);
    gid_t groups[64];
    volatile int gn = 64;
    T_CHECK(getgroups(gn, groups) >= 0);
    struct pollfd pf[2] = {{fd, POLLIN, 0}, {-1, 0, 0}};
    volatile nfds_t pn = 2;
    T_EQ(poll(pf, pn, 0), 1);
    struct timespec zero = {0, 0};
    T_EQ(ppoll(pf, pn, &zero, NULL), 1);
    fd_set set;
    FD_ZERO(&set);
    volatile int which = fd;
    FD_SET(which, &set);
    T_CHECK(FD_ISSET(which, &set));
    FD_CLR(which, &set);
    T_CHECK(!FD_ISSET(which, &set));
    close(fd);
    close(dfd);
    return t_status();
}
