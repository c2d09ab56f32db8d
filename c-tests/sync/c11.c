/* C11 mtx_*, cnd_*, call_once: every mutex type, the result codes, timeouts, in one thread. */
#include <threads.h>
#include <time.h>
#include "test.h"

static once_flag flag = ONCE_FLAG_INIT;
static int runs;

static void init_once(void)
{
    runs++;
}

static struct timespec in_ms(long ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += ms * 1000000;
    ts.tv_sec += ts.tv_nsec / 1000000000;
    ts.tv_nsec %= 1000000000;
    return ts;
}

int main(void)
{
    mtx_t m;
    T_EQ(mtx_init(&m, mtx_plain), thrd_success);
    T_EQ(mtx_lock(&m), thrd_success);
    T_EQ(mtx_trylock(&m), thrd_busy);
    struct timespec ts = in_ms(10);
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
    ts = in_ms(10);
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
    ts = in_ms(10);
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
