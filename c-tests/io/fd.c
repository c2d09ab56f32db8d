/* open, read, write, lseek, close, getpid: success paths and the POSIX error codes. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "test.h"

int main(void)
{
    const char *path = "fd-test.tmp";
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    T_CHECK(fd >= 3);
    T_EQ(write(fd, "hello, world", 12), 12);
    T_EQ(lseek(fd, 0, SEEK_CUR), 12);
    T_EQ(lseek(fd, 7, SEEK_SET), 7);
    char buf[16] = {0};
    T_EQ(read(fd, buf, sizeof buf), 5);
    T_CHECK(memcmp(buf, "world", 5) == 0);
    T_EQ(read(fd, buf, sizeof buf), 0);
    T_EQ(lseek(fd, -5, SEEK_END), 7);
    T_EQ(read(fd, NULL, 0), 0);
    T_EQ(write(fd, NULL, 0), 0);
    T_ERRNO(lseek(fd, -1, SEEK_SET), EINVAL);
    T_ERRNO(lseek(fd, 0, 12345), EINVAL);
    T_EQ(close(fd), 0);

    /* Error paths. */
    T_ERRNO(close(fd), EBADF);
    T_ERRNO(close(-1), EBADF);
    T_ERRNO(read(fd, buf, 1), EBADF);
    T_ERRNO(write(-1, "x", 1), EBADF);
    T_ERRNO(lseek(-1, 0, SEEK_SET), EBADF);
    T_ERRNO(open("no/such/dir/file", O_RDONLY), ENOENT);
    T_ERRNO(open(path, O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);
    const char *volatile no_path = NULL;
    T_ERRNO(open(no_path, O_RDONLY), EFAULT);

    /* A read-only descriptor refuses writes; a pipe-like /dev/null reads nothing. */
    fd = open(path, O_RDONLY);
    T_CHECK(fd >= 0);
    T_ERRNO(write(fd, "x", 1), EBADF);
    close(fd);
    fd = open("/dev/null", O_RDONLY);
    T_EQ(read(fd, buf, 4), 0);
    T_ERRNO(lseek(open("/dev/null", O_WRONLY), 0, 99), EINVAL);
    close(fd);

    /* Bad buffers give EFAULT, not a crash. */
    fd = open(path, O_RDONLY);
    void *volatile bad_buffer = (void *)8;
    T_ERRNO(read(fd, bad_buffer, 4), EFAULT);
    close(fd);

    /* The *64 names of _FILE_OFFSET_BITS=64 programs. */
    fd = open64(path, O_RDONLY);
    T_CHECK(fd >= 0);
    T_EQ(lseek64(fd, 0, SEEK_END), 12);
    T_ERRNO(lseek64(fd, -13, SEEK_CUR), EINVAL);
    close(fd);
    T_ERRNO(open64("no/such/file", O_RDONLY), ENOENT);

    T_CHECK(getpid() > 1);
    T_EQ(getpid(), getpid());
    return t_status();
}
