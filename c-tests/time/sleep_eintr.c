/* A signal handler that runs during a sleep ends it early: nanosleep fails with EINTR and
 * the time left, clock_nanosleep returns EINTR (time left only for relative sleeps), sleep
 * returns the seconds left, usleep fails with EINTR. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "test.h"

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
    (void)sig;
    alarms++;
}

/* SIGALRM in 50 ms. */
static void arm(void)
{
    struct itimerval it;
    memset(&it, 0, sizeof it);
    it.it_value.tv_usec = 50000;
    T_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    T_EQ(sigaction(SIGALRM, &sa, NULL), 0);

    struct timespec req = { 2, 0 }, rem = { 0, 0 };
    arm();
    T_ERRNO(nanosleep(&req, &rem), EINTR);
    T_EQ(alarms, 1);
    T_CHECK(rem.tv_sec == 1 && rem.tv_nsec > 0);

    arm();
    memset(&rem, 0, sizeof rem);
    T_RET(clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem), EINTR);
    T_EQ(alarms, 2);
    T_CHECK(rem.tv_sec == 1 && rem.tv_nsec > 0);

    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 2;
    arm();
    rem.tv_sec = 77;
    T_RET(clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &deadline, &rem), EINTR);
    T_EQ(rem.tv_sec, 77);

    arm();
    unsigned left = sleep(3);
    T_CHECK(left >= 2 && left <= 3);

    arm();
    T_ERRNO(usleep(2000000), EINTR);
    T_EQ(alarms, 5);
    t_print("ok\n");
    return t_status();
}
