/* POSIX timers: timer_create (SIGEV_SIGNAL with a value, SIGEV_NONE, the default event),
 * timer_settime/gettime/getoverrun/delete and their error paths. */
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include "os_test.h"

int main(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGALRM);
    sigprocmask(SIG_BLOCK, &set, NULL);

    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR1;
    ev.sigev_value.sival_int = 77;
    timer_t t;
    T_EQ(timer_create(CLOCK_MONOTONIC, &ev, &t), 0);
    struct itimerspec its = {{0, 0}, {0, 5000000}}, cur;
    T_EQ(timer_settime(t, 0, &its, NULL), 0);
    siginfo_t info;
    T_EQ(sigwaitinfo(&set, &info), SIGUSR1);
    T_EQ(info.si_code, SI_TIMER);
    T_EQ(info.si_value.sival_int, 77);
    T_EQ(timer_getoverrun(t), 0);
    T_EQ(timer_gettime(t, &cur), 0);
    T_EQ(cur.it_value.tv_sec, 0);
    T_EQ(cur.it_value.tv_nsec, 0);

    /* An absolute time in the past fires at once. */
    struct itimerspec past = {{0, 0}, {0, 1}};
    T_EQ(timer_settime(t, TIMER_ABSTIME, &past, &cur), 0);
    T_EQ(sigwaitinfo(&set, &info), SIGUSR1);
    T_EQ(timer_delete(t), 0);
    T_ERRNO(timer_delete(t), EINVAL);
    T_ERRNO(timer_gettime(t, &cur), EINVAL);
    T_ERRNO(timer_getoverrun(t), EINVAL);

    /* SIGEV_NONE: nothing is delivered, but the timer runs. */
    ev.sigev_notify = SIGEV_NONE;
    T_EQ(timer_create(CLOCK_REALTIME, &ev, &t), 0);
    struct itimerspec longer = {{0, 0}, {100, 0}};
    T_EQ(timer_settime(t, 0, &longer, NULL), 0);
    T_EQ(timer_gettime(t, &cur), 0);
    T_CHECK(cur.it_value.tv_sec > 90 && cur.it_value.tv_sec <= 100);
    struct itimerspec bad = {{0, 0}, {0, -1}};
    T_ERRNO(timer_settime(t, 0, &bad, NULL), EINVAL);
    T_ERRNO(timer_settime(t, 0, os_bad_pointer(), NULL), EFAULT);
    T_EQ(timer_delete(t), 0);

    /* The default event: SIGALRM. */
    T_EQ(timer_create(CLOCK_MONOTONIC, NULL, &t), 0);
    T_EQ(timer_settime(t, 0, &its, NULL), 0);
    T_EQ(sigwaitinfo(&set, &info), SIGALRM);
    T_EQ(info.si_code, SI_TIMER);
    T_EQ(timer_delete(t), 0);

    T_ERRNO(timer_create(12345, NULL, &t), EINVAL);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = 999;
    T_ERRNO(timer_create(CLOCK_MONOTONIC, &ev, &t), EINVAL);
    return t_status();
}
