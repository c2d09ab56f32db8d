/* Set-id calls change every thread's credentials, including a thread blocked in read (which
 * then carries on). As root the ids really change; otherwise only calls that keep the ids
 * are made. Each thread reads its own ids with the raw system calls. */
#include <grp.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "os_test.h"

#define THREADS 4

static atomic_int phase, ready;
static long seen_egid[THREADS + 1], seen_euid[THREADS + 1], seen_groups[THREADS + 1];
static int pipe_fds[2];

static void record(int i)
{
    seen_egid[i] = syscall(SYS_getegid);
    seen_euid[i] = syscall(SYS_geteuid);
    gid_t g[8];
    seen_groups[i] = syscall(SYS_getgroups, 8, g);
}

static void *worker(void *arg)
{
    int i = (int)(long)arg;
    atomic_fetch_add(&ready, 1);
    while (atomic_load(&phase) == 0)
        poll(NULL, 0, 1);
    record(i);
    atomic_fetch_add(&ready, 1);
    return NULL;
}

static void *reader(void *arg)
{
    (void)arg;
    atomic_fetch_add(&ready, 1);
    char c;
    long n = read(pipe_fds[0], &c, 1);
    record(THREADS);
    return (void *)n;
}

int main(void)
{
    int root = geteuid() == 0;
    T_EQ(pipe(pipe_fds), 0);
    pthread_t t[THREADS + 1];
    for (long i = 0; i < THREADS; i++)
        T_EQ(pthread_create(&t[i], NULL, worker, (void *)i), 0);
    T_EQ(pthread_create(&t[THREADS], NULL, reader, NULL), 0);
    while (atomic_load(&ready) < THREADS + 1)
        poll(NULL, 0, 1);
    poll(NULL, 0, 20);

    gid_t one = 777;
    if (root) {
        T_EQ(setgroups(1, &one), 0);
        T_EQ(setegid(1234), 0);
        T_EQ(seteuid(4321), 0);
    } else {
        T_EQ(setegid(getegid()), 0);
        T_EQ(seteuid(geteuid()), 0);
    }
    long want_egid = syscall(SYS_getegid), want_euid = syscall(SYS_geteuid), want_groups = syscall(SYS_getgroups, 0, NULL);
    atomic_store(&phase, 1);
    T_EQ(write(pipe_fds[1], "x", 1), 1);
    long n = 0;
    for (int i = 0; i < THREADS; i++)
        T_EQ(pthread_join(t[i], NULL), 0);
    T_EQ(pthread_join(t[THREADS], (void **)&n), 0);
    T_EQ(n, 1);
    int same = 1;
    for (int i = 0; i <= THREADS; i++)
        if (seen_egid[i] != want_egid || seen_euid[i] != want_euid || seen_groups[i] != want_groups)
            same = 0;
    T_EQ(same, 1);
    if (root) {
        T_EQ(want_egid, 1234);
        T_EQ(want_euid, 4321);
        T_EQ(want_groups, 1);
        T_EQ(seteuid(0), 0);
        T_EQ(setegid(0), 0);
        T_EQ(setgroups(0, NULL), 0);
    }
    t_print("done\n");
    return t_status();
}
