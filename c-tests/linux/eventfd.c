/* eventfd_read and eventfd_write: the counter adds up and a read empties it (or, with
 * EFD_SEMAPHORE, takes one); error paths, including glibc's -1 without errno for a short
 * transfer on a descriptor that is not an eventfd. */
#include <stdint.h>
#include <sys/eventfd.h>
#include "../os/os_test.h"

int main(void)
{
    int fd = eventfd(5, EFD_NONBLOCK);
    T_CHECK(fd >= 0);
    eventfd_t v = 0;
    T_EQ(eventfd_write(fd, 2), 0);
    T_EQ(eventfd_write(fd, 0), 0);
    T_EQ(eventfd_read(fd, &v), 0);
    T_EQ(v, 7);
    T_ERRNO(eventfd_read(fd, &v), EAGAIN);
    T_EQ(eventfd_write(fd, 0xfffffffffffffffeull), 0);
    T_ERRNO(eventfd_write(fd, 1), EAGAIN);
    T_ERRNO(eventfd_write(fd, 0xffffffffffffffffull), EINVAL);
    T_EQ(eventfd_read(fd, &v), 0);
    T_CHECK(v == 0xfffffffffffffffeull);
    T_EQ(eventfd_write(fd, 1), 0);
    T_ERRNO(eventfd_read(fd, os_bad_pointer()), EFAULT);
    T_EQ(close(fd), 0);

    fd = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
    T_EQ(eventfd_read(fd, &v), 0);
    T_EQ(v, 1);
    T_EQ(eventfd_read(fd, &v), 0);
    T_EQ(v, 1);
    T_ERRNO(eventfd_read(fd, &v), EAGAIN);
    T_EQ(close(fd), 0);

    T_ERRNO(eventfd_read(fd, &v), EBADF);
    T_ERRNO(eventfd_write(-1, 1), EBADF);

    /* A pipe holding 3 bytes: the read is short, which fails without setting errno. */
    int p[2];
    T_RET(pipe(p), 0);
    T_EQ(write(p[1], "abc", 3), 3);
    T_ERRNO(eventfd_read(p[0], &v), 0);
    T_EQ(eventfd_write(p[1], 9), 0);
    T_EQ(eventfd_read(p[0], &v), 0);
    T_EQ(eventfd_write(p[0], 1), -1);
    close(p[0]);
    close(p[1]);
    t_print("eventfd done\n");
    return t_status();
}
