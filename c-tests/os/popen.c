/* popen and pclose: reading a command's output, writing its input, exit statuses, the e
 * mode, a second popen child not holding the first's pipe. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "os_test.h"

int main(void)
{
    FILE *f = popen("echo hello; echo world", "r");
    T_CHECK(f != NULL);
    char line[64];
    T_CHECK(fgets(line, sizeof line, f) != NULL && os_streq(line, "hello\n"));
    T_CHECK(fgets(line, sizeof line, f) != NULL && os_streq(line, "world\n"));
    T_CHECK(fgets(line, sizeof line, f) == NULL);
    T_EQ(fcntl(fileno(f), F_GETFD), 0);
    T_EQ(pclose(f), 0);

    f = popen("exit 3", "r");
    int status = pclose(f);
    T_CHECK(WIFEXITED(status));
    T_EQ(WEXITSTATUS(status), 3);

    f = popen("cat > popen-out.tmp", "we");
    T_CHECK(f != NULL);
    T_EQ(fcntl(fileno(f), F_GETFD), FD_CLOEXEC);
    T_CHECK(fputs("written through popen\n", f) >= 0);
    T_EQ(pclose(f), 0);
    int fd = open("popen-out.tmp", O_RDONLY);
    char buf[64] = {0};
    T_EQ(read(fd, buf, sizeof buf), 22);
    T_CHECK(memcmp(buf, "written through popen\n", 22) == 0);
    close(fd);
    unlink("popen-out.tmp");

    /* The second child must not hold the first's pipe open, or the first cat never ends. */
    FILE *a = popen("cat > /dev/null", "w");
    FILE *b = popen("read x; echo got $x", "w");
    T_CHECK(a != NULL && b != NULL);
    T_EQ(pclose(a), 0);
    fputs("it\n", b);
    fflush(stdout);
    T_EQ(pclose(b), 0);

    T_CHECK(popen("true", "x") == NULL);
    T_EQ(errno, EINVAL);
    T_CHECK(popen("true", "rw") == NULL);
    T_EQ(errno, EINVAL);
    return t_status();
}
