/* statfs/fstatfs/statvfs/fstatvfs, posix_fadvise, fallocate/posix_fallocate, flock, lockf,
 * mknod/mknodat/mkfifo/mkfifoat, sync/syncfs, chroot. */
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <unistd.h>
#include "os_test.h"

int main(void)
{
    struct statfs sf, sf2;
    struct statvfs sv, sv2;
    T_EQ(statfs(".", &sf), 0);
    int dfd = open(".", O_RDONLY | O_DIRECTORY);
    T_EQ(fstatfs(dfd, &sf2), 0);
    T_EQ(sf.f_type, sf2.f_type);
    T_EQ(sf.f_bsize, sf2.f_bsize);
    T_EQ(statvfs(".", &sv), 0);
    T_EQ(fstatvfs(dfd, &sv2), 0);
    T_EQ(sv.f_bsize, (unsigned long)sf.f_bsize);
    T_EQ(sv.f_blocks, sf.f_blocks);
    T_EQ(sv.f_namemax, (unsigned long)sf.f_namelen);
    T_EQ(sv.f_namemax, 255);
    T_EQ(sv.f_fsid, sv2.f_fsid);
    T_EQ(sv.f_flag, sv2.f_flag);
    T_ERRNO(statfs("fsextra-none.tmp", &sf), ENOENT);
    T_ERRNO(fstatfs(-1, &sf), EBADF);
    T_ERRNO(statvfs("fsextra-none.tmp", &sv), ENOENT);
    T_ERRNO(fstatvfs(-1, &sv), EBADF);
    T_ERRNO(statfs(".", os_null()), EFAULT);

    int fd = open("fsextra.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
    T_EQ(posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL), 0);
    T_EQ(posix_fadvise(fd, 0, 0, 99), EINVAL);
    T_EQ(posix_fadvise(-1, 0, 0, POSIX_FADV_NORMAL), EBADF);
    T_EQ(fallocate(fd, 0, 0, 8192), 0);
    struct stat st;
    T_EQ(fstat(fd, &st), 0);
    T_EQ(st.st_size, 8192);
    T_EQ(fallocate(fd, FALLOC_FL_KEEP_SIZE, 8192, 4096), 0);
    T_EQ(fstat(fd, &st), 0);
    T_EQ(st.st_size, 8192);
    T_ERRNO(fallocate(fd, 0, -1, 10), EINVAL);
    T_ERRNO(fallocate(-1, 0, 0, 10), EBADF);
    T_EQ(posix_fallocate(fd, 0, 10000), 0);
    T_EQ(fstat(fd, &st), 0);
    T_EQ(st.st_size, 10000);
    T_EQ(posix_fallocate(fd, -1, 10), EINVAL);
    T_EQ(posix_fallocate(fd, 0, 0), EINVAL);
    T_EQ(posix_fallocate(-1, 0, 10), EBADF);

    /* flock: a second open file description conflicts. */
    T_EQ(flock(fd, LOCK_EX), 0);
    int fd2 = open("fsextra.tmp", O_RDWR);
    T_ERRNO(flock(fd2, LOCK_EX | LOCK_NB), EWOULDBLOCK);
    T_EQ(flock(fd, LOCK_UN), 0);
    T_EQ(flock(fd2, LOCK_SH | LOCK_NB), 0);
    T_EQ(flock(fd2, LOCK_UN), 0);
    T_ERRNO(flock(-1, LOCK_EX), EBADF);
    T_ERRNO(flock(fd, LOCK_NB), EINVAL);
    close(fd2);

    /* lockf: a child sees the parent's lock. */
    T_EQ(lseek(fd, 0, SEEK_SET), 0);
    T_EQ(lockf(fd, F_LOCK, 100), 0);
    T_EQ(lockf(fd, F_TEST, 100), 0);
    pid_t pid = fork();
    if (pid == 0) {
        int cfd = open("fsextra.tmp", O_RDWR);
        int bad = 0;
        if (lockf(cfd, F_TEST, 10) != -1 || errno != EACCES)
            bad |= 1;
        if (lockf(cfd, F_TLOCK, 10) != -1 || (errno != EACCES && errno != EAGAIN))
            bad |= 2;
        lseek(cfd, 200, SEEK_SET);
        if (lockf(cfd, F_TLOCK, 10) != 0)
            bad |= 4;
        _exit(bad);
    }
    int status;
    T_EQ(waitpid(pid, &status, 0), pid);
    T_EQ(status, 0);
    T_EQ(lockf(fd, F_ULOCK, 100), 0);
    T_ERRNO(lockf(fd, 99, 0), EINVAL);
    T_ERRNO(lockf(-1, F_LOCK, 0), EBADF);
    close(fd);

    /* Special files. */
    T_EQ(mkfifo("fsextra-fifo.tmp", 0600), 0);
    T_EQ(stat("fsextra-fifo.tmp", &st), 0);
    T_CHECK(S_ISFIFO(st.st_mode));
    T_ERRNO(mkfifo("fsextra-fifo.tmp", 0600), EEXIST);
    T_EQ(mkfifoat(dfd, "fsextra-fifo2.tmp", 0600), 0);
    T_EQ(mknod("fsextra-node.tmp", S_IFREG | 0600, 0), 0);
    T_EQ(stat("fsextra-node.tmp", &st), 0);
    T_CHECK(S_ISREG(st.st_mode));
    T_EQ(mknodat(dfd, "fsextra-node2.tmp", S_IFIFO | 0600, 0), 0);
    T_ERRNO(mknod("fsextra-bad.tmp", 0170000 | 0600, 0), EINVAL);
    T_ERRNO(mknod("fsextra-none.tmp/x", S_IFREG | 0600, 0), ENOENT);
    unlink("fsextra-fifo.tmp");
    unlink("fsextra-fifo2.tmp");
    unlink("fsextra-node.tmp");
    unlink("fsextra-node2.tmp");
    unlink("fsextra.tmp");

    sync();
    T_EQ(syncfs(dfd), 0);
    T_ERRNO(syncfs(-1), EBADF);
    if (geteuid() == 0) {
        T_EQ(chroot("/"), 0);
    } else {
        T_ERRNO(chroot("/"), EPERM);
    }
    T_ERRNO(chroot("fsextra-none.tmp"), geteuid() == 0 ? ENOENT : EPERM);
    close(dfd);
    return t_status();
}
