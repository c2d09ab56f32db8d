/* sysconf for every name 0..299: each answer (value, or EINVAL) as glibc gives it. The free
 * memory count changes from run to run and is only checked for being positive. */
#include <errno.h>
#include <unistd.h>
#include "os_test.h"

/* What glibc's headers call for PTHREAD_STACK_MIN; not declared for programs. */
extern long __sysconf(int);

int main(void)
{
    for (int name = -1; name < 300; name++) {
        errno = 0;
        long v = sysconf(name);
        if (name == _SC_AVPHYS_PAGES) {
            T_CHECK(v > 0 && v <= sysconf(_SC_PHYS_PAGES));
            continue;
        }
        t_print_long(name);
        if (v == -1 && errno != 0) {
            T_EQ(errno, EINVAL);
            t_print(" EINVAL\n");
        } else {
            t_print_kv(" ", v);
        }
    }
    T_EQ(__sysconf(_SC_THREAD_STACK_MIN), 16384);
    return t_status();
}
