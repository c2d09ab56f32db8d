// env: PATH=/nonexistent:. FOO=inherited
/* Processes: fork with pipes, the wait family and its statuses, _Fork, vfork, atfork
 * handlers, the exec family (this program re-executed with arguments and environments, a
 * PATH search, a script without #!), posix_spawn(p) with file actions and attributes,
 * system, syscall. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "os_test.h"

/* The atfork handlers record the order they ran in (every later fork adds to it too). */
static char order[256];
static int order_len;
static void note(char c)
{
    if (order_len < (int)sizeof order)
        order[order_len++] = c;
}
static void prep1(void) { note('a'); }
static void prep2(void) { note('b'); }
static void parent1(void) { note('c'); }
static void parent2(void) { note('d'); }
static void child1(void) { note('e'); }
static void child2(void) { note('f'); }

/* The re-executed program: prints its arguments and FOO, exits 0. */
static int child_main(int argc, char **argv)
{
    t_print_kv("child argc=", argc);
    for (int i = 1; i < argc; i++) {
        t_print("  arg: ");
        t_print(argv[i]);
        t_print("\n");
    }
    const char *foo = getenv("FOO");
    t_print("  FOO=");
    t_print(foo ? foo : "(unset)");
    t_print("\n");
    t_print_kv("  own group: ", getpgrp() == getpid());
    return 0;
}

