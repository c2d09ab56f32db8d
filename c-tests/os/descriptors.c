/* Descriptors: dup/dup2/dup3, pipe/pipe2, fcntl (flags, F_DUPFD*, record locks, OFD locks),
 * ioctl, isatty/ttyname, pread/pwrite, readv/writev/preadv/pwritev, eventfd. */
#include <errno.h>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "os_test.h"

int main(void)
{
    int fd = open("descriptors.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
    T_CHECK(fd >= 0);

    /* dup family. */
    int d = dup(fd);
    T_CHECK(d > fd);
    T_EQ(write(d, "xy", 2), 2);
    T_EQ(lseek(fd, 0, SEEK_CUR), 2);
    T_EQ(dup2(fd, 50), 50);
    T_EQ(dup2(50, 50), 50);
    T_ERRNO(dup2(77, 77), EBADF);
    T_ERRNO(dup2(-1, 51), EBADF);
    T_ERRNO(dup2(fd, -1), EBADF);
    T_EQ(fcntl(50, F_GETFD), 0);
    T_EQ(dup3(fd, 51, O_CLOEXEC), 51);
    T_EQ(fcntl(51, F_GETFD), FD_CLOEXEC);
    T_ERRNO(dup3(fd, fd, 0), EINVAL);
    T_ERRNO(dup3(fd, 52, O_NONBLOCK), EINVAL);
    T_ERRNO(dup(-1), EBADF);
    T_ERRNO(dup(999), EBADF);
    close(50);
    close(51);
    close(d);

    /* fcntl: descriptor and status flags, duplication. */
    T_EQ(fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
    T_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
    T_EQ(fcntl(fd, F_SETFD, 0), 0);
    T_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDWR);
    T_EQ(fcntl(fd, F_SETFL, O_APPEND), 0);
    T_CHECK(fcntl(fd, F_GETFL) & O_APPEND);
    T_EQ(fcntl(fd, F_DUPFD, 40), 40);
    T_EQ(fcntl(fd, F_DUPFD_CLOEXEC, 40), 41);
    T_EQ(fcntl(41, F_GETFD), FD_CLOEXEC);
    close(40);
    close(41);
    T_ERRNO(fcntl(fd, F_DUPFD, -1), EINVAL);
    T_ERRNO(fcntl(-1, F_GETFD), EBADF);
    T_ERRNO(fcntl(fd, 12345), EINVAL);

    /* Record locks: a child sees the parent's lock with F_GETLK; OFD locks likewise. */
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
    T_EQ(fcntl(fd, F_SETLK, &fl), 0);
    struct flock ofd = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 20, .l_len = 5};
    T_EQ(fcntl(fd, F_OFD_SETLK, &ofd), 0);
    pid_t pid = fork();
    if (pid == 0) {
        int cfd = open("descriptors.tmp", O_RDWR);
        struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1};
        int bad = 0;
        if (fcntl(cfd, F_GETLK, &q) != 0 || q.l_type != F_WRLCK || q.l_pid != getppid() || q.l_len != 10)
            bad |= 1;
        q.l_type = F_WRLCK;
        if (fcntl(cfd, F_SETLK, &q) != -1 || (errno != EAGAIN && errno != EACCES))
            bad |= 2;
        struct flock o = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 20, .l_len = 1};
        if (fcntl(cfd, F_OFD_GETLK, &o) != 0 || o.l_type != F_RDLCK || o.l_pid != -1)
            bad |= 4;
        o.l_type = F_RDLCK;
        o.l_pid = 0;
        if (fcntl(cfd, F_OFD_SETLK, &o) != 0)
            bad |= 8;
        _exit(bad);
    }
    int status = -1;
    T_EQ(waitpid(pid, &status, 0), pid);
    T_EQ(status, 0);
    fl.l_type = F_UNLCK;
    T_EQ(fcntl(fd, F_SETLKW, &fl), 0);
    fl.l_type = 99;
    T_ERRNO(fcntl(fd, F_SETLK, &fl), EINVAL);
    T_ERRNO(fcntl(fd, F_GETLK, os_bad_pointer()), EFAULT);
    ofd.l_pid = 1;
    T_ERRNO(fcntl(fd, F_OFD_SETLK, &ofd), EINVAL);

    /* ioctl on a pipe: FIONREAD; a pipe is not a terminal. */
    int p[2];
    T_EQ(pipe(p), 0);
    T_EQ(write(p[1], "hello", 5), 5);
    int avail = -1;
    T_EQ(ioctl(p[0], FIONREAD, &avail), 0);
    T_EQ(avail, 5);
    T_ERRNO(ioctl(p[0], FIONREAD, os_bad_pointer()), EFAULT);
    T_ERRNO(ioctl(-1, FIONREAD, &avail), EBADF);
    T_ERRNO(ioctl(fd, TIOCGWINSZ, &avail), ENOTTY);
    errno = 0;
    T_EQ(isatty(p[0]), 0);
    T_EQ(errno, ENOTTY);
    T_EQ(isatty(-1), 0);
    T_EQ(errno, EBADF);
    char name[64];
    T_EQ(ttyname_r(p[0], name, sizeof name), ENOTTY);
    T_EQ(ttyname_r(-1, name, sizeof name), EBADF);
    T_CHECK(ttyname(p[0]) == NULL);
    T_EQ(errno, ENOTTY);
    int tty = open("/dev/tty", O_RDWR | O_NOCTTY);
    if (tty >= 0) {
        T_EQ(isatty(tty), 1);
        T_EQ(ttyname_r(tty, name, 2), ERANGE);
        close(tty);
    }
    close(p[0]);
    close(p[1]);

    /* pipe2 flags. */
    T_EQ(pipe2(p, O_CLOEXEC | O_NONBLOCK), 0);
    T_EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC);
    T_CHECK(fcntl(p[1], F_GETFL) & O_NONBLOCK);
    char c;
    T_ERRNO(read(p[0], &c, 1), EAGAIN);
    T_ERRNO(pipe2(p, 0x12345678), EINVAL);
    T_ERRNO(pipe(os_null()), EFAULT);
    close(p[0]);
    close(p[1]);

    /* Positioned and vectored I/O. */
    T_EQ(fcntl(fd, F_SETFL, 0), 0);
    T_EQ(pwrite(fd, "abcdefgh", 8, 0), 8);
    char buf[16] = {0};
    T_EQ(pread(fd, buf, 4, 2), 4);
    T_CHECK(memcmp(buf, "cdef", 4) == 0);
    T_ERRNO(pread(fd, buf, 4, -1), EINVAL);
    T_ERRNO(pwrite(fd, buf, 4, -1), EINVAL);
    T_ERRNO(pread(-1, buf, 4, 0), EBADF);
    T_ERRNO(pread(fd, os_bad_pointer(), 4, 0), EFAULT);
    T_EQ(pread(fd, buf, 4, 100), 0);
    struct iovec iov[3] = {{buf, 1}, {buf + 4, 2}, {buf + 8, 3}};
    T_EQ(lseek(fd, 0, SEEK_SET), 0);
    T_EQ(readv(fd, iov, 3), 6);
    T_EQ(buf[0], 'a');
    T_CHECK(memcmp(buf + 4, "bc", 2) == 0 && memcmp(buf + 8, "def", 3) == 0);
    T_EQ(preadv(fd, iov, 2, 5), 3);
    T_EQ(buf[0], 'f');
    struct iovec out[2] = {{"12", 2}, {"345", 3}};
    T_EQ(writev(fd, out, 2), 5);
    T_EQ(pwritev(fd, out, 2, 1), 5);
    T_EQ(pread(fd, buf, 11, 0), 11);
    T_CHECK(memcmp(buf, "a12345", 6) == 0);
    volatile int negative = -1, too_many = 1025;
    T_ERRNO(readv(fd, iov, negative), EINVAL);
    T_ERRNO(writev(fd, out, too_many), EINVAL);
    T_ERRNO(preadv(fd, iov, 1, -1), EINVAL);
    T_ERRNO(writev(-1, out, 1), EBADF);
    T_ERRNO(readv(fd, os_bad_pointer(), 1), EFAULT);
    T_EQ(readv(fd, iov, 0), 0);

    /* eventfd. */
    int e = eventfd(3, EFD_CLOEXEC | EFD_NONBLOCK);
    T_CHECK(e >= 0);
    T_EQ(fcntl(e, F_GETFD), FD_CLOEXEC);
    unsigned long long v = 0;
    T_EQ(read(e, &v, 8), 8);
    T_EQ(v, 3);
    T_ERRNO(read(e, &v, 8), EAGAIN);
    v = 5;
    T_EQ(write(e, &v, 8), 8);
    T_EQ(read(e, &v, 8), 8);
    T_EQ(v, 5);
    T_ERRNO(eventfd(0, 0x12345), EINVAL);
    close(e);

    close(fd);
    T_EQ(unlink("descriptors.tmp"), 0);
    return t_status();
}
