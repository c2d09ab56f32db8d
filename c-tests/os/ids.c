/* Identities and limits: uid/gid calls, groups, process groups and sessions, rlimits,
 * rusage, priorities, nice. Run unprivileged or as root: only what both allow is asserted. */
#include <errno.h>
#include <grp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "os_test.h"

int main(void)
{
    uid_t r, e, s;
    T_EQ(getresuid(&r, &e, &s), 0);
    T_EQ(r, getuid());
    T_EQ(e, geteuid());
    gid_t gr, ge, gs;
    T_EQ(getresgid(&gr, &ge, &gs), 0);
    T_EQ(gr, getgid());
    T_EQ(ge, getegid());
    T_ERRNO(getresuid(os_bad_pointer(), &e, &s), EFAULT);

    /* Setting ids to what they are is always allowed. */
    T_EQ(setuid(getuid()), 0);
    T_EQ(setgid(getgid()), 0);
    T_EQ(seteuid(geteuid()), 0);
    T_EQ(setegid(getegid()), 0);
    T_EQ(setreuid((uid_t)-1, (uid_t)-1), 0);
    T_EQ(setregid((gid_t)-1, (gid_t)-1), 0);
    T_EQ(setresuid((uid_t)-1, (uid_t)-1, (uid_t)-1), 0);
    T_EQ(setresgid((gid_t)-1, (gid_t)-1, (gid_t)-1), 0);
    T_ERRNO(seteuid((uid_t)-1), EINVAL);
    T_ERRNO(setegid((gid_t)-1), EINVAL);

    int n = getgroups(0, NULL);
    T_CHECK(n >= 0);
    gid_t groups[256];
    T_EQ(getgroups(256, groups), n);
    volatile int negative = -1;
    T_ERRNO(getgroups(negative, groups), EINVAL);
    if (n > 1) {
        T_ERRNO(getgroups(1, groups), EINVAL);
    }
    if (geteuid() == 0) {
        T_EQ(setgroups(n, groups), 0);
    } else {
        T_ERRNO(setgroups(n, groups), EPERM);
    }

    /* Process groups and sessions, in a child so the test's own group is left alone. */
    T_EQ(getpgrp(), getpgid(0));
    T_EQ(getsid(0), getsid(getpid()));
    T_ERRNO(getpgid(-5), ESRCH);
    T_ERRNO(getsid(-5), ESRCH);
    T_ERRNO(setpgid(-1, 0), EINVAL);
    pid_t pid = fork();
    if (pid == 0) {
        int bad = 0;
        if (setpgid(0, 0) != 0 || getpgrp() != getpid())
            bad |= 1;
        if (setsid() != -1 || errno != EPERM)
            bad |= 2;
        pid_t g = fork();
        if (g == 0)
            _exit(setsid() == getpid() && getsid(0) == getpid() && setpgrp() == -1 ? 0 : 1);
        int st;
        waitpid(g, &st, 0);
        if (st != 0)
            bad |= 4;
        _exit(bad);
    }
    int status;
    T_EQ(waitpid(pid, &status, 0), pid);
    T_CHECK(WIFEXITED(status));
    T_EQ(WEXITSTATUS(status), 0);
    T_ERRNO(tcgetpgrp(-1), EBADF);
    T_ERRNO(tcsetpgrp(-1, getpgrp()), EBADF);

    /* Resource limits. */
    struct rlimit rl, old;
    T_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
    T_CHECK(rl.rlim_cur <= rl.rlim_max);
    struct rlimit lower = {rl.rlim_cur > 64 ? 64 : rl.rlim_cur, rl.rlim_max};
    T_EQ(setrlimit(RLIMIT_NOFILE, &lower), 0);
    T_EQ(sysconf(_SC_OPEN_MAX), (long)lower.rlim_cur);
    T_EQ(prlimit(0, RLIMIT_NOFILE, &rl, &old), 0);
    T_EQ(old.rlim_cur, lower.rlim_cur);
    T_EQ(getrlimit(RLIMIT_NOFILE, &old), 0);
    T_EQ(old.rlim_cur, rl.rlim_cur);
    struct rlimit inverted = {10, 5};
    T_ERRNO(setrlimit(RLIMIT_NOFILE, &inverted), EINVAL);
    T_ERRNO(getrlimit(1000, &rl), EINVAL);
    T_ERRNO(getrlimit(RLIMIT_NOFILE, os_bad_pointer()), EFAULT);
    T_ERRNO(prlimit(-5, RLIMIT_NOFILE, NULL, &rl), ESRCH);

    struct rusage ru;
    T_EQ(getrusage(RUSAGE_SELF, &ru), 0);
    T_CHECK(ru.ru_maxrss > 0);
    T_EQ(getrusage(RUSAGE_CHILDREN, &ru), 0);
    T_ERRNO(getrusage(99, &ru), EINVAL);
    pid = fork();
    if (pid == 0)
        _exit(3);
    T_EQ(wait4(pid, &status, 0, &ru), pid);
    T_EQ(WEXITSTATUS(status), 3);

    /* Priorities: lowering is always allowed. */
    errno = 0;
    int prio = getpriority(PRIO_PROCESS, 0);
    T_EQ(errno, 0);
    T_CHECK(prio >= -20 && prio <= 19);
    T_ERRNO(getpriority(99, 0), EINVAL);
    T_ERRNO(getpriority(PRIO_PROCESS, 0x7ffffff0), ESRCH);
    T_EQ(setpriority(PRIO_PROCESS, 0, prio < 19 ? prio + 1 : 19), 0);
    T_EQ(getpriority(PRIO_PROCESS, 0), prio < 19 ? prio + 1 : 19);
    errno = 0;
    int now = nice(1);
    T_EQ(errno, 0);
    T_EQ(now, prio < 18 ? prio + 2 : 19);
    if (geteuid() != 0) {
        T_ERRNO(nice(-10), EPERM);
        T_ERRNO(setpriority(PRIO_PROCESS, 0, -20), EACCES);
    }
    T_EQ(getppid() > 0, 1);
    return t_status();
}
