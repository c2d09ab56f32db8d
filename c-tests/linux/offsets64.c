// cflags: -D_FILE_OFFSET_BITS=64
/* Under _FILE_OFFSET_BITS=64 glibc's <sys/sendfile.h> maps sendfile to sendfile64: a program
 * built that way links and copies with a 64-bit offset, and splice and copy_file_range take
 * the same loff_t offsets. */
#include <fcntl.h>
#include <sys/sendfile.h>
#include "../os/os_test.h"

int main(void)
{
    char path[64];
    os_tmp_path(path, "rustcrt-offsets64-");
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    T_CHECK(fd >= 0);
    T_EQ(write(fd, "0123456789", 10), 10);
    int p[2];
    T_RET(pipe(p), 0);
    off_t off = 3;
    T_EQ(sendfile(p[1], fd, &off, 4), 4);
    T_EQ(off, 7);
    char buf[8] = { 0 };
    T_EQ(read(p[0], buf, sizeof buf), 4);
    T_CHECK(os_streq(buf, "3456"));
    off = 1 << 30;
    T_EQ(sendfile(p[1], fd, &off, 4), 0);
    loff_t in = 8, out = 0;
    T_EQ(copy_file_range(fd, &in, fd, &out, 2, 0), 2);
    T_EQ(in, 10);
    T_EQ(pread(fd, buf, 2, 0), 2);
    T_CHECK(memcmp(buf, "89", 2) == 0);
    in = 0;
    T_EQ(splice(fd, &in, p[1], NULL, 3, 0), 3);
    T_EQ(in, 3);
    close(p[0]);
    close(p[1]);
    close(fd);
    unlink(path);
    t_print("offsets64 done\n");
    return t_status();
}