/* Waits for `pid` and returns its exit status, or -1 if it did not exit normally. */
static int reap(pid_t pid)
{
    int status;
    if (waitpid(pid, &status, 0) != pid)
        return -2;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

int main(int argc, char **argv)
{
    if (argc > 1 && os_streq(argv[1], "child"))
        return child_main(argc, argv);

    /* fork with a pipe: the child's message reaches the parent. */
    int p[2];
    T_EQ(pipe(p), 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        (void)!write(p[1], "from child", 10);
        _exit(3);
    }
    T_CHECK(pid > 0);
    close(p[1]);
    char buf[32] = {0};
    T_EQ(read(p[0], buf, sizeof buf), 10);
    T_CHECK(memcmp(buf, "from child", 10) == 0);
    close(p[0]);
    int status;
    T_EQ(waitpid(pid, &status, 0), pid);
    T_CHECK(WIFEXITED(status));
    T_EQ(WEXITSTATUS(status), 3);

    /* Killed, stopped and continued children. */
    pid = fork();
    if (pid == 0) {
        pause();
        _exit(0);
    }
    T_EQ(waitpid(pid, &status, WNOHANG), 0);
    T_EQ(kill(pid, SIGSTOP), 0);
    T_EQ(waitpid(pid, &status, WUNTRACED), pid);
    T_CHECK(WIFSTOPPED(status));
    T_EQ(WSTOPSIG(status), SIGSTOP);
    T_EQ(kill(pid, SIGCONT), 0);
    T_EQ(waitpid(pid, &status, WCONTINUED), pid);
    T_CHECK(WIFCONTINUED(status));
    T_EQ(kill(pid, SIGKILL), 0);
    struct rusage ru;
    T_EQ(wait4(pid, &status, 0, &ru), pid);
    T_CHECK(WIFSIGNALED(status));
    T_EQ(WTERMSIG(status), SIGKILL);

    /* waitid, wait3, wait. */
    pid = fork();
    if (pid == 0)
        _exit(9);
    siginfo_t info;
    memset(&info, 0, sizeof info);
    T_EQ(waitid(P_PID, pid, &info, WEXITED), 0);
    T_EQ(info.si_pid, pid);
    T_EQ(info.si_code, CLD_EXITED);
    T_EQ(info.si_status, 9);
    pid = fork();
    if (pid == 0)
        _exit(1);
    T_EQ(wait3(&status, 0, &ru), pid);
    T_EQ(WEXITSTATUS(status), 1);
    pid = fork();
    if (pid == 0)
        _exit(2);
    T_EQ(wait(&status), pid);
    T_EQ(WEXITSTATUS(status), 2);
    T_ERRNO(wait(&status), ECHILD);
    T_ERRNO(waitpid(-1, &status, WNOHANG), ECHILD);
    T_ERRNO(waitpid(getpid(), &status, 0), ECHILD);
    T_ERRNO(waitpid(-1, &status, 0x100000), EINVAL);
    T_ERRNO(waitid(P_PID, 1, &info, 0), EINVAL);

    /* _Fork and vfork. */
    pid = _Fork();
    if (pid == 0)
        _exit(5);
    T_EQ(reap(pid), 5);
    static volatile int shared;
    pid = vfork();
    if (pid == 0) {
        shared = 42;
        _exit(6);
    }
    T_EQ(reap(pid), 6);
    T_EQ(shared, 42);

    /* atfork handlers: prepare newest first, parent and child oldest first. */
    T_EQ(pthread_atfork(prep1, parent1, child1), 0);
    T_EQ(pthread_atfork(prep2, parent2, child2), 0);
    T_EQ(pthread_atfork(NULL, NULL, NULL), 0);
    pid = fork();
    if (pid == 0)
        _exit(order_len == 4 && memcmp(order, "baef", 4) == 0 ? 0 : 1);
    T_EQ(reap(pid), 0);
    T_EQ(order_len, 4);
    T_CHECK(memcmp(order, "bacd", 4) == 0);
    pid = _Fork();
    if (pid == 0)
        _exit(order_len);
    T_EQ(reap(pid), 4);

    /* exec: this program again, with arguments and environments. */
    const char *self = "/proc/self/exe";
    pid = fork();
    if (pid == 0) {
        char *args[] = {"me", "child", "one two", NULL};
        char *env[] = {"FOO=from-execve", NULL};
        execve(self, args, env);
        _exit(99);
    }
    T_EQ(reap(pid), 0);
    pid = fork();
    if (pid == 0) {
        char *args[] = {"me", "child", "execv", NULL};
        execv(self, args);
        _exit(99);
    }
    T_EQ(reap(pid), 0);
    pid = fork();
    if (pid == 0) {
        execl(self, "me", "child", "execl", "2", "3", "4", "5", "6", "7", (char *)NULL);
        _exit(99);
    }
    T_EQ(reap(pid), 0);
    pid = fork();
    if (pid == 0) {
        char *env[] = {"FOO=from-execle", NULL};
        execle(self, "me", "child", "execle", (char *)NULL, env);
        _exit(99);
    }
    T_EQ(reap(pid), 0);
    /* PATH is "/nonexistent:.", and the test runs in the directory of its binary. */
    const char *name = base_name(argv[0]);
    pid = fork();
    if (pid == 0) {
        execlp(name, "me", "child", "execlp", (char *)NULL);
        _exit(99);
    }
    T_EQ(reap(pid), 0);
    pid = fork();
    if (pid == 0) {
        char *args[] = {"me", "child", "execvpe", NULL};
        char *env[] = {"FOO=from-execvpe", NULL};
        execvpe(name, args, env);
        _exit(99);
    }
    T_EQ(reap(pid), 0);
    pid = fork();
    if (pid == 0) {
        char *args[] = {"me", "child", "fexecve", NULL};
        char *env[] = {NULL};
        int fd = open(self, O_RDONLY | O_CLOEXEC);
        fexecve(fd, args, env);
        _exit(99);
    }
    T_EQ(reap(pid), 0);

    /* A script without "#!" runs under /bin/sh. */
    int sfd = open("process-script.tmp", O_WRONLY | O_CREAT | O_TRUNC, 0755);
    const char script[] = "echo script says $1\nexit 4\n";
    T_EQ(write(sfd, script, sizeof script - 1), (long)sizeof script - 1);
    close(sfd);
    pid = fork();
    if (pid == 0) {
        char *args[] = {"script", "hello", NULL};
        execvp("./process-script.tmp", args);
        _exit(99);
    }
    T_EQ(reap(pid), 4);

    char *none[] = {"x", NULL};
    T_ERRNO(execvp("rustcrt-no-such-program", none), ENOENT);
    T_ERRNO(execvp("", none), ENOENT);
    T_ERRNO(execv("/dev/null", none), EACCES);
    T_ERRNO(execv("process-none.tmp", none), ENOENT);
    T_ERRNO(execve(os_null(), none, none), EFAULT);
    T_ERRNO(fexecve(-1, none, none), EINVAL);

    /* posix_spawn with file actions: output into a file, from another directory. */
    posix_spawn_file_actions_t fa;
    T_EQ(posix_spawn_file_actions_init(&fa), 0);
    T_EQ(posix_spawn_file_actions_addopen(&fa, 5, "process-spawn.tmp", O_WRONLY | O_CREAT | O_TRUNC, 0600), 0);
    T_EQ(posix_spawn_file_actions_adddup2(&fa, 5, 1), 0);
    T_EQ(posix_spawn_file_actions_addclose(&fa, 5), 0);
    T_EQ(posix_spawn_file_actions_addchdir_np(&fa, "/"), 0);
    T_EQ(posix_spawn_file_actions_addopen(&fa, -1, "x", O_RDONLY, 0), EBADF);
    T_EQ(posix_spawn_file_actions_addclose(&fa, -1), EBADF);
    T_EQ(posix_spawn_file_actions_adddup2(&fa, 1, -1), EBADF);
    posix_spawnattr_t attr;
    T_EQ(posix_spawnattr_init(&attr), 0);
    T_EQ(posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF), 0);
    short flags = 0;
    T_EQ(posix_spawnattr_getflags(&attr, &flags), 0);
    T_EQ(flags, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    T_EQ(posix_spawnattr_setflags(&attr, 0x4000), EINVAL);
    T_EQ(posix_spawnattr_setpgroup(&attr, 0), 0);
    pid_t pg = -1;
    T_EQ(posix_spawnattr_getpgroup(&attr, &pg), 0);
    T_EQ(pg, 0);
    sigset_t mask, got;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    T_EQ(posix_spawnattr_setsigmask(&attr, &mask), 0);
    T_EQ(posix_spawnattr_getsigmask(&attr, &got), 0);
    T_EQ(sigismember(&got, SIGUSR1), 1);
    T_EQ(posix_spawnattr_setsigdefault(&attr, &mask), 0);
    T_EQ(posix_spawnattr_getsigdefault(&attr, &got), 0);
    T_EQ(sigismember(&got, SIGUSR1), 1);
    struct sched_param sp = {0};
    T_EQ(posix_spawnattr_setschedparam(&attr, &sp), 0);
    T_EQ(posix_spawnattr_getschedparam(&attr, &sp), 0);
    T_EQ(posix_spawnattr_setschedpolicy(&attr, SCHED_OTHER), 0);
    int policy = -1;
    T_EQ(posix_spawnattr_getschedpolicy(&attr, &policy), 0);
    T_EQ(policy, SCHED_OTHER);
    T_EQ(posix_spawnattr_setschedpolicy(&attr, 99), EINVAL);

    char cwd[4096];
    T_CHECK(getcwd(cwd, sizeof cwd) != NULL);
    char exe[4200];
    size_t n = strlen(cwd);
    memcpy(exe, cwd, n);
    exe[n] = '/';
    memcpy(exe + n + 1, name, strlen(name) + 1);
    char *sargs[] = {"me", "child", "spawned", NULL};
    char *senv[] = {"FOO=from-spawn", NULL};
    pid = -1;
    T_EQ(posix_spawn(&pid, exe, &fa, &attr, sargs, senv), 0);
    T_CHECK(pid > 0);
    T_EQ(reap(pid), 0);
    int out = open("process-spawn.tmp", O_RDONLY);
    char text[512] = {0};
    ssize_t got_n = read(out, text, sizeof text - 1);
    close(out);
    T_CHECK(got_n > 0);
    t_print("spawned wrote:\n");
    t_print(text);
    T_EQ(posix_spawn_file_actions_destroy(&fa), 0);
    T_EQ(posix_spawnattr_destroy(&attr), 0);

    /* posix_spawnp searches PATH; errors come back as numbers. */
    char *shargs[] = {"sh", "-c", "exit 7", NULL};
    char *path_env[] = {"PATH=/bin:/usr/bin", NULL};
    T_EQ(posix_spawn(&pid, "/bin/sh", NULL, NULL, shargs, path_env), 0);
    T_EQ(reap(pid), 7);
    T_EQ(posix_spawnp(&pid, name, NULL, NULL, sargs, senv), 0);
    T_EQ(reap(pid), 0);
    T_EQ(posix_spawn(&pid, "/nonexistent/prog", NULL, NULL, shargs, path_env), ENOENT);
    T_EQ(posix_spawnp(&pid, "rustcrt-no-such-program", NULL, NULL, shargs, path_env), ENOENT);
    posix_spawn_file_actions_t bad;
    posix_spawn_file_actions_init(&bad);
    posix_spawn_file_actions_addopen(&bad, 3, "/nonexistent/file", O_RDONLY, 0);
    T_EQ(posix_spawn(&pid, "/bin/sh", &bad, NULL, shargs, path_env), ENOENT);
    posix_spawn_file_actions_destroy(&bad);
    posix_spawn_file_actions_init(&bad);
    T_EQ(posix_spawn_file_actions_addfchdir_np(&bad, -1), 0);
    T_EQ(posix_spawn(&pid, "/bin/sh", &bad, NULL, shargs, path_env), EBADF);
    posix_spawn_file_actions_destroy(&bad);
    posix_spawn_file_actions_init(&bad);
    int root = open("/", O_RDONLY | O_DIRECTORY);
    T_EQ(posix_spawn_file_actions_addfchdir_np(&bad, root), 0);
    char *pwdargs[] = {"sh", "-c", "[ \"$(pwd)\" = / ]", NULL};
    T_EQ(posix_spawn(&pid, "/bin/sh", &bad, NULL, pwdargs, path_env), 0);
    T_EQ(reap(pid), 0);
    close(root);
    posix_spawn_file_actions_destroy(&bad);

    /* An ignored signal stays ignored in the spawned program, unless SETSIGDEF names it. */
    signal(SIGUSR2, SIG_IGN);
    char *usr2args[] = {"sh", "-c", "kill -USR2 $$; exit 3", NULL};
    T_EQ(posix_spawn(&pid, "/bin/sh", NULL, NULL, usr2args, path_env), 0);
    T_EQ(reap(pid), 3);
    posix_spawnattr_t def;
    posix_spawnattr_init(&def);
    sigset_t usr2;
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    posix_spawnattr_setsigdefault(&def, &usr2);
    posix_spawnattr_setflags(&def, POSIX_SPAWN_SETSIGDEF);
    T_EQ(posix_spawn(&pid, "/bin/sh", NULL, &def, usr2args, path_env), 0);
    T_EQ(waitpid(pid, &status, 0), pid);
    T_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR2);
    posix_spawnattr_destroy(&def);
    signal(SIGUSR2, SIG_DFL);

    /* system. */
    T_CHECK(system(NULL) != 0);
    status = system("exit 3");
    T_CHECK(WIFEXITED(status));
    T_EQ(WEXITSTATUS(status), 3);
    status = system("echo from system");
    T_EQ(status, 0);
    status = system("kill -TERM $$");
    T_CHECK(WIFSIGNALED(status));
    T_EQ(WTERMSIG(status), SIGTERM);

    /* syscall. */
    T_EQ(syscall(SYS_getpid), getpid());
    T_EQ(syscall(SYS_write, 1, "raw write\n", 10), 10);
    T_ERRNO(syscall(SYS_close, -1), EBADF);
    T_ERRNO(syscall(100000), ENOSYS);

    unlink("process-spawn.tmp");
    unlink("process-script.tmp");
    return t_status();
}
