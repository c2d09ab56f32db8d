/* pthread_exit from main leaves the process running; when the last thread ends by
 * pthread_exit, the process ends as exit(0) would: key destructors of each thread as it
 * ends, then the atexit handlers. */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include "test.h"
#include "thread_sys.h"

static pthread_key_t key;
static pthread_t main_thread;

static void destructor(void *v)
{
    t_print((const char *)v);
}

static void handler(void)
{
    t_print("atexit handler\n");
}

static void *last(void *arg)
{
    pthread_setspecific(key, "worker's key destructor\n");
    /* Wait until main has ended (joining it), then end too. */
    pthread_join(main_thread, NULL);
    t_print("worker ends\n");
    pthread_exit(arg);
}

int main(void)
{
    main_thread = pthread_self();
    atexit(handler);
    T_RET(pthread_key_create(&key, destructor), 0);
    pthread_setspecific(key, "main's key destructor\n");
    pthread_t t;
    T_RET(pthread_create(&t, NULL, last, NULL), 0);
    if (t_status())
        return 1;
    t_print("main ends\n");
    pthread_exit(NULL);
}
