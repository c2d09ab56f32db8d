/* Paths and metadata: openat, creat, the stat family, statx, access, the working directory,
 * mkdir/rmdir/unlink, renameat, links, symlinks, truncate, permissions, owners, times, umask. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include "os_test.h"

int main(void)
{
    umask(022);
    T_EQ(umask(077), 022);
    T_EQ(umask(022), 077);

    /* A scratch directory, entered by descriptor. */
    const char *dir = "files-dir.tmp";
    T_EQ(mkdir(dir, 0755), 0);
    T_ERRNO(mkdir(dir, 0755), EEXIST);
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    T_CHECK(dfd >= 0);

    /* creat, openat relative to the directory. */
    int fd = openat(dfd, "a", O_RDWR | O_CREAT | O_EXCL, 0640);
    T_CHECK(fd >= 0);
    T_EQ(write(fd, "0123456789", 10), 10);
    T_ERRNO(openat(dfd, "a", O_RDWR | O_CREAT | O_EXCL, 0640), EEXIST);
    T_ERRNO(openat(-1, "a", O_RDONLY), EBADF);
    T_ERRNO(openat(fd, "a", O_RDONLY), ENOTDIR);
    T_ERRNO(openat(dfd, os_null(), O_RDONLY), EFAULT);
    int fd2 = creat("files-creat.tmp", 0600);
    T_CHECK(fd2 >= 0);
    T_ERRNO(read(fd2, &fd, 1), EBADF);
    close(fd2);

    /* The stat family agree with each other. */
    struct stat st, st2;
    T_EQ(fstat(fd, &st), 0);
    T_EQ(st.st_size, 10);
    T_CHECK(S_ISREG(st.st_mode));
    T_EQ(st.st_mode & 0777, 0640);
    T_EQ(st.st_nlink, 1);
    T_EQ(st.st_uid, getuid());
    T_EQ(fstatat(dfd, "a", &st2, 0), 0);
    T_EQ(st2.st_ino, st.st_ino);
    T_EQ(st2.st_dev, st.st_dev);
    T_EQ(stat("files-dir.tmp/a", &st2), 0);
    T_EQ(st2.st_ino, st.st_ino);
    T_EQ(fstatat(fd, "", &st2, AT_EMPTY_PATH), 0);
    T_EQ(st2.st_ino, st.st_ino);
    T_ERRNO(stat("files-dir.tmp/none", &st2), ENOENT);
    T_ERRNO(stat("files-dir.tmp/a/x", &st2), ENOTDIR);
    T_ERRNO(stat(os_null(), &st2), EFAULT);
    T_ERRNO(fstat(-1, &st2), EBADF);
    T_ERRNO(fstat(999, &st2), EBADF);
    T_ERRNO(fstatat(dfd, "a", &st2, 0x12345), EINVAL);
    T_ERRNO(fstat(fd, os_null()), EFAULT);

    struct statx sx;
    T_EQ(statx(dfd, "a", 0, STATX_BASIC_STATS, &sx), 0);
    T_EQ(sx.stx_size, 10);
    T_EQ(sx.stx_ino, st.st_ino);
    T_CHECK(sx.stx_mask & STATX_SIZE);
    T_ERRNO(statx(dfd, "none", 0, STATX_BASIC_STATS, &sx), ENOENT);
    T_ERRNO(statx(dfd, "a", 0, STATX__RESERVED, &sx), EINVAL);

    /* Symbolic and hard links. */
    T_EQ(symlinkat("a", dfd, "sym"), 0);
    T_ERRNO(symlinkat("a", dfd, "sym"), EEXIST);
    T_EQ(symlink("files-dir.tmp/a", "files-sym.tmp"), 0);
    char buf[64];
    T_EQ(readlinkat(dfd, "sym", buf, sizeof buf), 1);
    T_EQ(buf[0], 'a');
    T_EQ(readlink("files-sym.tmp", buf, 5), 5);
    T_CHECK(memcmp(buf, "files", 5) == 0);
    T_ERRNO(readlink("files-sym.tmp", buf, 0), EINVAL);
    T_ERRNO(readlinkat(dfd, "a", buf, sizeof buf), EINVAL);
    T_ERRNO(readlink("files-none.tmp", buf, sizeof buf), ENOENT);
    T_EQ(lstat("files-sym.tmp", &st2), 0);
    T_CHECK(S_ISLNK(st2.st_mode));
    T_EQ(stat("files-sym.tmp", &st2), 0);
    T_EQ(st2.st_ino, st.st_ino);
    T_EQ(fstatat(dfd, "sym", &st2, AT_SYMLINK_NOFOLLOW), 0);
    T_CHECK(S_ISLNK(st2.st_mode));
    T_EQ(linkat(dfd, "a", AT_FDCWD, "files-link.tmp", 0), 0);
    T_EQ(link("files-link.tmp", "files-link2.tmp"), 0);
    T_ERRNO(link("files-link.tmp", "files-link2.tmp"), EEXIST);
    T_ERRNO(link("files-none.tmp", "files-link3.tmp"), ENOENT);
    T_EQ(fstat(fd, &st2), 0);
    T_EQ(st2.st_nlink, 3);
    T_EQ(unlink("files-link2.tmp"), 0);
    T_EQ(unlinkat(AT_FDCWD, "files-link.tmp", 0), 0);
    T_ERRNO(unlink("files-link.tmp"), ENOENT);
    T_EQ(unlink("files-sym.tmp"), 0);

    /* Renames, with and without RENAME_NOREPLACE. */
    T_EQ(renameat(dfd, "a", dfd, "b"), 0);
    T_ERRNO(fstatat(dfd, "a", &st2, 0), ENOENT);
    T_EQ(renameat2(dfd, "b", dfd, "a", 0), 0);
    T_ERRNO(renameat2(dfd, "a", dfd, "sym", RENAME_NOREPLACE), EEXIST);
    T_ERRNO(renameat(dfd, "none", dfd, "x"), ENOENT);
    T_ERRNO(renameat2(dfd, "a", dfd, "b", 0x80000), EINVAL);

    /* access and faccessat. */
    T_EQ(access("files-dir.tmp/a", F_OK), 0);
    T_EQ(access("files-dir.tmp/a", R_OK | W_OK), 0);
    T_ERRNO(access("files-dir.tmp/none", F_OK), ENOENT);
    T_ERRNO(access("files-dir.tmp/a", 0x40), EINVAL);
    T_EQ(faccessat(dfd, "a", R_OK, 0), 0);
    T_EQ(faccessat(dfd, "a", R_OK, AT_EACCESS), 0);
    T_ERRNO(faccessat(dfd, "none", R_OK, 0), ENOENT);
    if (getuid() != 0) {
        T_ERRNO(access("files-dir.tmp/a", X_OK), EACCES);
    }

    /* Permissions and owners. */
    T_EQ(fchmod(fd, 0600), 0);
    T_EQ(fstat(fd, &st2), 0);
    T_EQ(st2.st_mode & 0777, 0600);
    T_EQ(chmod("files-dir.tmp/a", 0644), 0);
    T_EQ(fchmodat(dfd, "a", 0640, 0), 0);
    T_EQ(fstat(fd, &st2), 0);
    T_EQ(st2.st_mode & 0777, 0640);
    T_ERRNO(chmod("files-dir.tmp/none", 0644), ENOENT);
    T_ERRNO(fchmod(-1, 0644), EBADF);
    T_EQ(fchown(fd, (uid_t)-1, (gid_t)-1), 0);
    T_EQ(chown("files-dir.tmp/a", getuid(), getgid()), 0);
    T_EQ(lchown("files-dir.tmp/sym", (uid_t)-1, (gid_t)-1), 0);
    T_EQ(fchownat(dfd, "a", (uid_t)-1, getgid(), 0), 0);
    T_ERRNO(chown("files-dir.tmp/none", 0, 0), ENOENT);
    T_ERRNO(fchown(-1, 0, 0), EBADF);

    /* Times. */
    struct timespec ts[2] = {{1000000000, 5}, {1200000000, 7}};
    T_EQ(futimens(fd, ts), 0);
    T_EQ(fstat(fd, &st2), 0);
    T_EQ(st2.st_atim.tv_sec, 1000000000);
    T_EQ(st2.st_mtim.tv_sec, 1200000000);
    T_EQ(st2.st_mtim.tv_nsec, 7);
    ts[0].tv_nsec = UTIME_OMIT;
    ts[1].tv_sec = 1300000000;
    T_EQ(utimensat(dfd, "a", ts, 0), 0);
    T_EQ(fstat(fd, &st2), 0);
    T_EQ(st2.st_atim.tv_sec, 1000000000);
    T_EQ(st2.st_mtim.tv_sec, 1300000000);
    T_EQ(utimensat(dfd, "a", NULL, 0), 0);
    T_EQ(fstat(fd, &st2), 0);
    T_CHECK(st2.st_mtim.tv_sec > 1300000000);
    ts[0].tv_nsec = 1000000000;
    T_ERRNO(utimensat(dfd, "a", ts, 0), EINVAL);
    T_ERRNO(futimens(-1, NULL), EBADF);
    T_ERRNO(utimensat(dfd, "none", NULL, 0), ENOENT);

    /* Sizes. */
    T_EQ(ftruncate(fd, 4), 0);
    T_EQ(fstat(fd, &st2), 0);
    T_EQ(st2.st_size, 4);
    T_EQ(truncate("files-dir.tmp/a", 100), 0);
    T_EQ(fstat(fd, &st2), 0);
    T_EQ(st2.st_size, 100);
    T_ERRNO(truncate("files-dir.tmp/a", -1), EINVAL);
    T_ERRNO(ftruncate(fd, -1), EINVAL);
    T_ERRNO(truncate("files-dir.tmp/none", 0), ENOENT);
    T_ERRNO(truncate("files-dir.tmp", 0), EISDIR);
    T_ERRNO(ftruncate(-1, 0), EBADF);
    T_EQ(fsync(fd), 0);
    T_EQ(fdatasync(fd), 0);
    T_ERRNO(fsync(-1), EBADF);
    T_ERRNO(fdatasync(-1), EBADF);

    /* The working directory. */
    char cwd[4096], sub[4096];
    T_CHECK(getcwd(cwd, sizeof cwd) == cwd);
    T_EQ(cwd[0], '/');
    T_CHECK(getcwd(buf, 1) == NULL);
    T_EQ(errno, ERANGE);
    T_CHECK(getcwd(buf, 0) == NULL);
    T_EQ(errno, EINVAL);
    char *dup_cwd = getcwd(NULL, 0);
    T_CHECK(dup_cwd != NULL && os_streq(dup_cwd, cwd));
    free(dup_cwd);
    dup_cwd = getcwd(NULL, 4096);
    T_CHECK(dup_cwd != NULL && os_streq(dup_cwd, cwd));
    free(dup_cwd);
    T_CHECK(getcwd(NULL, 1) == NULL);
    T_EQ(errno, ERANGE);
    T_EQ(chdir(dir), 0);
    T_CHECK(getcwd(sub, sizeof sub) == sub);
    size_t n = strlen(cwd);
    T_CHECK(memcmp(sub, cwd, n) == 0 && os_streq(sub + n, "/files-dir.tmp"));
    T_EQ(access("a", F_OK), 0);
    T_EQ(chdir(".."), 0);
    T_EQ(fchdir(dfd), 0);
    T_EQ(access("a", F_OK), 0);
    T_ERRNO(fchdir(fd), ENOTDIR);
    T_ERRNO(fchdir(-1), EBADF);
    T_EQ(chdir(cwd), 0);
    T_ERRNO(chdir("files-none.tmp"), ENOENT);
    T_ERRNO(chdir(os_null()), EFAULT);

    /* Removing. */
    T_ERRNO(rmdir(dir), ENOTEMPTY);
    T_ERRNO(unlink(dir), EISDIR);
    T_ERRNO(unlinkat(dfd, "a", AT_REMOVEDIR), ENOTDIR);
    T_EQ(unlinkat(dfd, "a", 0), 0);
    T_EQ(unlinkat(dfd, "sym", 0), 0);
    T_EQ(mkdirat(dfd, "d", 0700), 0);
    T_ERRNO(mkdirat(dfd, "d", 0700), EEXIST);
    T_ERRNO(mkdirat(-1, "d", 0700), EBADF);
    T_EQ(unlinkat(dfd, "d", AT_REMOVEDIR), 0);
    close(fd);
    close(dfd);
    T_EQ(rmdir(dir), 0);
    T_ERRNO(rmdir(dir), ENOENT);
    T_EQ(unlink("files-creat.tmp"), 0);
    return t_status();
}
