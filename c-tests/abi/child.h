/* child.h: run a function in a child process and report how the child ended, so that one
 * test can check many calls that abort or exit. The child's standard error goes to
 * /dev/null (the messages differ between libraries); its standard output is kept. */
#ifndef RUSTCRT_ABI_CHILD_H
#define RUSTCRT_ABI_CHILD_H

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

/* The wait status of a child that ran fn and then _exit(0). */
static inline int child_status(void (*fn)(void))
{
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 2);
        fn();
        _exit(0);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return -1;
    return status;
}

/* Whether a child running fn dies by SIGABRT. */
static inline int aborts(void (*fn)(void))
{
    int status = child_status(fn);
    return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

/* A size the compiler cannot see through, so that it neither folds nor warns about a call
 * that is meant to overflow. */
static inline size_t opaque(size_t n)
{
    volatile size_t v = n;
    return v;
}

#endif
