/* realpath: ".", "..", repeated slashes, relative and absolute symbolic links, chains,
 * loops (ELOOP), missing components (ENOENT), files used as directories (ENOTDIR), a NULL
 * buffer (malloc'd result) and a caller's buffer. Results are printed relative to a fresh
 * directory, so run.py compares them with glibc's. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "test.h"

static char base[PATH_MAX];

static void show(const char *path)
{
    char buf[PATH_MAX];
    errno = 0;
    char *r = realpath(path, buf);
    t_print(path);
    t_print(" -> ");
    if (!r) {
        t_print("error ");
        t_print_long(errno);
    } else if (strncmp(r, base, strlen(base)) == 0) {
        t_print("BASE");
        t_print(r + strlen(base));
    } else {
        t_print(r);
    }
    t_print("\n");
    char *m = realpath(path, NULL);
    T_CHECK((m == NULL) == (r == NULL));
    if (m && r)
        T_CHECK(strcmp(m, r) == 0);
    free(m);
}

int main(void)
{
    char tmpl[] = "realpath-XXXXXX";
    T_CHECK(mkdtemp(tmpl) != NULL);
    T_EQ(chdir(tmpl), 0);
    T_CHECK(getcwd(base, sizeof base) != NULL);
    T_EQ(mkdir("d", 0700), 0);
    T_EQ(mkdir("d/e", 0700), 0);
    close(open("d/e/file", O_CREAT | O_WRONLY, 0600));
    T_EQ(symlink("d/e", "rel"), 0);
    T_EQ(symlink(base, "abs"), 0);
    T_EQ(symlink("rel/file", "chain"), 0);
    T_EQ(symlink("chain", "chain2"), 0);
    T_EQ(symlink("loop2", "loop1"), 0);
    T_EQ(symlink("loop1", "loop2"), 0);
    T_EQ(symlink("missing", "dangling"), 0);
    T_EQ(symlink("../..", "d/e/up"), 0);

    static const char *const paths[] = {
        ".", "d", "d/", "d//e/.//file", "d/e/../e/file", "rel", "rel/", "rel/file", "rel/..", "abs/d/e", "chain",
        "chain2", "d/e/up", "d/e/up/d", "loop1", "loop1/x", "dangling", "nothing", "d/nothing/x", "d/e/file/",
        "d/e/file/x", "..", "/", "//", "/..", "/d/../", "rel/../../d",
    };
    for (unsigned i = 0; i < sizeof paths / sizeof *paths; i++)
        show(paths[i]);

    T_ERRNO((long)realpath("", NULL) - 1, ENOENT);
    const char *volatile null_path = NULL;
    errno = 0;
    T_CHECK(realpath(null_path, NULL) == NULL);
    T_EQ(errno, EINVAL);
    return t_status();
}
