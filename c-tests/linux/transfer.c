/* sendfile, copy_file_range between temporary files (with and without offsets), splice and
 * tee through pipes, vmsplice into a pipe, readahead; error paths. */
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include "../os/os_test.h"

static char path_a[64], path_b[64];

/* The whole content of `fd` from offset 0, as a string. */
static const char *content(int fd)
{
    static char buf[64];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    buf[n > 0 ? n : 0] = 0;
    return buf;
}

int main(void)
{
    os_tmp_path(path_a, "rustcrt-xfer-a-");
    os_tmp_path(path_b, "rustcrt-xfer-b-");
    int a = open(path_a, O_RDWR | O_CREAT | O_TRUNC, 0600);
    int b = open(path_b, O_RDWR | O_CREAT | O_TRUNC, 0600);
    T_CHECK(a >= 0 && b >= 0);
    T_EQ(write(a, "hello, world", 12), 12);

    /* sendfile with an offset: the source's own offset stays at 12. */
    off_t off = 7;
    T_EQ(sendfile(b, a, &off, 100), 5);
    T_EQ(off, 12);
    T_EQ(lseek(a, 0, SEEK_CUR), 12);
    T_CHECK(os_streq(content(b), "world"));
    /* Without one, from the source's offset, which advances. */
    T_EQ(lseek(a, 0, SEEK_SET), 0);
    T_EQ(sendfile(b, a, NULL, 5), 5);
    T_EQ(lseek(a, 0, SEEK_CUR), 5);
    T_CHECK(os_streq(content(b), "worldhello"));
    T_EQ(sendfile64(b, a, NULL, 2), 2);
    T_EQ(sendfile(b, a, NULL, 0), 0);
    T_ERRNO(sendfile(-1, a, NULL, 1), EBADF);
    T_ERRNO(sendfile(b, -1, NULL, 1), EBADF);
    T_ERRNO(sendfile(b, a, os_bad_pointer(), 1), EFAULT);
    off = -1;
    T_ERRNO(sendfile(b, a, &off, 1), EINVAL);

    /* copy_file_range: between offsets, then from and to the descriptors' own. */
    T_EQ(ftruncate(b, 0), 0);
    off_t in = 0, out = 0;
    T_EQ(copy_file_range(a, &in, b, &out, 5, 0), 5);
    T_EQ(in, 5);
    T_EQ(out, 5);
    T_CHECK(os_streq(content(b), "hello"));
    T_EQ(lseek(a, 5, SEEK_SET), 5);
    T_EQ(lseek(b, 5, SEEK_SET), 5);
    T_EQ(copy_file_range(a, NULL, b, NULL, 100, 0), 7);
    T_CHECK(os_streq(content(b), "hello, world"));
    T_EQ(copy_file_range(a, NULL, b, NULL, 100, 0), 0);
    T_ERRNO(copy_file_range(a, &in, b, &out, 5, 1), EINVAL);
    T_ERRNO(copy_file_range(-1, NULL, b, NULL, 5, 0), EBADF);
    T_ERRNO(copy_file_range(a, os_bad_pointer(), b, NULL, 5, 0), EFAULT);
    int ro = open(path_b, O_RDONLY);
    T_ERRNO(copy_file_range(a, &in, ro, NULL, 5, 0), EBADF);
    close(ro);

    /* readahead on a file; a pipe has no page cache. */
    T_EQ(readahead(a, 0, 4096), 0);
    int p[2], q[2];
    T_RET(pipe(p), 0);
    T_RET(pipe(q), 0);
    T_ERRNO(readahead(p[0], 0, 10), EINVAL);
    T_ERRNO(readahead(-1, 0, 10), EBADF);

    /* splice: file to pipe (with an offset), pipe to pipe, pipe to file. */
    off = 0;
    T_EQ(splice(a, &off, p[1], NULL, 5, 0), 5);
    T_EQ(off, 5);
    T_EQ(tee(p[0], q[1], 100, 0), 5);
    char buf[16] = { 0 };
    T_EQ(read(q[0], buf, sizeof buf), 5);
    T_CHECK(memcmp(buf, "hello", 5) == 0);
    T_EQ(splice(p[0], NULL, q[1], NULL, 2, SPLICE_F_MOVE), 2);
    T_EQ(read(q[0], buf, sizeof buf), 2);
    T_CHECK(memcmp(buf, "he", 2) == 0);
    T_EQ(ftruncate(b, 0), 0);
    off = 0;
    T_EQ(splice(p[0], NULL, b, &off, 100, 0), 3);
    T_CHECK(os_streq(content(b), "llo"));
    T_ERRNO(splice(p[0], NULL, q[1], NULL, 1, SPLICE_F_NONBLOCK), EAGAIN);
    T_ERRNO(splice(a, NULL, b, NULL, 1, 0), EINVAL);
    T_ERRNO(splice(p[0], &off, q[1], NULL, 1, 0), ESPIPE);
    T_ERRNO(splice(-1, NULL, q[1], NULL, 1, 0), EBADF);
    T_ERRNO(splice(a, os_bad_pointer(), p[1], NULL, 1, 0), EFAULT);
    T_ERRNO(tee(p[0], q[1], 1, SPLICE_F_NONBLOCK), EAGAIN);
    T_ERRNO(tee(a, q[1], 1, 0), EINVAL);
    T_ERRNO(tee(p[0], p[1], 1, 0), EINVAL);
    T_ERRNO(tee(p[0], p[0], 1, 0), EBADF);
    T_ERRNO(tee(-1, q[1], 1, 0), EBADF);

    /* vmsplice: two buffers into a pipe. */
    char x[] = "ab", y[] = "cde";
    struct iovec iov[2] = { { x, 2 }, { y, 3 } };
    T_EQ(vmsplice(p[1], iov, 2, 0), 5);
    T_EQ(read(p[0], buf, sizeof buf), 5);
    T_CHECK(memcmp(buf, "abcde", 5) == 0);
    T_ERRNO(vmsplice(a, iov, 2, 0), EBADF);
    T_ERRNO(vmsplice(-1, iov, 2, 0), EBADF);
    T_ERRNO(vmsplice(p[1], os_bad_pointer(), 2, 0), EFAULT);

    close(p[0]);
    close(p[1]);
    close(q[0]);
    close(q[1]);
    close(a);
    close(b);
    unlink(path_a);
    unlink(path_b);
    t_print("transfer done\n");
    return t_status();
}
