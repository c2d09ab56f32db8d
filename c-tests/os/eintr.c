// cflags: -Wno-deprecated-declarations
/* Signals interrupting blocking calls: read on a pipe with and without SA_RESTART, pause,
 * sigsuspend with setitimer, alarm's remaining seconds. */
#include <errno.h>
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>
#include "os_test.h"

static int pipe_fds[2];
static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
    (void)sig;
    alarms++;
}

static void on_alarm_write(int sig)
{
    (void)sig;
    alarms++;
    /* write is async-signal-safe: the restarted read then finds this byte. */
    (void)!write(pipe_fds[1], "r", 1);
}

static void arm(long usec)
{
    struct itimerval it = {{0, 0}, {0, usec}};
    setitimer(ITIMER_REAL, &it, NULL);
}

int main(void)
{
    T_EQ(pipe(pipe_fds), 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);

    /* Without SA_RESTART the read fails with EINTR. */
    sa.sa_handler = on_alarm;
    sa.sa_flags = 0;
    T_EQ(sigaction(SIGALRM, &sa, NULL), 0);
    arm(20000);
    char c;
    T_ERRNO(read(pipe_fds[0], &c, 1), EINTR);
    T_EQ(alarms, 1);

    /* With SA_RESTART the read resumes and gets what the handler wrote. */
    sa.sa_handler = on_alarm_write;
    sa.sa_flags = SA_RESTART;
    T_EQ(sigaction(SIGALRM, &sa, NULL), 0);
    arm(20000);
    T_EQ(read(pipe_fds[0], &c, 1), 1);
    T_EQ(c, 'r');
    T_EQ(alarms, 2);

    /* siginterrupt: signal()'s handlers restart calls unless told to interrupt them. */
    T_CHECK(signal(SIGALRM, on_alarm_write) != SIG_ERR);
    T_EQ(siginterrupt(SIGALRM, 1), 0);
    arm(20000);
    T_ERRNO(read(pipe_fds[0], &c, 1), EINTR);
    T_EQ(read(pipe_fds[0], &c, 1), 1);
    T_EQ(siginterrupt(SIGALRM, 0), 0);
    arm(20000);
    T_EQ(read(pipe_fds[0], &c, 1), 1);
    T_EQ(siginterrupt(SIGALRM, 1), 0);
    T_CHECK(signal(SIGALRM, on_alarm_write) != SIG_ERR);
    arm(20000);
    T_ERRNO(read(pipe_fds[0], &c, 1), EINTR);
    T_EQ(read(pipe_fds[0], &c, 1), 1);
    T_EQ(siginterrupt(SIGALRM, 0), 0);
    T_ERRNO(siginterrupt(32, 1), EINVAL);
    T_ERRNO(siginterrupt(0, 1), EINVAL);
    T_EQ(alarms, 5);

    /* pause returns after a handler ran. */
    sa.sa_handler = on_alarm;
    T_EQ(sigaction(SIGALRM, &sa, NULL), 0);
    arm(10000);
    T_ERRNO(pause(), EINTR);
    T_EQ(alarms, 6);

    /* An interval timer: getitimer sees it, it fires repeatedly, it can be cancelled. */
    struct itimerval it = {{0, 5000}, {0, 5000}}, cur;
    T_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
    T_EQ(getitimer(ITIMER_REAL, &cur), 0);
    T_EQ(cur.it_interval.tv_usec, 5000);
    sigset_t none;
    sigemptyset(&none);
    while (alarms < 9)
        sigsuspend(&none);
    struct itimerval off = {{0, 0}, {0, 0}};
    T_EQ(setitimer(ITIMER_REAL, &off, &cur), 0);
    T_EQ(cur.it_interval.tv_usec, 5000);
    T_ERRNO(setitimer(99, &off, NULL), EINVAL);
    T_ERRNO(getitimer(99, &cur), EINVAL);
    T_ERRNO(getitimer(ITIMER_REAL, os_bad_pointer()), EFAULT);

    /* alarm: the previous alarm's seconds. */
    T_EQ(alarm(100), 0);
    T_EQ(alarm(0), 100);
    T_EQ(alarm(0), 0);
    return t_status();
}
