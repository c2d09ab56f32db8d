/* Checks run in a child process, for the lookups that glibc's static binaries cannot make
 * here: their NSS code dies by SIGSEGV on a lookup that finds nothing and on a getpwent or
 * getgrent walk. A glibc build (run.py names its executables glibc-*) accepts that death;
 * a rustcrt build must run the checks and pass them. The child prints only failures. */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

static void in_child(const char *argv0, void (*checks)(void))
{
    pid_t pid = fork();
    if (pid == 0) {
        checks();
        _exit(t_status());
    }
    int status = 0;
    T_EQ(waitpid(pid, &status, 0), pid);
    const char *base = strrchr(argv0, '/');
    base = base ? base + 1 : argv0;
    if (strncmp(base, "glibc", 5) == 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV)
        return;
    T_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
