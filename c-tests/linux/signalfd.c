/* signalfd: a blocked SIGUSR1 sent with kill is read as a struct signalfd_siginfo naming the
 * signal and the sender; the mask of an existing descriptor can be replaced; error paths. */
#include <fcntl.h>
#include <signal.h>
#include <sys/signalfd.h>
#include "../os/os_test.h"

int main(void)
{
    T_EQ(sizeof(struct signalfd_siginfo), 128);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    T_RET(sigprocmask(SIG_BLOCK, &mask, NULL), 0);
    int fd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
    T_CHECK(fd >= 0);
    T_EQ(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    struct signalfd_siginfo si;
    T_ERRNO(read(fd, &si, sizeof si), EAGAIN);

    T_RET(kill(getpid(), SIGUSR1), 0);
    T_EQ(read(fd, &si, sizeof si), sizeof si);
    T_EQ(si.ssi_signo, SIGUSR1);
    T_EQ(si.ssi_code, SI_USER);
    T_EQ(si.ssi_pid, getpid());
    T_EQ(si.ssi_uid, getuid());
    T_ERRNO(read(fd, &si, sizeof si), EAGAIN);

    /* The same descriptor, now for SIGUSR2 only: SIGUSR1 stays pending, unread. */
    sigset_t two;
    sigemptyset(&two);
    sigaddset(&two, SIGUSR2);
    T_RET(sigprocmask(SIG_BLOCK, &two, NULL), 0);
    T_EQ(signalfd(fd, &two, 0), fd);
    T_RET(kill(getpid(), SIGUSR1), 0);
    T_ERRNO(read(fd, &si, sizeof si), EAGAIN);
    T_RET(kill(getpid(), SIGUSR2), 0);
    T_EQ(read(fd, &si, sizeof si), sizeof si);
    T_EQ(si.ssi_signo, SIGUSR2);
    sigset_t pending;
    T_RET(sigpending(&pending), 0);
    T_EQ(sigismember(&pending, SIGUSR1), 1);
    T_EQ(signalfd(fd, &mask, 0), fd);
    T_EQ(read(fd, &si, sizeof si), sizeof si);
    T_EQ(si.ssi_signo, SIGUSR1);

    /* Error paths. */
    char small[16];
    T_ERRNO(read(fd, small, sizeof small), EINVAL);
    T_ERRNO(signalfd(-1, &mask, 0x12345), EINVAL);
    int other = open("/dev/null", O_RDONLY);
    T_ERRNO(signalfd(other, &mask, 0), EINVAL);
    close(other);
    T_ERRNO(signalfd(-5, &mask, 0), EBADF);
    T_ERRNO(signalfd(-1, os_bad_pointer(), 0), EFAULT);
    T_EQ(close(fd), 0);
    t_print("signalfd done\n");
    return t_status();
}
