/* confstr for every name 0..1299 as glibc answers, truncation, a null buffer, EINVAL; the
 * fortified form. */
#include <errno.h>
#include <unistd.h>
#include "os_test.h"

extern size_t __confstr_chk(int, char *, size_t, size_t);

int main(void)
{
    char buf[512];
    for (int name = 0; name < 1300; name++) {
        errno = 0;
        size_t n = confstr(name, buf, sizeof buf);
        if (n == 0) {
            T_EQ(errno, EINVAL);
            continue;
        }
        t_print_long(name);
        t_print_kv(" ", (long)n);
        t_print("  [");
        t_print(buf);
        t_print("]\n");
    }
    char small[5] = "xxxx";
    T_EQ(confstr(_CS_PATH, small, sizeof small), 14);
    T_CHECK(os_streq(small, "/bin"));
    T_EQ(confstr(_CS_PATH, NULL, 0), 14);
    T_EQ(confstr(_CS_PATH, small, 0), 14);
    errno = 0;
    T_EQ(confstr(-1, buf, sizeof buf), 0);
    T_EQ(errno, EINVAL);
    T_EQ(__confstr_chk(_CS_GNU_LIBC_VERSION, buf, sizeof buf, sizeof buf), 11);
    return t_status();
}
