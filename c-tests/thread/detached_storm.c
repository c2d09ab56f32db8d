/* Storms of detached threads: every one runs, and later storms reuse the memory of the
 * first: the number of mappings and resident memory grow at most with how many threads
 * happen to be ending at once (a few hundred on a loaded machine), not with the 10,000
 * threads the later storms make. */
#include <pthread.h>
#include <sched.h>
#include "test.h"
#include "thread_sys.h"

#define STORM 5000

static long ran;

static void *count(void *arg)
{
    __atomic_fetch_add(&ran, 1, __ATOMIC_RELEASE);
    return arg;
}

/* Lines of /proc/self/maps: the number of mappings. */
static long mappings(void)
{
    long fd = sys6(SYS_open, (long)"/proc/self/maps", 0, 0, 0, 0, 0);
    if (fd < 0)
        return -1;
    char buf[4096];
    long lines = 0, n;
    while ((n = sys6(SYS_read, fd, (long)buf, sizeof buf, 0, 0, 0)) > 0)
        for (long i = 0; i < n; i++)
            lines += buf[i] == '\n';
    sys6(SYS_close, fd, 0, 0, 0, 0, 0);
    return lines;
}

static void storm(pthread_attr_t *a)
{
    __atomic_store_n(&ran, 0, __ATOMIC_RELAXED);
    long failed = 0;
    for (int i = 0; i < STORM; i++) {
        pthread_t t;
        /* Too many still ending at once: let them finish and try again. */
        while (pthread_create(&t, a, count, NULL) != 0) {
            failed++;
            sched_yield();
        }
    }
    while (__atomic_load_n(&ran, __ATOMIC_ACQUIRE) < STORM)
        sched_yield();
    /* Let the last ones finish ending. */
    for (int i = 0; i < 1000; i++)
        sched_yield();
    T_CHECK(failed < STORM);
}

int main(void)
{
    pthread_attr_t a;
    T_RET(pthread_attr_init(&a), 0);
    T_RET(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED), 0);
    T_RET(pthread_attr_setstacksize(&a, 64 * 1024), 0);
    storm(&a);
    long maps1 = mappings(), rss1 = resident_pages();
    storm(&a);
    storm(&a);
    long maps2 = mappings(), rss2 = resident_pages();
    T_CHECK(maps1 > 0 && rss1 > 0);
    T_CHECK(maps2 < maps1 + 1000);
    T_CHECK(rss2 - rss1 < 4096);
    /* Default attributes, detached after creation. */
    __atomic_store_n(&ran, 0, __ATOMIC_RELAXED);
    for (int i = 0; i < 200; i++) {
        pthread_t t;
        T_RET(pthread_create(&t, NULL, count, NULL), 0);
        T_RET(pthread_detach(t), 0);
    }
    while (__atomic_load_n(&ran, __ATOMIC_ACQUIRE) < 200)
        sched_yield();
    T_RET(pthread_attr_destroy(&a), 0);
    return t_status();
}
