/* memfd_create (write, read back, size, seals, flags) and mincore (resident pages, the
 * alignment and unmapped-range errors); error paths. */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "../os/os_test.h"

int main(void)
{
    int fd = memfd_create("rustcrt-test", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    T_CHECK(fd >= 0);
    T_EQ(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    T_EQ(write(fd, "memory file", 11), 11);
    struct stat st;
    T_RET(fstat(fd, &st), 0);
    T_EQ(st.st_size, 11);
    char buf[16] = { 0 };
    T_EQ(pread(fd, buf, sizeof buf, 0), 11);
    T_CHECK(os_streq(buf, "memory file"));
    T_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), 0);
    T_ERRNO(write(fd, "x", 1), EPERM);
    T_EQ(close(fd), 0);

    fd = memfd_create("", 0);
    T_CHECK(fd >= 0);
    T_EQ(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
    T_ERRNO(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EPERM);
    T_EQ(close(fd), 0);

    char long_name[300];
    memset(long_name, 'n', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = 0;
    T_ERRNO(memfd_create(long_name, 0), EINVAL);
    T_ERRNO(memfd_create("x", 0x1000), EINVAL);
    T_ERRNO(memfd_create(os_bad_pointer(), 0), EFAULT);

    /* mincore: a touched anonymous page is resident. */
    long page = sysconf(_SC_PAGESIZE);
    unsigned char *m = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    T_CHECK(m != MAP_FAILED);
    m[0] = 1;
    unsigned char vec[2] = { 0xff, 0xff };
    T_EQ(mincore(m, 2 * page, vec), 0);
    T_EQ(vec[0] & 1, 1);
    T_ERRNO(mincore(m + 1, page, vec), EINVAL);
    T_ERRNO(mincore(m, page, os_bad_pointer()), EFAULT);
    T_RET(munmap(m, 2 * page), 0);
    T_ERRNO(mincore(m, page, vec), ENOMEM);
    t_print("memory done\n");
    return t_status();
}
