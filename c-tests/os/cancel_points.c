/* A cancelled thread blocked in each blocking cancellation point (POSIX XSH 2.9.5.2) runs
 * its cleanup handler and key destructor and joins as PTHREAD_CANCELED: descriptor I/O on
 * pipes and a FIFO, sleeps, signal waits, child waits, polling, record locks held by another
 * process, and system (which kills and reaps its command and restores SIGINT's action). */
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <threads.h>
#include "cancel_test.h"

static int p[2];
static char byte;
static struct iovec iov = { &byte, 1 };
static const struct timespec long_time = { 30, 0 };
static sigset_t usr1;
static pid_t child;
static int lock_fd;
static char fifo[64];

static void pipe_open(void) { T_RET(pipe(p), 0); }
static void pipe_close(void) { close(p[0]); close(p[1]); }

/* Fills the pipe so that the next write blocks. */
static void pipe_fill(void)
{
    static char chunk[4096];
    fcntl(p[1], F_SETFL, O_NONBLOCK);
    while (write(p[1], chunk, sizeof chunk) > 0)
        ;
    while (write(p[1], chunk, 1) > 0)
        ;
    fcntl(p[1], F_SETFL, 0);
}

static void pipe_full(void) { pipe_open(); pipe_fill(); }

static void do_read(void) { read(p[0], &byte, 1); }
static void do_readv(void) { readv(p[0], &iov, 1); }
static void do_write(void) { write(p[1], &byte, 1); }
static void do_writev(void) { writev(p[1], &iov, 1); }
static void do_poll(void) { struct pollfd f = { p[0], POLLIN, 0 }; poll(&f, 1, -1); }
static void do_ppoll(void) { struct pollfd f = { p[0], POLLIN, 0 }; ppoll(&f, 1, NULL, NULL); }
static void do_select(void) { fd_set r; FD_ZERO(&r); FD_SET(p[0], &r); select(p[0] + 1, &r, NULL, NULL, NULL); }
static void do_pselect(void) { fd_set r; FD_ZERO(&r); FD_SET(p[0], &r); pselect(p[0] + 1, &r, NULL, NULL, NULL, NULL); }

static void do_nanosleep(void) { nanosleep(&long_time, NULL); }
static void do_clock_nanosleep(void) { clock_nanosleep(CLOCK_MONOTONIC, 0, &long_time, NULL); }
static void do_sleep(void) { sleep(30); }
static void do_usleep(void) { usleep(30000000); }
static void do_thrd_sleep(void) { thrd_sleep(&long_time, NULL); }

static void do_pause(void) { pause(); }
static void do_sigsuspend(void) { sigset_t none; sigemptyset(&none); sigsuspend(&none); }
static void do_sigwait(void) { int sig; sigwait(&usr1, &sig); }
static void do_sigwaitinfo(void) { sigwaitinfo(&usr1, NULL); }
static void do_sigtimedwait(void) { sigtimedwait(&usr1, NULL, &long_time); }

/* A child that sleeps until killed. */
static void child_start(void)
{
    child = fork();
    if (child == 0) {
        for (;;)
            pause();
    }
    T_CHECK(child > 0);
}

static void child_stop(void)
{
    kill(child, SIGKILL);
    int status;
    T_EQ(waitpid(child, &status, 0), child);
}

static void do_waitpid(void) { int s; waitpid(child, &s, 0); }
static void do_wait(void) { int s; wait(&s); }
static void do_wait4(void) { int s; wait4(child, &s, 0, NULL); }
static void do_waitid(void) { siginfo_t si; waitid(P_PID, (id_t)child, &si, WEXITED); }

static void fifo_make(void)
{
    os_tmp_path(fifo, "rustcrt-cancel-fifo-");
    unlink(fifo);
    T_RET(mkfifo(fifo, 0600), 0);
}

static void fifo_remove(void) { unlink(fifo); }
static void do_open(void) { open(fifo, O_RDONLY); }
static void do_openat(void) { openat(AT_FDCWD, fifo, O_WRONLY); }

