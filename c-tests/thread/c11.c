/* C11 <threads.h>: thrd_create, thrd_join, thrd_detach, thrd_exit, thrd_current, thrd_equal,
 * thrd_sleep, thrd_yield, tss_create, tss_delete, tss_get, tss_set. */
#include <signal.h>
#include <stdint.h>
#include <threads.h>
#include <time.h>
#include "test.h"
#include "thread_sys.h"

static tss_t key;
static int destroyed;
static thrd_t main_thrd;

static void destroy(void *v)
{
    destroyed += (int)(intptr_t)v;
}

static int worker(void *arg)
{
    int ok = tss_get(key) == NULL && tss_set(key, (void *)3) == thrd_success && tss_get(key) == (void *)3;
    ok &= !thrd_equal(thrd_current(), main_thrd) && thrd_equal(thrd_current(), thrd_current());
    thrd_yield();
    return ok ? (int)(intptr_t)arg : -1;
}

static int exits(void *arg)
{
    thrd_exit((int)(intptr_t)arg);
}

static int negative(void *arg)
{
    (void)arg;
    return -7;
}

static int join_self(void *arg)
{
    (void)arg;
    return thrd_join(thrd_current(), NULL);
}

static void on_alarm(int sig)
{
    (void)sig;
}

int main(void)
{
    main_thrd = thrd_current();
    T_EQ(tss_create(&key, destroy), thrd_success);
    thrd_t t;
    int res = 0;
    T_EQ(thrd_create(&t, worker, (void *)42), thrd_success);
    T_EQ(thrd_join(t, &res), thrd_success);
    T_EQ(res, 42);
    T_EQ(destroyed, 3);
    T_EQ(thrd_create(&t, exits, (void *)9), thrd_success);
    T_EQ(thrd_join(t, &res), thrd_success);
    T_EQ(res, 9);
    T_EQ(thrd_create(&t, negative, NULL), thrd_success);
    T_EQ(thrd_join(t, &res), thrd_success);
    T_EQ(res, -7);
    T_EQ(thrd_create(&t, worker, (void *)1), thrd_success);
    T_EQ(thrd_join(t, NULL), thrd_success);
    T_EQ(thrd_create(&t, join_self, NULL), thrd_success);
    T_EQ(thrd_join(t, &res), thrd_success);
    T_EQ(res, thrd_error);
    T_EQ(thrd_create(&t, worker, (void *)1), thrd_success);
    T_EQ(thrd_detach(t), thrd_success);

    /* tss in the main thread; a deleted key. */
    T_CHECK(tss_get(key) == NULL);
    T_EQ(tss_set(key, (void *)5), thrd_success);
    T_CHECK(tss_get(key) == (void *)5);
    tss_delete(key);
    T_EQ(tss_set(key, (void *)5), thrd_error);
    T_CHECK(tss_get(key) == NULL);

    /* thrd_sleep: the whole time; a malformed time; cut short by a signal. */
    struct timespec d = {0, 1000000}, rem;
    T_EQ(thrd_sleep(&d, NULL), 0);
    struct timespec bad = {0, 1000000000};
    T_CHECK(thrd_sleep(&bad, NULL) < -1);
    T_EQ(sys_handle(SIGALRM, on_alarm), 0);
    T_EQ(sys_alarm_in(20000), 0);
    struct timespec longer = {5, 0};
    T_EQ(thrd_sleep(&longer, &rem), -1);
    T_CHECK(rem.tv_sec < 5 && rem.tv_sec >= 3);
    return t_status();
}
