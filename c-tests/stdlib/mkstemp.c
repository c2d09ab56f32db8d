/* mkstemp, mkostemp, mkstemps, mkostemps, mkdtemp: a new object whose name replaced the
 * XXXXXX, mode 0600/0700, distinct names, and EINVAL for templates without six Xs. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "test.h"

int main(void)
{
    char a[] = "tmp-a-XXXXXX", b[] = "tmp-b-XXXXXX";
    int fa = mkstemp(a);
    int fb = mkstemp(b);
    T_CHECK(fa >= 0 && fb >= 0 && fa != fb);
    T_CHECK(memcmp(a, "tmp-a-", 6) == 0 && strlen(a) == 12 && memcmp(a + 6, "XXXXXX", 6) != 0);
    T_CHECK(strcmp(a + 6, b + 6) != 0);
    struct stat st;
    T_EQ(fstat(fa, &st), 0);
    T_EQ(st.st_mode & 0777, 0600);
    T_CHECK(S_ISREG(st.st_mode));
    T_EQ(write(fa, "hi", 2), 2);
    T_EQ(lseek(fa, 0, SEEK_SET), 0);
    char buf[4];
    T_EQ(read(fa, buf, 2), 2);
    T_EQ(stat(a, &st), 0);
    T_EQ(st.st_size, 2);
    close(fa);
    close(fb);
    unlink(a);
    unlink(b);

    char c[] = "tmp-c-XXXXXX";
    int fc = mkostemp(c, O_CLOEXEC | O_APPEND);
    T_CHECK(fc >= 0);
    T_CHECK(fcntl(fc, F_GETFD) & FD_CLOEXEC);
    T_CHECK(fcntl(fc, F_GETFL) & O_APPEND);
    close(fc);
    unlink(c);

    char d[] = "tmp-d-XXXXXX.txt";
    int fd = mkstemps(d, 4);
    T_CHECK(fd >= 0);
    T_CHECK(memcmp(d + 12, ".txt", 5) == 0 && memcmp(d + 6, "XXXXXX", 6) != 0);
    close(fd);
    unlink(d);
    char e[] = "tmp-e-XXXXXX.c";
    fd = mkostemps(e, 2, O_CLOEXEC);
    T_CHECK(fd >= 0);
    close(fd);
    unlink(e);

    char dir[] = "tmp-dir-XXXXXX";
    T_CHECK(mkdtemp(dir) == dir);
    T_EQ(stat(dir, &st), 0);
    T_CHECK(S_ISDIR(st.st_mode));
    T_EQ(st.st_mode & 0777, 0700);
    rmdir(dir);

    /* Bad templates. */
    char short_x[] = "tmp-XXXXX";
    T_ERRNO(mkstemp(short_x), EINVAL);
    T_CHECK(strcmp(short_x, "tmp-XXXXX") == 0);
    char no_x[] = "XXXXXXa";
    T_ERRNO(mkstemp(no_x), EINVAL);
    char tiny[] = "X";
    errno = 0;
    T_CHECK(mkdtemp(tiny) == NULL);
    T_EQ(errno, EINVAL);
    char bad_suffix[] = "XXXXXXab";
    T_ERRNO(mkstemps(bad_suffix, 3), EINVAL);
    char missing_dir[] = "no/such/dir/XXXXXX";
    T_ERRNO(mkstemp(missing_dir), ENOENT);
    return t_status();
}
