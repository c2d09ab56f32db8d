/* Cancellation around the cancellation points:
 * - a deferred request made before the call acts at its entry, before the call has any
 *   effect (the data stays in the pipe, the descriptor stays open, the file is not made);
 * - with cancellation disabled, a blocking call completes normally (no EINTR either) and the
 *   request acts at the next point once enabled again;
 * - a request that arrives while a signal handler runs on top of a blocked call acts when
 *   the handler returns and the call resumes;
 * - asynchronous cancellation ends a busy loop. */
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include "cancel_test.h"

static int p[2];
static char byte;
static char path[64];
static int result;
static void *map;

/* Runs `call` in a thread that has cancelled itself first; checks it acted at entry. */
static void at_entry(const char *name, void (*call)(void))
{
    cancel_thread(name, call, 0);
}

static void self_cancel(void) { pthread_cancel(pthread_self()); }

static const struct timespec zero;
static struct iovec iov = { &byte, 1 };

static void e_read(void) { self_cancel(); read(p[0], &byte, 1); }
static void e_readv(void) { self_cancel(); readv(p[0], &iov, 1); }
static void e_write(void) { self_cancel(); write(p[1], "w", 1); }
static void e_writev(void) { self_cancel(); writev(p[1], &iov, 1); }
static void e_pread(void) { self_cancel(); pread(result, &byte, 1, 0); }
static void e_pwrite(void) { self_cancel(); pwrite(result, "w", 1, 0); }
static void e_preadv(void) { self_cancel(); preadv(result, &iov, 1, 0); }
static void e_pwritev(void) { self_cancel(); pwritev(result, &iov, 1, 0); }
static void e_close(void) { self_cancel(); close(p[0]); }
static void e_open(void) { self_cancel(); open(path, O_WRONLY | O_CREAT, 0600); }
static void e_openat(void) { self_cancel(); openat(AT_FDCWD, path, O_WRONLY | O_CREAT, 0600); }
static void e_creat(void) { self_cancel(); creat(path, 0600); }
static void e_fsync(void) { self_cancel(); fsync(result); }
static void e_fdatasync(void) { self_cancel(); fdatasync(result); }
static void e_msync(void) { self_cancel(); msync(map, 4096, MS_SYNC); }
static void e_nanosleep(void) { self_cancel(); nanosleep(&zero, NULL); }
static void e_sleep(void) { self_cancel(); sleep(0); }
static void e_usleep(void) { self_cancel(); usleep(0); }
static void e_poll(void) { self_cancel(); poll(NULL, 0, 0); }
static void e_select(void) { struct timeval tv = { 0, 0 }; self_cancel(); select(0, NULL, NULL, NULL, &tv); }
static void e_pause(void) { self_cancel(); pause(); }
static void e_waitpid(void) { int s; self_cancel(); waitpid(-1, &s, WNOHANG); }
static void e_sigtimedwait(void) { sigset_t s; sigemptyset(&s); sigaddset(&s, SIGUSR2); self_cancel(); sigtimedwait(&s, NULL, &zero); }

static void entry_tests(void)
{
    os_tmp_path(path, "rustcrt-cancel-modes-");
    unlink(path);
    T_RET(pipe(p), 0);
    T_EQ(write(p[1], "d", 1), 1);
    at_entry("read at entry", e_read);
    at_entry("readv at entry", e_readv);
    char c = 0;
    T_EQ(read(p[0], &c, 1), 1); /* the byte is still there */
    at_entry("write at entry", e_write);
    at_entry("writev at entry", e_writev);
    struct pollfd f = { p[0], POLLIN, 0 };
    T_EQ(poll(&f, 1, 0), 0); /* nothing was written */
    at_entry("close at entry", e_close);
    T_CHECK(fcntl(p[0], F_GETFD) >= 0); /* still open */
    close(p[0]);
    close(p[1]);

    at_entry("open at entry", e_open);
    at_entry("openat at entry", e_openat);
    at_entry("creat at entry", e_creat);
    struct stat st;
    T_ERRNO(stat(path, &st), ENOENT); /* not created */

    result = open(path, O_RDWR | O_CREAT, 0600);
    T_CHECK(result >= 0);
    T_EQ(write(result, "x", 1), 1);
    at_entry("pread at entry", e_pread);
    at_entry("pwrite at entry", e_pwrite);
    at_entry("preadv at entry", e_preadv);
    at_entry("pwritev at entry", e_pwritev);
    T_EQ(pread(result, &c, 1, 0), 1);
    T_EQ(c, 'x'); /* not overwritten */
    at_entry("fsync at entry", e_fsync);
    at_entry("fdatasync at entry", e_fdatasync);
    map = mmap(NULL, 4096, PROT_READ, MAP_SHARED, result, 0);
    T_CHECK(map != MAP_FAILED);
    at_entry("msync at entry", e_msync);
    munmap(map, 4096);
    close(result);
    unlink(path);

    at_entry("nanosleep at entry", e_nanosleep);
    at_entry("sleep at entry", e_sleep);
    at_entry("usleep at entry", e_usleep);
    at_entry("poll at entry", e_poll);
    at_entry("select at entry", e_select);
    at_entry("pause at entry", e_pause);
    at_entry("waitpid at entry", e_waitpid);
    at_entry("sigtimedwait at entry", e_sigtimedwait);
}

