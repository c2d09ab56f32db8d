/* A stream on a terminal (a pseudo-terminal's slave) is line-buffered by default, one on a
 * file fully buffered: output waits until a newline only on the terminal. */
#include <fcntl.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "test.h"

int main(void)
{
    int master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
    if (master < 0) {
        t_print("no pseudo-terminals here\n");
        return 0;
    }
    int unlock = 0, n = -1;
    T_EQ(ioctl(master, TIOCSPTLCK, &unlock), 0);
    T_EQ(ioctl(master, TIOCGPTN, &n), 0);
    char name[32] = "/dev/pts/";
    char digits[12], *p = digits + sizeof digits;
    *--p = 0;
    do
        *--p = (char)('0' + n % 10);
    while (n /= 10);
    memcpy(name + 9, p, strlen(p) + 1);
    int slave = open(name, O_RDWR | O_NOCTTY);
    T_CHECK(slave >= 0);
    FILE *tty = fdopen(slave, "w");
    T_CHECK(tty != NULL);
    T_EQ(fputs("ab", tty), 1);
    T_CHECK(__flbf(tty));
    T_EQ(__fpending(tty), 2);
    T_EQ(fputs("c\n", tty), 1);
    T_EQ(__fpending(tty), 0);
    T_EQ(fclose(tty), 0);

    FILE *file = tmpfile();
    T_EQ(fputs("c\n", file), 1);
    T_CHECK(!__flbf(file));
    T_EQ(__fpending(file), 2);
    fclose(file);
    close(master);
    t_print("done\n");
    return t_status();
}
