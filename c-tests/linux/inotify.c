/* inotify_init, inotify_init1, inotify_add_watch, inotify_rm_watch: creating and deleting a
 * file in a fresh directory in /tmp are read as IN_CREATE and IN_DELETE events naming it;
 * removing the watch gives IN_IGNORED; error paths. */
#include <fcntl.h>
#include <stdint.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include "../os/os_test.h"

static char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));

/* Reads one event and checks its watch, mask and name. */
static void expect(int fd, int wd, uint32_t mask, const char *name)
{
    ssize_t n = read(fd, buf, sizeof buf);
    T_CHECK(n >= (ssize_t)sizeof(struct inotify_event));
    if (n < (ssize_t)sizeof(struct inotify_event))
        return;
    struct inotify_event *ev = (struct inotify_event *)buf;
    T_EQ(ev->wd, wd);
    T_EQ(ev->mask, mask);
    if (name) {
        T_CHECK(ev->len > 0);
        T_CHECK(os_streq(ev->name, name));
    } else {
        T_EQ(ev->len, 0);
    }
    T_EQ(n, (ssize_t)(sizeof *ev + ev->len));
}

int main(void)
{
    char dir[64], file[96];
    os_tmp_path(dir, "rustcrt-inotify-");
    T_RET(mkdir(dir, 0700), 0);
    strcpy(file, dir);
    strcat(file, "/made");

    int fd = inotify_init();
    T_CHECK(fd >= 0);
    T_EQ(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
    T_EQ(close(fd), 0);
    fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    T_CHECK(fd >= 0);
    T_EQ(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    int wd = inotify_add_watch(fd, dir, IN_CREATE | IN_DELETE);
    T_CHECK(wd >= 1);
    T_EQ(inotify_add_watch(fd, dir, IN_CREATE | IN_DELETE), wd);
    T_ERRNO(read(fd, buf, sizeof buf), EAGAIN);

    int f = open(file, O_CREAT | O_WRONLY, 0600);
    T_CHECK(f >= 0);
    close(f);
    expect(fd, wd, IN_CREATE, "made");
    T_RET(unlink(file), 0);
    expect(fd, wd, IN_DELETE, "made");
    T_ERRNO(read(fd, buf, sizeof buf), EAGAIN);

    T_EQ(inotify_rm_watch(fd, wd), 0);
    expect(fd, wd, IN_IGNORED, NULL);

    /* Error paths. */
    T_ERRNO(inotify_rm_watch(fd, wd), EINVAL);
    T_ERRNO(inotify_rm_watch(-1, wd), EBADF);
    int other = open("/dev/null", O_RDONLY);
    T_ERRNO(inotify_rm_watch(other, 1), EINVAL);
    T_ERRNO(inotify_add_watch(fd, "/no/such/dir", IN_CREATE), ENOENT);
    T_ERRNO(inotify_add_watch(fd, dir, 0), EINVAL);
    T_ERRNO(inotify_add_watch(fd, os_bad_pointer(), IN_CREATE), EFAULT);
    T_ERRNO(inotify_add_watch(-1, dir, IN_CREATE), EBADF);
    T_ERRNO(inotify_add_watch(other, dir, IN_CREATE), EINVAL);
    close(other);
    T_ERRNO(inotify_init1(0x12345), EINVAL);
    T_EQ(close(fd), 0);
    T_RET(rmdir(dir), 0);
    t_print("inotify done\n");
    return t_status();
}
