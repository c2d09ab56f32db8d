/* timer_create with SIGEV_THREAD: each expiry calls the function in another thread with the
 * event's value; timer_delete stops the calls. Bounded: at most 2 s of 5 ms waits. */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>
#include "os_test.h"

static atomic_int calls;
static atomic_int wrong_value;
static atomic_int same_thread;
static pid_t main_tid;

static void expired(union sigval v)
{
    if (v.sival_int != 123)
        atomic_fetch_add(&wrong_value, 1);
    if (gettid() == main_tid)
        atomic_fetch_add(&same_thread, 1);
    atomic_fetch_add(&calls, 1);
}

static void nap(void)
{
    poll(NULL, 0, 5);
}

int main(void)
{
    main_tid = gettid();
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 1 << 20);
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_THREAD;
    ev.sigev_notify_function = expired;
    ev.sigev_notify_attributes = &attr;
    ev.sigev_value.sival_int = 123;
    timer_t t;
    T_EQ(timer_create(CLOCK_MONOTONIC, &ev, &t), 0);
    pthread_attr_destroy(&attr);
    struct itimerspec its = {{0, 2000000}, {0, 2000000}}, cur;
    T_EQ(timer_settime(t, 0, &its, NULL), 0);
    for (int i = 0; i < 400 && atomic_load(&calls) < 3; i++)
        nap();
    T_CHECK(atomic_load(&calls) >= 3);
    T_EQ(timer_gettime(t, &cur), 0);
    T_EQ(cur.it_interval.tv_nsec, 2000000);
    T_CHECK(timer_getoverrun(t) >= 0);
    T_EQ(timer_delete(t), 0);
    for (int i = 0; i < 10; i++)
        nap();
    int settled = atomic_load(&calls);
    for (int i = 0; i < 10; i++)
        nap();
    T_EQ(atomic_load(&calls), settled);
    T_EQ(atomic_load(&wrong_value), 0);
    T_EQ(atomic_load(&same_thread), 0);

    /* Without attributes, and deleted before it ever fires. */
    ev.sigev_notify_attributes = NULL;
    T_EQ(timer_create(CLOCK_REALTIME, &ev, &t), 0);
    struct itimerspec later = {{0, 0}, {100, 0}};
    T_EQ(timer_settime(t, 0, &later, NULL), 0);
    T_EQ(timer_delete(t), 0);
    T_ERRNO(timer_create(12345, &ev, &t), EINVAL);
    return t_status();
}
