// cflags: -D_FILE_OFFSET_BITS=64 -Wno-deprecated-declarations
/* The *64 names that glibc's headers emit under _FILE_OFFSET_BITS=64. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include "os_test.h"

int main(void)
{
    int dfd = open(".", O_RDONLY | O_DIRECTORY);
    int fd = openat(dfd, "files64.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
    T_CHECK(fd >= 0);
    int fd2 = creat("files64-creat.tmp", 0600);
    T_CHECK(fd2 >= 0);
    close(fd2);
    T_EQ(pwrite(fd, "abcdef", 6, 2), 6);
    char buf[8] = {0};
    T_EQ(pread(fd, buf, 3, 3), 3);
    T_CHECK(memcmp(buf, "bcd", 3) == 0);
    T_ERRNO(pread(fd, buf, 3, -1), EINVAL);
    struct iovec iov[2] = {{buf, 2}, {buf + 2, 2}};
    T_EQ(preadv(fd, iov, 2, 4), 4);
    T_CHECK(memcmp(buf, "cdef", 4) == 0);
    T_EQ(pwritev(fd, iov, 1, 0), 2);
    struct stat st;
    T_EQ(fstat(fd, &st), 0);
    T_EQ(st.st_size, 8);
    T_EQ(stat("files64.tmp", &st), 0);
    T_EQ(lstat("files64.tmp", &st), 0);
    T_EQ(fstatat(dfd, "files64.tmp", &st, 0), 0);
    T_ERRNO(stat("files64-none.tmp", &st), ENOENT);
    T_EQ(ftruncate(fd, 1 << 20), 0);
    T_EQ(truncate("files64.tmp", 3), 0);
    T_EQ(lseek(fd, 0, SEEK_END), 3);
    T_EQ(fcntl(fd, F_GETFD), 0);
    void *p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
    T_CHECK(p != MAP_FAILED);
    T_CHECK(memcmp(p, "cd", 2) == 0);
    munmap(p, 4096);
    struct rlimit rl;
    T_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
    T_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
    T_EQ(prlimit(0, RLIMIT_NOFILE, NULL, &rl), 0);
    T_ERRNO(getrlimit(99, &rl), EINVAL);
    DIR *d = opendir(".");
    T_CHECK(d != NULL);
    int found = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        found += os_streq(e->d_name, "files64.tmp");
    T_EQ(found, 1);
    rewinddir(d);
    struct dirent entry, *result;
    T_EQ(readdir_r(d, &entry, &result), 0);
    T_CHECK(result == &entry);
    closedir(d);
    struct dirent **list;
    int n = scandir(".", &list, NULL, alphasort);
    T_CHECK(n >= 3);
    for (int i = 0; i < n; i++)
        free(list[i]);
    free(list);
    close(fd);
    close(dfd);
    T_EQ(unlink("files64.tmp"), 0);
    T_EQ(unlink("files64-creat.tmp"), 0);
    return t_status();
}