static int state;

/* Cancellation disabled: the read waits for its data, then the request acts at the first
 * point after enabling (here pthread_testcancel). */
static void *disabled_read(void *arg)
{
    (void)arg;
    int old;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
    __atomic_store_n(&ct_tid, gettid(), __ATOMIC_RELEASE);
    result = (int)read(p[0], &byte, 1);
    struct timespec ts = { 0, 20000000 };
    state = nanosleep(&ts, NULL);
    pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
    pthread_cleanup_push(ct_cleanup, NULL);
    pthread_testcancel();
    pthread_cleanup_pop(0);
    return NULL;
}

static void disabled_test(void)
{
    T_RET(pipe(p), 0);
    result = state = -2;
    ct_cleanups = 0;
    __atomic_store_n(&ct_tid, 0, __ATOMIC_RELEASE);
    pthread_t t;
    T_RET(pthread_create(&t, NULL, disabled_read, NULL), 0);
    int tid;
    while ((tid = __atomic_load_n(&ct_tid, __ATOMIC_ACQUIRE)) == 0)
        sched_yield();
    ct_wait_sleeping(tid);
    T_RET(pthread_cancel(t), 0);
    ct_nap(5000000);
    T_EQ(write(p[1], "d", 1), 1);
    void *res = NULL;
    T_RET(pthread_join(t, &res), 0);
    T_CHECK(res == PTHREAD_CANCELED);
    T_EQ(result, 1);
    T_EQ(byte, 'd');
    T_EQ(state, 0);
    T_EQ(ct_cleanups, 1);
    close(p[0]);
    close(p[1]);
    t_print("disabled: completed, then cancelled\n");
}

static int in_handler, release_handler;

static void on_usr1(int sig)
{
    (void)sig;
    __atomic_store_n(&in_handler, 1, __ATOMIC_SEQ_CST);
    while (!__atomic_load_n(&release_handler, __ATOMIC_SEQ_CST))
        sched_yield();
}

static pthread_t victim;

/* The victim blocks in read; SIGUSR1's handler (SA_RESTART) interrupts it and holds on
 * until the request has been made; the read resumes and is cancelled. */
static void do_read(void) { read(p[0], &byte, 1); }

static void *releaser(void *arg)
{
    (void)arg;
    while (!__atomic_load_n(&in_handler, __ATOMIC_SEQ_CST))
        sched_yield();
    pthread_cancel(victim);
    ct_nap(10000000);
    __atomic_store_n(&release_handler, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

static void nested_test(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_RESTART;
    T_RET(sigaction(SIGUSR1, &sa, NULL), 0);
    T_RET(pipe(p), 0);
    ct_cleanups = ct_destructors = ct_returned = 0;
    __atomic_store_n(&ct_tid, 0, __ATOMIC_RELEASE);
    ct_call = do_read;
    T_RET(pthread_create(&victim, NULL, ct_victim, NULL), 0);
    int tid;
    while ((tid = __atomic_load_n(&ct_tid, __ATOMIC_ACQUIRE)) == 0)
        sched_yield();
    ct_wait_sleeping(tid);
    pthread_t r;
    T_RET(pthread_create(&r, NULL, releaser, NULL), 0);
    T_RET(pthread_kill(victim, SIGUSR1), 0);
    void *res = NULL;
    T_RET(pthread_join(victim, &res), 0);
    T_RET(pthread_join(r, NULL), 0);
    T_CHECK(res == PTHREAD_CANCELED);
    T_EQ(ct_cleanups, 1);
    T_EQ(ct_destructors, 1);
    T_EQ(ct_returned, 0);
    close(p[0]);
    close(p[1]);
    t_print("request during a handler: cancelled when the read resumes\n");
}

static volatile unsigned long spins;

static void busy(void)
{
    int old;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
    for (;;)
        spins++;
}

int main(void)
{
    ct_init();
    entry_tests();
    disabled_test();
    nested_test();
    cancel_thread("asynchronous busy loop", busy, 0);
    return t_status();
}
