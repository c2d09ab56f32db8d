// cflags: -D_LARGEFILE64_SOURCE -Wno-deprecated-declarations
/* Every *64 name, __*_chk form and internal name this library exports, called by name
 * (programs reach them through glibc's header redirections, tested in files64.c and
 * fortify_io.c). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "os_test.h"

/* Declared by glibc's headers only for their own macros. */
extern int __open64_2(const char *, int);
extern int __openat_2(int, const char *, int);
extern int __openat64_2(int, const char *, int);
extern ssize_t __pread_chk(int, void *, size_t, off_t, size_t);
extern ssize_t __pread64_chk(int, void *, size_t, off64_t, size_t);
extern ssize_t __readlink_chk(const char *, char *, size_t, size_t);
extern ssize_t __readlinkat_chk(int, const char *, char *, size_t, size_t);
extern char *__getcwd_chk(char *, size_t, size_t);
extern int __ttyname_r_chk(int, char *, size_t, size_t);
extern int __gethostname_chk(char *, size_t, size_t);
extern int __getgroups_chk(int, gid_t *, size_t);
extern int __getdomainname_chk(char *, size_t, size_t);
extern int __poll_chk(struct pollfd *, nfds_t, int, size_t);
extern int __ppoll_chk(struct pollfd *, nfds_t, const struct timespec *, const sigset_t *, size_t);
extern int __register_atfork(void (*)(void), void (*)(void), void (*)(void), void *);
extern int __libc_current_sigrtmin(void);
extern int __libc_current_sigrtmax(void);

static int forks_seen;
static void in_child(void) { forks_seen++; }

int main(void)
{
    int fd = open64("names64.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
    T_CHECK(fd >= 0);
    int fd2 = creat64("names64-c.tmp", 0600);
    T_CHECK(fd2 >= 0);
    close(fd2);
    int dfd = openat64(AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
    T_CHECK(dfd >= 0);
    T_EQ(pwrite64(fd, "abcdefgh", 8, 0), 8);
    char buf[16] = {0};
    T_EQ(pread64(fd, buf, 2, 2), 2);
    T_CHECK(memcmp(buf, "cd", 2) == 0);
    struct iovec iov = {buf, 3};
    T_EQ(preadv64(fd, &iov, 1, 5), 3);
    T_EQ(pwritev64(fd, &iov, 1, 8), 3);
    T_EQ(ftruncate64(fd, 20), 0);
    T_EQ(truncate64("names64.tmp", 11), 0);
    struct stat64 st;
    T_EQ(fstat64(fd, &st), 0);
    T_EQ(st.st_size, 11);
    T_EQ(stat64("names64.tmp", &st), 0);
    T_EQ(lstat64("names64.tmp", &st), 0);
    T_EQ(fstatat64(dfd, "names64.tmp", &st, 0), 0);
    T_ERRNO(stat64("names64-none.tmp", &st), ENOENT);
    T_EQ(fcntl64(fd, F_GETFD), 0);
    T_EQ(posix_fadvise64(fd, 0, 0, POSIX_FADV_NORMAL), 0);
    T_EQ(posix_fallocate64(fd, 0, 100), 0);
    T_EQ(fallocate64(fd, 0, 0, 200), 0);
    T_EQ(lockf64(fd, F_TLOCK, 0), 0);
    T_EQ(lockf64(fd, F_ULOCK, 0), 0);
    void *m = mmap64(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
    T_CHECK(m != MAP_FAILED);
    munmap(m, 4096);
    struct statfs64 sf;
    T_EQ(statfs64(".", &sf), 0);
    T_EQ(fstatfs64(fd, &sf), 0);
    struct statvfs64 sv;
    T_EQ(statvfs64(".", &sv), 0);
    T_EQ(fstatvfs64(fd, &sv), 0);
    struct rlimit64 rl;
    T_EQ(getrlimit64(RLIMIT_NOFILE, &rl), 0);
    T_EQ(setrlimit64(RLIMIT_NOFILE, &rl), 0);
    T_EQ(prlimit64(0, RLIMIT_NOFILE, NULL, &rl), 0);

    DIR *d = opendir(".");
    struct dirent64 *e = readdir64(d);
    T_CHECK(e != NULL);
    struct dirent64 entry, *res;
    T_EQ(readdir64_r(d, &entry, &res), 0);
    T_CHECK(res == &entry);
    closedir(d);
    struct dirent64 **list;
    int n = scandir64(".", &list, NULL, alphasort64);
    T_CHECK(n >= 3);
    for (int i = 0; i < n; i++)
        free(list[i]);
    free(list);

    /* The fortified forms, with sizes that fit. */
    int f2 = __open64_2("names64.tmp", O_RDONLY);
    T_CHECK(f2 >= 0);
    close(f2);
    f2 = __openat_2(dfd, "names64.tmp", O_RDONLY);
    T_CHECK(f2 >= 0);
    close(f2);
    f2 = __openat64_2(dfd, "names64.tmp", O_RDONLY);
    T_CHECK(f2 >= 0);
    close(f2);
    T_EQ(__pread_chk(fd, buf, 2, 0, sizeof buf), 2);
    T_EQ(__pread64_chk(fd, buf, 2, 0, sizeof buf), 2);
    T_CHECK(__readlink_chk("/proc/self/cwd", buf, sizeof buf, sizeof buf) > 0);
    T_CHECK(__readlinkat_chk(AT_FDCWD, "/proc/self/cwd", buf, sizeof buf, sizeof buf) > 0);
    char cwd[4096];
    T_CHECK(__getcwd_chk(cwd, sizeof cwd, sizeof cwd) == cwd);
    T_EQ(__ttyname_r_chk(fd, buf, sizeof buf, sizeof buf), ENOTTY);
    char host[256];
    T_EQ(__gethostname_chk(host, sizeof host, sizeof host), 0);
    T_EQ(__getdomainname_chk(host, sizeof host, sizeof host), 0);
    gid_t groups[64];
    T_CHECK(__getgroups_chk(64, groups, sizeof groups) >= 0);
    struct pollfd pf = {fd, POLLIN, 0};
    T_EQ(__poll_chk(&pf, 1, 0, sizeof pf), 1);
    T_EQ(__ppoll_chk(&pf, 1, NULL, NULL, sizeof pf), 1);

    /* Internal names. */
    T_EQ(__libc_current_sigrtmin(), 34);
    T_EQ(__libc_current_sigrtmax(), 64);
    T_EQ(__register_atfork(NULL, NULL, in_child, NULL), 0);
    pid_t pid = fork();
    if (pid == 0)
        _exit(forks_seen == 1 ? 0 : 1);
    int status;
    T_EQ(waitpid(pid, &status, 0), pid);
    T_EQ(status, 0);
    sigjmp_buf env;
    volatile int jumped = 0;
    if (__sigsetjmp(env, 1) == 0) {
        jumped = 1;
        siglongjmp(env, 1);
    }
    T_EQ(jumped, 1);

    close(fd);
    close(dfd);
    unlink("names64.tmp");
    unlink("names64-c.tmp");
    return t_status();
}