/* A file whose whole range a child process holds a write lock on. */
static void lock_by_child(void)
{
    fifo_make();
    unlink(fifo);
    lock_fd = open(fifo, O_RDWR | O_CREAT | O_TRUNC, 0600);
    T_CHECK(lock_fd >= 0);
    int ready[2];
    T_RET(pipe(ready), 0);
    child = fork();
    if (child == 0) {
        struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
        if (fcntl(lock_fd, F_SETLK, &fl) != 0)
            _exit(1);
        write(ready[1], "l", 1);
        for (;;)
            pause();
    }
    T_CHECK(child > 0);
    char c = 0;
    T_EQ(read(ready[0], &c, 1), 1);
    close(ready[0]);
    close(ready[1]);
}

static void lock_release(void)
{
    child_stop();
    close(lock_fd);
    unlink(fifo);
}

static void do_setlkw(void) { struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET }; fcntl(lock_fd, F_SETLKW, &fl); }
static void do_ofd_setlkw(void) { struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET }; fcntl(lock_fd, F_OFD_SETLKW, &fl); }
static void do_lockf(void) { lockf(lock_fd, F_LOCK, 0); }

static void do_system(void) { system("sleep 30"); }

/* No child is left behind (the cancelled system reaped it) and SIGINT is no longer ignored. */
static void system_done(void)
{
    T_ERRNO(waitpid(-1, NULL, WNOHANG), ECHILD);
    struct sigaction sa;
    T_RET(sigaction(SIGINT, NULL, &sa), 0);
    T_CHECK(sa.sa_handler == SIG_DFL);
}

static const struct cancel_case points[] = {
    { "read", pipe_open, do_read, pipe_close },
    { "readv", pipe_open, do_readv, pipe_close },
    { "write", pipe_full, do_write, pipe_close },
    { "writev", pipe_full, do_writev, pipe_close },
    { "poll", pipe_open, do_poll, pipe_close },
    { "ppoll", pipe_open, do_ppoll, pipe_close },
    { "select", pipe_open, do_select, pipe_close },
    { "pselect", pipe_open, do_pselect, pipe_close },
    { "nanosleep", NULL, do_nanosleep, NULL },
    { "clock_nanosleep", NULL, do_clock_nanosleep, NULL },
    { "sleep", NULL, do_sleep, NULL },
    { "usleep", NULL, do_usleep, NULL },
    { "thrd_sleep", NULL, do_thrd_sleep, NULL },
    { "pause", NULL, do_pause, NULL },
    { "sigsuspend", NULL, do_sigsuspend, NULL },
    { "sigwait", NULL, do_sigwait, NULL },
    { "sigwaitinfo", NULL, do_sigwaitinfo, NULL },
    { "sigtimedwait", NULL, do_sigtimedwait, NULL },
    { "waitpid", child_start, do_waitpid, child_stop },
    { "wait", child_start, do_wait, child_stop },
    { "wait4", child_start, do_wait4, child_stop },
    { "waitid", child_start, do_waitid, child_stop },
    { "open", fifo_make, do_open, fifo_remove },
    { "openat", fifo_make, do_openat, fifo_remove },
    { "fcntl F_SETLKW", lock_by_child, do_setlkw, lock_release },
    { "fcntl F_OFD_SETLKW", lock_by_child, do_ofd_setlkw, lock_release },
    { "lockf F_LOCK", lock_by_child, do_lockf, lock_release },
    { "system", NULL, do_system, system_done },
};

int main(void)
{
    ct_init();
    /* SIGUSR1 stays blocked (the thread inherits the mask) and is never sent, so the
     * signal waits block. */
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    T_RET(pthread_sigmask(SIG_BLOCK, &usr1, NULL), 0);
    cancel_cases(points, sizeof points / sizeof points[0]);
    return t_status();
}
