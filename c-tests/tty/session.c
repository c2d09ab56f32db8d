// ldflags: -lutil
/* forkpty and login_tty: the child's standard descriptors are the slave, which is its
 * controlling terminal (tcgetsid, tcgetpgrp and tcsetpgrp answer for its session); the
 * parent talks to it through the master and reaps it. Each child reports by its exit status
 * (a bit per failed check). login_tty's errors are tried in a child too, since it starts a
 * new session. */
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <utmp.h>
#include "tty_test.h"

/* The exit status of child `pid`, or -1 if it did not exit normally. */
static int reap(pid_t pid)
{
    int status;
    T_EQ(waitpid(pid, &status, 0), pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The checks a child makes once its terminal is the slave named `name` (or any, if NULL). */
static int controlling(const char *name)
{
    int bad = 0;
    if (getsid(0) != getpid())
        bad |= 1;
    if (tcgetsid(0) != getsid(0))
        bad |= 2;
    if (tcgetpgrp(0) != getpgrp() || tcsetpgrp(1, getpgrp()) != 0)
        bad |= 4;
    if (!isatty(0) || !isatty(1) || !isatty(2))
        bad |= 8;
    if (name && (ttyname(2) == NULL || strcmp(ttyname(2), name) != 0))
        bad |= 16;
    return bad;
}

static void fork_pty(void)
{
    int m = -1;
    char name[64];
    pid_t pid = forkpty(&m, name, NULL, NULL);
    T_CHECK(pid >= 0);
    if (pid == 0) {
        int bad = controlling(name);
        /* Say hello, then wait for the parent's answer before exiting. */
        if (write(1, "child\n", 6) != 6)
            bad |= 32;
        char line[8];
        if (read(0, line, sizeof line) != 3 || memcmp(line, "ok\n", 3) != 0)
            bad |= 64;
        _exit(bad);
    }
    T_CHECK(m >= 0);
    T_CHECK(strncmp(name, "/dev/pts/", 9) == 0);
    T_CHECK(strcmp(ptsname(m), name) == 0);
    char buf[16];
    /* The child's terminal echoes nothing yet and turns its NL into CR NL. */
    T_EQ(tt_read(m, buf, 7), 7);
    T_CHECK(memcmp(buf, "child\r\n", 7) == 0);
    tt_write(m, "ok\n");
    T_EQ(reap(pid), 0);
    close(m);
}

static void fork_pty_settings(void)
{
    int m = -1;
    struct termios t;
    int pm, ps;
    tt_pair(&pm, &ps);
    T_EQ(tcgetattr(ps, &t), 0);
    close(ps);
    close(pm);
    cfmakeraw(&t);
    struct winsize ws = { 30, 100, 0, 0 };
    pid_t pid = forkpty(&m, NULL, &t, &ws);
    T_CHECK(pid >= 0);
    if (pid == 0) {
        struct termios got;
        struct winsize w;
        int bad = controlling(NULL);
        if (tcgetattr(0, &got) != 0 || (got.c_lflag & ICANON))
            bad |= 32;
        if (ioctl(0, TIOCGWINSZ, &w) != 0 || w.ws_row != 30 || w.ws_col != 100)
            bad |= 64;
        _exit(bad);
    }
    T_EQ(reap(pid), 0);
    close(m);
}

static void log_in(void)
{
    int m, s;
    tt_pair(&m, &s);
    char name[64];
    T_EQ(ptsname_r(m, name, sizeof name), 0);
    pid_t pid = fork();
    T_CHECK(pid >= 0);
    if (pid == 0) {
        int bad = 0;
        close(m);
        /* Before: no controlling terminal. */
        if (tcgetsid(s) != -1 || errno != ENOTTY)
            bad |= 64;
        if (login_tty(s) != 0)
            _exit(128);
        bad |= controlling(name);
        /* The slave's own descriptor, above 2, is closed. */
        if (fcntl(s, F_GETFD) != -1 || errno != EBADF)
            bad |= 32;
        _exit(bad);
    }
    close(s);
    T_EQ(reap(pid), 0);
    close(m);
}

static void login_errors(void)
{
    pid_t pid = fork();
    T_CHECK(pid >= 0);
    if (pid == 0) {
        int bad = 0, pipe_end, file, closed;
        tt_others(&pipe_end, &file, &closed);
        if (login_tty(pipe_end) != -1 || errno != ENOTTY)
            bad |= 1;
        if (login_tty(file) != -1 || errno != ENOTTY)
            bad |= 2;
        if (login_tty(closed) != -1 || errno != EBADF)
            bad |= 4;
        /* The descriptors were left alone. */
        if (fcntl(pipe_end, F_GETFD) != 0 || fcntl(file, F_GETFD) != 0)
            bad |= 8;
        _exit(bad | t_status() << 4);
    }
    T_EQ(reap(pid), 0);
}

int main(void)
{
    fork_pty();
    fork_pty_settings();
    log_in();
    login_errors();
    t_print("done\n");
    return t_status();
}
