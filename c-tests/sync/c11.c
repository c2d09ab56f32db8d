/* C11 mtx_*, cnd_*, call_once: every mutex type, the result codes, timeouts, in one thread. */
#include <threads.h>
#include <time.h>
#include "test.h"
#include "sync_test.h"

static once_flag flag = ONCE_FLAG_INIT;
static int runs;

static void init_once(void)
{
    runs++;
}

static mtx_t shared_lock;
static cnd_t shared_cond;
static int flag_set;

/* Sets the flag and signals, from another thread. */
static int signaller(void *arg)
{
    (void)arg;
    mtx_lock(&shared_lock);
    flag_set = 1;
    cnd_signal(&shared_cond);
    mtx_unlock(&shared_lock);
    return 7;
}

static void wait_for_thread(void)
{
    T_EQ(mtx_init(&shared_lock, mtx_plain), thrd_success);
    T_EQ(cnd_init(&shared_cond), thrd_success);
    T_EQ(mtx_lock(&shared_lock), thrd_success);
    thrd_t t;
    T_EQ(thrd_create(&t, signaller, NULL), thrd_success);
    while (!flag_set)
        T_EQ(cnd_wait(&shared_cond, &shared_lock), thrd_success);
    T_EQ(mtx_unlock(&shared_lock), thrd_success);
    int result = 0;
    T_EQ(thrd_join(t, &result), thrd_success);
    T_EQ(result, 7);
    cnd_destroy(&shared_cond);
    mtx_destroy(&shared_lock);
}

int main(void)
{
    wait_for_thread();
    mtx_t m;
    T_EQ(mtx_init(&m, mtx_plain), thrd_success);
    T_EQ(mtx_lock(&m), thrd_success);
    T_EQ(mtx_trylock(&m), thrd_busy);
    struct timespec ts = in_ms(CLOCK_REALTIME, 10);
    T_EQ(mtx_timedlock(&m, &ts), thrd_timedout);
    T_EQ(mtx_unlock(&m), thrd_success);
    T_EQ(mtx_timedlock(&m, &ts), thrd_success);
    T_EQ(mtx_unlock(&m), thrd_success);
    mtx_destroy(&m);

    T_EQ(mtx_init(&m, mtx_timed), thrd_success);
    T_EQ(mtx_trylock(&m), thrd_success);
    T_EQ(mtx_unlock(&m), thrd_success);
    mtx_destroy(&m);

    T_EQ(mtx_init(&m, mtx_plain | mtx_recursive), thrd_success);
    T_EQ(mtx_lock(&m), thrd_success);
    T_EQ(mtx_lock(&m), thrd_success);
    T_EQ(mtx_trylock(&m), thrd_success);
    T_EQ(mtx_unlock(&m), thrd_success);
    T_EQ(mtx_unlock(&m), thrd_success);
    T_EQ(mtx_unlock(&m), thrd_success);
    T_EQ(mtx_unlock(&m), thrd_error);
    mtx_destroy(&m);
    T_EQ(mtx_init(&m, mtx_timed | mtx_recursive), thrd_success);
    T_EQ(mtx_lock(&m), thrd_success);
    ts = in_ms(CLOCK_REALTIME, 10);
    T_EQ(mtx_timedlock(&m, &ts), thrd_success);
    T_EQ(mtx_unlock(&m), thrd_success);
    T_EQ(mtx_unlock(&m), thrd_success);
    mtx_destroy(&m);

    cnd_t c;
    T_EQ(cnd_init(&c), thrd_success);
    T_EQ(cnd_signal(&c), thrd_success);
    T_EQ(cnd_broadcast(&c), thrd_success);
    T_EQ(mtx_init(&m, mtx_plain), thrd_success);
    T_EQ(mtx_lock(&m), thrd_success);
    ts = in_ms(CLOCK_REALTIME, 10);
    T_EQ(cnd_timedwait(&c, &m, &ts), thrd_timedout);
    T_EQ(mtx_trylock(&m), thrd_busy);
    T_EQ(mtx_unlock(&m), thrd_success);
    mtx_destroy(&m);
    cnd_destroy(&c);

    call_once(&flag, init_once);
    call_once(&flag, init_once);
    T_EQ(runs, 1);
    return t_status();
}
