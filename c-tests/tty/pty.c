/* posix_openpt, getpt, grantpt, unlockpt, ptsname, ptsname_r, openpty: success, and the
 * error codes glibc gives (EINVAL for a descriptor that is no master in grantpt and
 * unlockpt, ENOTTY in ptsname, EBADF, ERANGE for a short buffer, EMFILE). Pty numbers are
 * not printed. */
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include "tty_test.h"

static void names(int m, int s)
{
    char buf[64], *name = ptsname(m);
    T_CHECK(name != NULL);
    T_CHECK(strncmp(name, "/dev/pts/", 9) == 0);
    size_t len = strlen(name);
    T_CHECK(len > 9 && len < 20);
    T_EQ(ptsname_r(m, buf, sizeof buf), 0);
    T_CHECK(strcmp(buf, name) == 0);
    /* Exactly room for the name and its NUL; one byte less is ERANGE (in errno too). */
    memset(buf, 'x', sizeof buf);
    T_EQ(ptsname_r(m, buf, len + 1), 0);
    T_CHECK(strcmp(buf, name) == 0);
    errno = 0;
    T_EQ(ptsname_r(m, buf, len), ERANGE);
    T_EQ(errno, ERANGE);
    T_EQ(ptsname_r(m, buf, 0), ERANGE);
    /* The slave's own name, by ttyname, is the same path. */
    T_CHECK(ttyname(s) != NULL && strcmp(ttyname(s), name) == 0);
    T_EQ(ttyname_r(s, buf, sizeof buf), 0);
    T_CHECK(strcmp(buf, name) == 0);
    /* A slave is no master. */
    errno = 0;
    T_EQ(ptsname_r(s, buf, sizeof buf), ENOTTY);
    T_EQ(errno, ENOTTY);
    T_ERRNO(grantpt(s), EINVAL);
    T_ERRNO(unlockpt(s), EINVAL);
}

static void not_masters(void)
{
    int pipe_end, file, closed;
    char buf[64];
    tt_others(&pipe_end, &file, &closed);
    int fds[2] = { pipe_end, file };
    for (int i = 0; i < 2; i++) {
        T_ERRNO(grantpt(fds[i]), EINVAL);
        T_ERRNO(unlockpt(fds[i]), EINVAL);
        errno = 0;
        T_EQ(ptsname_r(fds[i], buf, sizeof buf), ENOTTY);
        T_EQ(errno, ENOTTY);
        errno = 0;
        T_CHECK(ptsname(fds[i]) == NULL);
        T_EQ(errno, ENOTTY);
    }
    T_ERRNO(grantpt(closed), EBADF);
    T_ERRNO(grantpt(-1), EBADF);
    T_ERRNO(unlockpt(closed), EBADF);
    T_EQ(ptsname_r(closed, buf, sizeof buf), EBADF);
    errno = 0;
    T_CHECK(ptsname(closed) == NULL);
    T_EQ(errno, EBADF);
    close(pipe_end);
    close(file);
}

static void locked(void)
{
    /* Until unlockpt, the slave cannot be opened. */
    int m = getpt();
    T_CHECK(m >= 0);
    T_EQ(grantpt(m), 0);
    char name[64];
    T_EQ(ptsname_r(m, name, sizeof name), 0);
    T_ERRNO(open(name, O_RDWR | O_NOCTTY), EIO);
    T_EQ(unlockpt(m), 0);
    int s = open(name, O_RDWR | O_NOCTTY);
    T_CHECK(s >= 0);
    T_EQ(isatty(s), 1);
    close(s);
    close(m);
    /* posix_openpt passes its flags to open. */
    m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    T_CHECK(m >= 0);
    T_EQ(fcntl(m, F_GETFD), FD_CLOEXEC);
    close(m);
    T_ERRNO(posix_openpt(O_RDWR | O_DIRECTORY), ENOTDIR);
}

static void open_pair(void)
{
    int m = -1, s = -1;
    char name[64];
    struct termios t;
    int pm, ps;
    tt_pair(&pm, &ps);
    T_EQ(tcgetattr(ps, &t), 0);
    close(ps);
    close(pm);
    cfmakeraw(&t);
    struct winsize ws = { 24, 80, 0, 0 }, back;
    T_EQ(openpty(&m, &s, name, &t, &ws), 0);
    T_CHECK(m >= 0 && s >= 0 && m != s);
    T_CHECK(strcmp(name, ptsname(m)) == 0);
    T_CHECK(strcmp(name, ttyname(s)) == 0);
    struct termios got;
    T_EQ(tcgetattr(s, &got), 0);
    T_EQ(got.c_lflag & (ICANON | ECHO), 0);
    T_EQ(ioctl(s, TIOCGWINSZ, &back), 0);
    T_EQ(back.ws_row, 24);
    T_EQ(back.ws_col, 80);
    /* The slave is no controlling terminal (O_NOCTTY) and the pair is connected. */
    T_ERRNO(tcgetsid(s), ENOTTY);
    tt_write(m, "hi");
    char buf[4];
    T_EQ(tt_read(s, buf, 2), 2);
    T_CHECK(memcmp(buf, "hi", 2) == 0);
    close(s);
    close(m);

    /* Everything optional left out: a canonical terminal with the default settings. */
    T_EQ(openpty(&m, &s, NULL, NULL, NULL), 0);
    T_EQ(tcgetattr(s, &got), 0);
    T_CHECK(got.c_lflag & ICANON);
    close(s);
    close(m);
}

static void out_of_descriptors(void)
{
    struct rlimit old, low;
    T_EQ(getrlimit(RLIMIT_NOFILE, &old), 0);
    int probe = dup(0);
    T_CHECK(probe >= 0);
    close(probe);
    /* Room for the master but not the slave: openpty fails and leaks nothing. */
    low = old;
    low.rlim_cur = (rlim_t)probe + 1;
    T_EQ(setrlimit(RLIMIT_NOFILE, &low), 0);
    int m = -7, s = -7;
    T_ERRNO(openpty(&m, &s, NULL, NULL, NULL), EMFILE);
    T_EQ(m, -7);
    T_EQ(s, -7);
    low.rlim_cur = (rlim_t)probe;
    T_EQ(setrlimit(RLIMIT_NOFILE, &low), 0);
    T_ERRNO(posix_openpt(O_RDWR | O_NOCTTY), EMFILE);
    T_ERRNO(getpt(), EMFILE);
    T_EQ(setrlimit(RLIMIT_NOFILE, &old), 0);
    int again = dup(0);
    T_EQ(again, probe);
    close(again);
}

int main(void)
{
    int m, s;
    tt_pair(&m, &s);
    names(m, s);
    close(s);
    close(m);
    not_masters();
    locked();
    open_pair();
    out_of_descriptors();
    t_print("done\n");
    return t_status();
}
