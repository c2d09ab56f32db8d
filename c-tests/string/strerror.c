// cflags: -fno-builtin
/* strerror, GNU strerror_r, strerror_l, strerrorname_np, strerrordesc_np, strsignal,
 * sigabbrev_np, sigdescr_np: every text is printed, so the output is compared with glibc's. */
#include <locale.h>
#include <signal.h> /* SIGRTMIN expands to a call that is not ours to export: 37 is SIGRTMIN + 3 */
#include <string.h>
#include "test.h"

static void line(long n, const char *a, const char *b)
{
    t_print_long(n);
    t_print(" ");
    t_print(a ? a : "(null)");
    t_print(" | ");
    t_print(b ? b : "(null)");
    t_print("\n");
}

int main(void)
{
    for (int e = -3; e < 140; e++)
        line(e, strerror(e), strerrorname_np(e));
    for (int e = -3; e < 140; e++)
        line(e, strerrordesc_np(e), strerror_l(e, (locale_t)0));
    line(1234, strerror(1234), NULL);
    line(-2147483647 - 1, strerror(-2147483647 - 1), NULL);
    T_CHECK(strcmp(strerror(ENOENT), "No such file or directory") == 0);
    T_CHECK(strcmp(strerror(1234), "Unknown error 1234") == 0);
    T_CHECK(strerrorname_np(41) == NULL && strerrordesc_np(-1) == NULL);

    char buf[16];
    /* Known numbers: the static message, buf untouched. */
    memset(buf, 'x', sizeof buf);
    char *p = strerror_r(ENOENT, buf, 3);
    T_CHECK(p != buf && strcmp(p, "No such file or directory") == 0);
    T_EQ(buf[0], 'x');
    /* Unknown numbers: written into buf, truncated to fit. */
    p = strerror_r(1234, buf, sizeof buf);
    T_CHECK(p == buf && strcmp(buf, "Unknown error 1") == 0);
    p = strerror_r(1234, buf, 8);
    T_CHECK(p == buf && strcmp(buf, "Unknown") == 0);
    p = strerror_r(-7, buf, sizeof buf);
    line(-7, p, buf);

    for (int s = -2; s < 70; s++)
        line(s, strsignal(s), sigabbrev_np(s));
    for (int s = -2; s < 70; s++)
        line(s, sigdescr_np(s), NULL);
    line(99, strsignal(99), NULL);
    T_CHECK(strcmp(strsignal(SIGSEGV), "Segmentation fault") == 0);
    T_CHECK(strcmp(strsignal(37), "Real-time signal 3") == 0);
    T_CHECK(strcmp(strsignal(99), "Unknown signal 99") == 0);
    return t_status();
}
