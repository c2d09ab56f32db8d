// cflags: -Wno-deprecated-declarations
/* Directory streams: opendir, fdopendir, readdir(_r), telldir/seekdir, rewinddir, dirfd,
 * closedir; scandir with a filter and alphasort; a directory larger than one read. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "os_test.h"

#define MANY 800

static void make_name(char *buf, int i)
{
    memcpy(buf, "dirs-dir.tmp/entry-with-a-long-name-", 36);
    buf[36] = (char)('0' + i / 1000);
    buf[37] = (char)('0' + i / 100 % 10);
    buf[38] = (char)('0' + i / 10 % 10);
    buf[39] = (char)('0' + i % 10);
    buf[40] = 0;
}

static int keep_short(const struct dirent *e)
{
    return e->d_name[0] != 'e';
}

int main(void)
{
    T_EQ(mkdir("dirs-dir.tmp", 0755), 0);
    int fd = creat("dirs-dir.tmp/b", 0600);
    close(fd);
    fd = creat("dirs-dir.tmp/a", 0600);
    close(fd);
    T_EQ(mkdir("dirs-dir.tmp/c", 0755), 0);

    DIR *d = opendir("dirs-dir.tmp");
    T_CHECK(d != NULL);
    T_CHECK(dirfd(d) >= 0);
    T_EQ(fcntl(dirfd(d), F_GETFD), FD_CLOEXEC);
    int seen = 0, dots = 0;
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        seen++;
        if (os_streq(e->d_name, ".") || os_streq(e->d_name, ".."))
            dots++;
        if (os_streq(e->d_name, "c"))
            T_EQ(e->d_type, DT_DIR);
        if (os_streq(e->d_name, "a"))
            T_EQ(e->d_type, DT_REG);
    }
    T_EQ(errno, 0);
    T_EQ(seen, 5);
    T_EQ(dots, 2);
    T_CHECK(readdir(d) == NULL);

    /* Positions: seekdir back to where telldir was gives the same next entry. */
    rewinddir(d);
    e = readdir(d);
    T_CHECK(e != NULL);
    long pos = telldir(d);
    e = readdir(d);
    char second[256];
    memcpy(second, e->d_name, strlen(e->d_name) + 1);
    (void)readdir(d);
    seekdir(d, pos);
    e = readdir(d);
    T_CHECK(e != NULL && os_streq(e->d_name, second));

    /* readdir_r copies into the caller's entry. */
    rewinddir(d);
    struct dirent entry, *result;
    int n = 0;
    while (readdir_r(d, &entry, &result) == 0 && result != NULL) {
        T_CHECK(result == &entry);
        n++;
    }
    T_EQ(n, 5);
    T_CHECK(result == NULL);
    T_EQ(closedir(d), 0);

    /* fdopendir takes over a descriptor. */
    int dfd = open("dirs-dir.tmp", O_RDONLY | O_DIRECTORY);
    d = fdopendir(dfd);
    T_CHECK(d != NULL);
    T_EQ(dirfd(d), dfd);
    T_CHECK(readdir(d) != NULL);
    T_EQ(closedir(d), 0);
    T_ERRNO(fcntl(dfd, F_GETFD), EBADF);
    fd = open("dirs-dir.tmp/a", O_RDONLY);
    T_CHECK(fdopendir(fd) == NULL);
    T_EQ(errno, ENOTDIR);
    close(fd);
    T_CHECK(fdopendir(-1) == NULL);
    T_EQ(errno, EBADF);
    T_CHECK(opendir("dirs-dir.tmp/a") == NULL);
    T_EQ(errno, ENOTDIR);
    T_CHECK(opendir("dirs-none.tmp") == NULL);
    T_EQ(errno, ENOENT);

    /* scandir: filtered and sorted, allocated with malloc. */
    struct dirent **list;
    n = scandir("dirs-dir.tmp", &list, keep_short, alphasort);
    T_EQ(n, 5);
    for (int i = 0; i < n; i++) {
        t_print(list[i]->d_name);
        t_print("\n");
        free(list[i]);
    }
    free(list);
    T_ERRNO(scandir("dirs-none.tmp", &list, NULL, NULL), ENOENT);

    /* More entries than one buffer holds; scandir without a filter sorts them all. */
    char name[64];
    for (int i = 0; i < MANY; i++) {
        make_name(name, MANY - 1 - i);
        fd = creat(name, 0600);
        close(fd);
    }
    d = opendir("dirs-dir.tmp");
    seen = 0;
    while ((e = readdir(d)) != NULL)
        seen++;
    T_EQ(seen, MANY + 5);
    closedir(d);
    n = scandir("dirs-dir.tmp", &list, NULL, alphasort);
    T_EQ(n, MANY + 5);
    int sorted = 1;
    for (int i = 1; i < n; i++)
        if (alphasort((const struct dirent **)&list[i - 1], (const struct dirent **)&list[i]) >= 0)
            sorted = 0;
    T_EQ(sorted, 1);
    T_CHECK(os_streq(list[0]->d_name, "."));
    T_CHECK(os_streq(list[5]->d_name, "entry-with-a-long-name-0000"));
    for (int i = 0; i < n; i++)
        free(list[i]);
    free(list);

    for (int i = 0; i < MANY; i++) {
        make_name(name, i);
        unlink(name);
    }
    unlink("dirs-dir.tmp/a");
    unlink("dirs-dir.tmp/b");
    rmdir("dirs-dir.tmp/c");
    T_EQ(rmdir("dirs-dir.tmp"), 0);
    return t_status();
}
