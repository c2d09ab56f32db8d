// families: malloc
/* Thread churn: what many short-lived threads allocate and free does not pile up, because a
 * finished thread's allocator state is reused by later threads (under LD_PRELOAD, where glibc
 * ends the threads, the preload build hooks thread exit to give it back). */
#include "test.h"
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>

#define THREADS 600
#define BLOCKS 16
#define BLOCK 8192

static void *work(void *arg)
{
    char *p[BLOCKS];
    for (int i = 0; i < BLOCKS; i++) {
        p[i] = malloc(BLOCK);
        if (p[i])
            memset(p[i], i + 1, BLOCK);
    }
    for (int i = 0; i < BLOCKS; i++)
        free(p[i]);
    return arg;
}

/* Resident pages, from /proc/self/statm's second field. */
static long resident(void)
{
    char buf[128];
    int fd = open("/proc/self/statm", O_RDONLY);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return -1;
    buf[n] = 0;
    char *p = strchr(buf, ' ');
    return p ? strtol(p + 1, NULL, 10) : -1;
}

static int token;

static void churn(int count)
{
    for (int i = 0; i < count; i++) {
        pthread_t t;
        void *res = NULL;
        T_RET(pthread_create(&t, NULL, work, &token), 0);
        T_RET(pthread_join(t, &res), 0);
        T_CHECK(res == &token);
    }
}

int main(void)
{
    churn(20);
    long before = resident();
    T_CHECK(before > 0);
    churn(THREADS);
    long after = resident();
    /* Every thread touched BLOCKS * BLOCK bytes (128 KiB, 75 MiB in all); kept, they would
     * show here. */
    T_CHECK((after - before) * 4096L < 16L << 20);
    t_print("threads done\n");
    return t_status();
}
