/* A bad path pointer is -1 with errno EFAULT, not a crash, in every path-taking call: a
 * small nonzero address (8), the start of a PROT_NONE page, and a string that runs into one
 * without a NUL. Left out: opendir and pathconf, where glibc reads the string itself and
 * crashes (rustcrt says EFAULT); realpath and the PATH-searching exec functions, which must
 * read the string themselves, in both libraries. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "os_test.h"

static char good[64], fresh[64];

static void check_all(const char *b, const char *what)
{
    int before = t_failures;
    struct stat st;
    struct statx stx;
    struct statfs sfs;
    struct statvfs svfs;
    char buf[16];
    char *argv[] = { (char *)"x", NULL };
    T_ERRNO(open(b, O_RDONLY), EFAULT);
    T_ERRNO(open64(b, O_RDONLY), EFAULT);
    T_ERRNO(openat(AT_FDCWD, b, O_RDONLY), EFAULT);
    T_ERRNO(creat(b, 0600), EFAULT);
    T_ERRNO(stat(b, &st), EFAULT);
    T_ERRNO(stat64(b, (struct stat64 *)&st), EFAULT);
    T_ERRNO(lstat(b, &st), EFAULT);
    T_ERRNO(fstatat(AT_FDCWD, b, &st, 0), EFAULT);
    T_ERRNO(statx(AT_FDCWD, b, 0, STATX_BASIC_STATS, &stx), EFAULT);
    T_ERRNO(access(b, F_OK), EFAULT);
    T_ERRNO(faccessat(AT_FDCWD, b, R_OK, 0), EFAULT);
    T_ERRNO(faccessat(AT_FDCWD, b, R_OK, AT_EACCESS), EFAULT);
    T_ERRNO(mkdir(b, 0700), EFAULT);
    T_ERRNO(mkdirat(AT_FDCWD, b, 0700), EFAULT);
    T_ERRNO(rmdir(b), EFAULT);
    T_ERRNO(unlink(b), EFAULT);
    T_ERRNO(unlinkat(AT_FDCWD, b, 0), EFAULT);
    T_ERRNO(remove(b), EFAULT);
    T_ERRNO(rename(b, fresh), EFAULT);
    T_ERRNO(rename(good, b), EFAULT);
    T_ERRNO(renameat(AT_FDCWD, b, AT_FDCWD, fresh), EFAULT);
    T_ERRNO(renameat2(AT_FDCWD, good, AT_FDCWD, b, 0), EFAULT);
    T_ERRNO(link(b, fresh), EFAULT);
    T_ERRNO(link(good, b), EFAULT);
    T_ERRNO(linkat(AT_FDCWD, b, AT_FDCWD, fresh, 0), EFAULT);
    T_ERRNO(symlink(b, fresh), EFAULT);
    T_ERRNO(symlink(good, b), EFAULT);
    T_ERRNO(symlinkat(good, AT_FDCWD, b), EFAULT);
    T_ERRNO(readlink(b, buf, sizeof buf), EFAULT);
    T_ERRNO(readlinkat(AT_FDCWD, b, buf, sizeof buf), EFAULT);
    T_ERRNO(chdir(b), EFAULT);
    T_ERRNO(chmod(b, 0600), EFAULT);
    T_ERRNO(fchmodat(AT_FDCWD, b, 0600, 0), EFAULT);
    T_ERRNO(chown(b, (uid_t)-1, (gid_t)-1), EFAULT);
    T_ERRNO(lchown(b, (uid_t)-1, (gid_t)-1), EFAULT);
    T_ERRNO(fchownat(AT_FDCWD, b, (uid_t)-1, (gid_t)-1, 0), EFAULT);
    T_ERRNO(truncate(b, 0), EFAULT);
    T_ERRNO(truncate64(b, 0), EFAULT);
    T_ERRNO(utimensat(AT_FDCWD, b, NULL, 0), EFAULT);
    T_ERRNO(mknod(b, S_IFIFO | 0600, 0), EFAULT);
    T_ERRNO(mkfifo(b, 0600), EFAULT);
    T_ERRNO(mkfifoat(AT_FDCWD, b, 0600), EFAULT);
    T_ERRNO(statfs(b, &sfs), EFAULT);
    T_ERRNO(statvfs(b, &svfs), EFAULT);
    T_ERRNO(chroot(b), EFAULT);
    T_ERRNO(execve(b, argv, argv + 1), EFAULT);
    T_ERRNO(execv(b, argv), EFAULT);
    errno = 0;
    T_CHECK(fopen(b, "r") == NULL);
    T_EQ(errno, EFAULT);
    t_print(what);
    t_print(t_failures == before ? ": EFAULT everywhere\n" : ": wrong\n");
}

int main(void)
{
    os_tmp_path(good, "rustcrt-efault-");
    strcpy(fresh, good);
    strcat(fresh, "-new");
    int fd = open(good, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    T_CHECK(fd >= 0);
    close(fd);

    long page = sysconf(_SC_PAGESIZE);
    char *m = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    T_CHECK(m != MAP_FAILED);
    memset(m, 'a', page);
    T_RET(mprotect(m + page, page, PROT_NONE), 0);

    /* The result buffers go to the kernel too. */
    struct stat st;
    T_EQ(stat(good, &st), 0);
    T_ERRNO(stat(good, os_bad_pointer()), EFAULT);
    T_ERRNO(lstat(good, os_bad_pointer()), EFAULT);
    T_ERRNO(fstatat(AT_FDCWD, good, os_bad_pointer(), 0), EFAULT);
    T_ERRNO(statx(AT_FDCWD, good, 0, STATX_BASIC_STATS, os_bad_pointer()), EFAULT);
    /* So do the times of utimensat and futimens; null is "now" for both. */
    T_ERRNO(utimensat(AT_FDCWD, good, os_bad_pointer(), 0), EFAULT);
    T_EQ(utimensat(AT_FDCWD, good, NULL, 0), 0);
    fd = open(good, O_RDONLY);
    T_CHECK(fd >= 0);
    T_ERRNO(futimens(fd, os_bad_pointer()), EFAULT);
    T_ERRNO(futimens(fd, (const struct timespec *)(m + page)), EFAULT);
    T_EQ(futimens(fd, NULL), 0);
    struct timespec set[2] = {{100, 0}, {200, UTIME_OMIT}};
    T_EQ(futimens(fd, set), 0);
    T_EQ(fstat(fd, &st), 0);
    T_EQ(st.st_atime, 100);
    close(fd);
    T_ERRNO(futimens(-1, NULL), EBADF);

    check_all(os_bad_pointer(), "small address");
    check_all(m + page, "PROT_NONE page");
    check_all(m + page - 8, "string running into a PROT_NONE page");

    unlink(good);
    unlink(fresh);
    munmap(m, 2 * page);
    return t_status();
}
