/* uname, gethostname, sysinfo, get_nprocs, getrandom, getentropy, pathconf, fpathconf. */
#include <errno.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "os_test.h"

int main(void)
{
    struct utsname u;
    T_EQ(uname(&u), 0);
    T_CHECK(os_streq(u.sysname, "Linux"));
    T_CHECK(os_streq(u.machine, "x86_64"));
    t_print(u.sysname);
    t_print(" ");
    t_print(u.machine);
    t_print("\n");
    T_ERRNO(uname(os_null()), EFAULT);

    char host[256];
    T_EQ(gethostname(host, sizeof host), 0);
    T_CHECK(os_streq(host, u.nodename));
    size_t len = strlen(host);
    char small[4] = "zzz";
    if (len >= 1) {
        T_ERRNO(gethostname(small, 1), ENAMETOOLONG);
        T_EQ(small[0], host[0]);
    }

    char domain[65];
    T_EQ(getdomainname(domain, sizeof domain), 0);
    T_CHECK(os_streq(domain, u.domainname));
    char cut[4] = "zzzz";
    T_EQ(getdomainname(cut, 2), 0);
    T_EQ(cut[0], u.domainname[0]);
    T_EQ(cut[2], 'z');
    T_EQ(getdomainname(cut, 0), 0);

    struct sysinfo si;
    T_EQ(sysinfo(&si), 0);
    T_CHECK(si.totalram > 0 && si.mem_unit >= 1 && si.procs > 0);
    T_ERRNO(sysinfo(os_null()), EFAULT);

    T_CHECK(get_nprocs() >= 1);
    T_CHECK(get_nprocs_conf() >= get_nprocs());
    T_EQ(sysconf(_SC_NPROCESSORS_ONLN), get_nprocs());
    T_EQ(sysconf(_SC_NPROCESSORS_CONF), get_nprocs_conf());
    t_print_kv("nprocs ", get_nprocs());
    t_print_kv("nprocs_conf ", get_nprocs_conf());

    unsigned char a[32] = {0}, b[32] = {0};
    T_EQ(getrandom(a, sizeof a, 0), 32);
    T_EQ(getrandom(b, sizeof b, GRND_NONBLOCK), 32);
    T_CHECK(memcmp(a, b, 32) != 0);
    T_EQ(getrandom(a, 0, 0), 0);
    T_ERRNO(getrandom(a, 4, 0x100), EINVAL);
    T_ERRNO(getrandom(os_bad_pointer(), 4, 0), EFAULT);
    T_EQ(getentropy(a, 32), 0);
    T_EQ(getentropy(b, 256 - 224), 0);
    unsigned char big[257];
    T_ERRNO(getentropy(big, 257), EIO);

    /* pathconf values for this directory, /dev/shm (tmpfs) and a pipe, as glibc answers. */
    const char *paths[] = {".", "/dev/shm"};
    for (int i = 0; i < 2; i++) {
        for (int name = 0; name <= 21; name++) {
            errno = 0;
            long v = pathconf(paths[i], name);
            t_print(paths[i]);
            t_print_kv(" pathconf ", name);
            t_print_kv("  = ", v);
            if (v == -1)
                t_print_kv("  errno ", errno);
        }
    }
    int p[2];
    T_EQ(pipe(p), 0);
    T_EQ(fpathconf(p[0], _PC_PIPE_BUF), 4096);
    T_EQ(fpathconf(p[0], _PC_NAME_MAX), 255);
    T_ERRNO(fpathconf(p[0], 99), EINVAL);
    T_ERRNO(fpathconf(-1, _PC_NAME_MAX), EBADF);
    T_ERRNO(pathconf("system-none.tmp", _PC_NAME_MAX), ENOENT);
    T_ERRNO(pathconf(".", -1), EINVAL);
    T_EQ(pathconf(".", _PC_PATH_MAX), 4096);
    close(p[0]);
    close(p[1]);
    return t_status();
}
