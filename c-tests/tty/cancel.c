/* tcdrain is a cancellation point: a thread with a cancellation request pending is
 * cancelled inside it (its cleanup handler runs, the call does not return). A pty's output
 * never waits, so the request is made before the call, with cancellation disabled. */
#include <pthread.h>
#include "tty_test.h"

static int slave, cleanups, returned;

static void cleanup(void *arg)
{
    (void)arg;
    cleanups++;
}

static void *victim(void *arg)
{
    (void)arg;
    int old;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
    pthread_cancel(pthread_self());
    pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
    pthread_cleanup_push(cleanup, NULL);
    tcdrain(slave);
    returned = 1;
    pthread_cleanup_pop(0);
    return NULL;
}

int main(void)
{
    int m;
    tt_pair(&m, &slave);
    pthread_t t;
    void *result;
    T_RET(pthread_create(&t, NULL, victim, NULL), 0);
    T_RET(pthread_join(t, &result), 0);
    T_CHECK(result == PTHREAD_CANCELED);
    T_EQ(cleanups, 1);
    T_EQ(returned, 0);
    close(slave);
    close(m);
    t_print("done\n");
    return t_status();
}
