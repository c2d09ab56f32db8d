/* Memory mappings: mmap (anonymous, file, fixed), munmap, mprotect, madvise, posix_madvise,
 * mremap, msync, mlock family; POSIX shared memory objects. */
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "os_test.h"

int main(void)
{
    long page = sysconf(_SC_PAGESIZE);
    T_EQ(getpagesize(), page);

    char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    T_CHECK(p != MAP_FAILED);
    T_EQ(p[0], 0);
    p[0] = 'a';
    p[page] = 'b';
    T_EQ(mprotect(p, page, PROT_READ), 0);
    T_EQ(p[0], 'a');
    T_ERRNO(mprotect(p + 1, page, PROT_READ), EINVAL);
    T_EQ(madvise(p, 2 * page, MADV_DONTNEED), 0);
    T_EQ(p[page], 0);
    T_ERRNO(madvise(p, page, 12345), EINVAL);
    T_EQ(posix_madvise(p, page, POSIX_MADV_SEQUENTIAL), 0);
    T_EQ(posix_madvise(p, page, POSIX_MADV_DONTNEED), 0);
    T_EQ(posix_madvise(p, page, 999), EINVAL);
    T_EQ(mlock(p, page), 0);
    T_EQ(munlock(p, page), 0);
    T_ERRNO(mlockall(0), EINVAL);
    T_EQ(munlockall(), 0);

    /* mremap grows (maybe moving), and moves to a fixed place. */
    T_EQ(munmap(p, 2 * page), 0);
    p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    p[0] = 'z';
    char *q = mremap(p, 2 * page, 4 * page, MREMAP_MAYMOVE);
    T_CHECK(q != MAP_FAILED);
    T_EQ(q[0], 'z');
    char *target = mmap(NULL, 4 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *r = mremap(q, 4 * page, 4 * page, MREMAP_MAYMOVE | MREMAP_FIXED, target);
    T_CHECK(r == target);
    T_EQ(r[0], 'z');
    T_CHECK(mremap(r + 1, page, page, 0) == MAP_FAILED);
    T_EQ(errno, EINVAL);
    T_EQ(munmap(r, 4 * page), 0);
    T_ERRNO(munmap(r + 1, page), EINVAL);

    /* Error paths of mmap. */
    T_CHECK(mmap(NULL, page, PROT_READ, MAP_PRIVATE, -1, 0) == MAP_FAILED);
    T_EQ(errno, EBADF);
    T_CHECK(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
    T_EQ(errno, EINVAL);
    T_CHECK(mmap(NULL, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 1) == MAP_FAILED);
    T_EQ(errno, EINVAL);

    /* A shared file mapping, synced. */
    int fd = open("mman.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
    T_EQ(ftruncate(fd, page), 0);
    char *f = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    T_CHECK(f != MAP_FAILED);
    memcpy(f, "mapped", 6);
    T_EQ(msync(f, page, MS_SYNC), 0);
    T_ERRNO(msync(f, page, MS_SYNC | MS_ASYNC), EINVAL);
    char buf[6];
    T_EQ(pread(fd, buf, 6, 0), 6);
    T_CHECK(memcmp(buf, "mapped", 6) == 0);
    T_EQ(munmap(f, page), 0);
    close(fd);
    unlink("mman.tmp");

    /* Shared memory, seen by a child. */
    shm_unlink("/rustcrt-mman-test");
    int s = shm_open("/rustcrt-mman-test", O_RDWR | O_CREAT | O_EXCL, 0600);
    T_CHECK(s >= 0);
    T_EQ(fcntl(s, F_GETFD), FD_CLOEXEC);
    T_ERRNO(shm_open("/rustcrt-mman-test", O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);
    T_EQ(ftruncate(s, page), 0);
    int *shared = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
    T_CHECK(shared != MAP_FAILED);
    pid_t pid = fork();
    if (pid == 0) {
        int t = shm_open("rustcrt-mman-test", O_RDWR, 0);
        int *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, t, 0);
        m[0] = 42;
        _exit(0);
    }
    T_EQ(waitpid(pid, NULL, 0), pid);
    T_EQ(shared[0], 42);
    struct stat st;
    T_EQ(stat("/dev/shm/rustcrt-mman-test", &st), 0);
    T_EQ(st.st_size, page);
    T_EQ(shm_unlink("/rustcrt-mman-test"), 0);
    T_ERRNO(shm_unlink("/rustcrt-mman-test"), ENOENT);
    T_ERRNO(shm_open("/a/b", O_RDWR | O_CREAT, 0600), EINVAL);
    T_ERRNO(shm_open("/", O_RDWR | O_CREAT, 0600), EINVAL);
    T_ERRNO(shm_open("/rustcrt-none", O_RDWR, 0), ENOENT);
    T_ERRNO(shm_unlink("/a/b"), ENOENT);
    close(s);
    return t_status();
}
