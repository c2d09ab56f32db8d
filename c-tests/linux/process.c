/* prctl (PR_SET_NAME/PR_GET_NAME, PR_SET_DUMPABLE/PR_GET_DUMPABLE, PR_SET_PDEATHSIG/
 * PR_GET_PDEATHSIG), personality (query and set), unshare and setns: what an unprivileged
 * process may do, and the error paths. Output does not depend on the privileges. */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include "../os/os_test.h"

int main(void)
{
    char name[16] = { 0 };
    T_EQ(prctl(PR_SET_NAME, "rustcrt-prctl"), 0);
    T_EQ(prctl(PR_GET_NAME, name), 0);
    T_CHECK(os_streq(name, "rustcrt-prctl"));
    /* Longer names are cut to 15 bytes. */
    T_EQ(prctl(PR_SET_NAME, "0123456789abcdefghij"), 0);
    T_EQ(prctl(PR_GET_NAME, name), 0);
    T_CHECK(os_streq(name, "0123456789abcde"));
    T_EQ(prctl(PR_SET_DUMPABLE, 0), 0);
    T_EQ(prctl(PR_GET_DUMPABLE), 0);
    T_EQ(prctl(PR_SET_DUMPABLE, 1), 0);
    T_EQ(prctl(PR_GET_DUMPABLE), 1);
    int sig = -1;
    T_EQ(prctl(PR_SET_PDEATHSIG, SIGUSR1), 0);
    T_EQ(prctl(PR_GET_PDEATHSIG, &sig), 0);
    T_EQ(sig, SIGUSR1);
    T_EQ(prctl(PR_SET_PDEATHSIG, 0), 0);
    T_ERRNO(prctl(PR_SET_DUMPABLE, 7), EINVAL);
    T_ERRNO(prctl(PR_SET_PDEATHSIG, 1000), EINVAL);
    T_ERRNO(prctl(-1, 0, 0, 0, 0), EINVAL);
    T_ERRNO(prctl(PR_GET_NAME, os_bad_pointer()), EFAULT);
    T_ERRNO(prctl(PR_SET_NAME, os_bad_pointer()), EFAULT);

    /* personality: 0xffffffff queries; setting returns the old value. */
    int persona = personality(0xffffffff);
    T_CHECK(persona >= 0);
    T_EQ(personality(persona | ADDR_NO_RANDOMIZE), persona);
    T_EQ(personality(0xffffffff), persona | ADDR_NO_RANDOMIZE);
    T_EQ(personality(persona), persona | ADDR_NO_RANDOMIZE);
    T_EQ(personality(0xffffffff), persona);

    /* unshare: no flags, and the descriptor table, need no privilege. */
    T_EQ(unshare(0), 0);
    T_EQ(unshare(CLONE_FILES), 0);
    T_ERRNO(unshare(CLONE_VM | 1), EINVAL);
    T_ERRNO(unshare(-1), EINVAL);

    /* setns: joining our own UTS namespace needs CAP_SYS_ADMIN. */
    int ns = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
    T_CHECK(ns >= 0);
    errno = 0;
    int r = setns(ns, CLONE_NEWUTS);
    T_CHECK(r == 0 || errno == EPERM);
    T_ERRNO(setns(ns, CLONE_NEWNET), EINVAL);
    close(ns);
    T_ERRNO(setns(-1, 0), EBADF);
    int other = open("/dev/null", O_RDONLY);
    T_ERRNO(setns(other, 0), EINVAL);
    close(other);
    t_print("process done\n");
    return t_status();
}
