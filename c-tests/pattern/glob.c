/* glob and globfree over a small tree in a fresh directory (and, with GLOB_ALTDIRFUNC, over
 * a tree of the test's own functions): each flag, the order of the
 * names, GLOB_MARK's slashes, GLOB_NOCHECK's echo, the error callback (a directory that does
 * not exist, a symbolic link loop: running as root, an unreadable directory is still
 * readable), GLOB_ERR, GLOB_DOOFFS and GLOB_APPEND, and the refused flags. */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>
#include "test.h"

/* GLOB_ALTDIRFUNC over a tree that exists only here: fake/{a/{x,y/},b,c/,.h}. */
struct fake_entry {
    const char *dir, *name;
    unsigned char type;
};

static const struct fake_entry fake_tree[] = {
    {"fake", "c", DT_DIR}, {"fake", "a", DT_DIR}, {"fake", "b", DT_REG}, {"fake", ".h", DT_REG},
    {"fake/a", "y", DT_DIR}, {"fake/a", "x", DT_REG},
};

struct fake_dir {
    const char *path;
    size_t next;
};

static struct fake_dir fake_dirs[8];
static int fake_opens, fake_closes;
static struct dirent fake_dirent;

static void *fake_opendir(const char *path)
{
    if (strcmp(path, "fake") && strcmp(path, "fake/a") && strcmp(path, "fake/c")) {
        errno = strcmp(path, "fake/b") ? ENOENT : ENOTDIR;
        return NULL;
    }
    struct fake_dir *d = &fake_dirs[fake_opens++ % 8];
    d->path = strcmp(path, "fake") == 0 ? "fake" : strcmp(path, "fake/a") == 0 ? "fake/a" : "fake/c";
    d->next = 0;
    return d;
}

static struct dirent *fake_readdir(void *handle)
{
    struct fake_dir *d = handle;
    while (d->next < sizeof fake_tree / sizeof *fake_tree) {
        const struct fake_entry *e = &fake_tree[d->next++];
        if (strcmp(e->dir, d->path) == 0) {
            memset(&fake_dirent, 0, sizeof fake_dirent);
            fake_dirent.d_ino = 1;
            fake_dirent.d_type = e->type;
            strcpy(fake_dirent.d_name, e->name);
            return &fake_dirent;
        }
    }
    return NULL;
}

static void fake_closedir(void *handle)
{
    (void)handle;
    fake_closes++;
}

static int fake_stat(const char *path, struct stat *st)
{
    memset(st, 0, sizeof *st);
    if (strcmp(path, "fake") == 0 || strcmp(path, "fake/a") == 0 || strcmp(path, "fake/c") == 0 || strcmp(path, "fake/a/y") == 0) {
        st->st_mode = S_IFDIR | 0755;
        return 0;
    }
    for (size_t i = 0; i < sizeof fake_tree / sizeof *fake_tree; i++) {
        char full[64];
        snprintf(full, sizeof full, "%s/%s", fake_tree[i].dir, fake_tree[i].name);
        if (strcmp(full, path) == 0) {
            st->st_mode = S_IFREG | 0644;
            return 0;
        }
    }
    errno = ENOENT;
    return -1;
}

static void show_alt(const char *pattern, int flags, int (*errfunc)(const char *, int))
{
    glob_t g;
    memset(&g, 0, sizeof g);
    g.gl_opendir = fake_opendir;
    g.gl_readdir = fake_readdir;
    g.gl_closedir = fake_closedir;
    g.gl_stat = fake_stat;
    g.gl_lstat = fake_stat;
    int r = glob(pattern, flags | GLOB_ALTDIRFUNC, errfunc, &g);
    printf("alt %s [%#x] -> %d, %zu:", pattern, flags, r, g.gl_pathc);
    for (size_t i = 0; i < g.gl_pathc; i++)
        printf(" %s", g.gl_pathv[i]);
    printf("\n");
    globfree(&g);
}

static int errors_seen;

static int on_error(const char *path, int err)
{
    printf("  error callback: %s errno %d\n", path, err);
    errors_seen++;
    return 0;
}

static int stop_on_error(const char *path, int err)
{
    printf("  error callback (stop): %s errno %d\n", path, err);
    return 1;
}

static int compare(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Globs and prints the result; with GLOB_NOSORT the names are sorted here first (the
 * directory order is the file system's). */
static int show(const char *pattern, int flags, int (*errfunc)(const char *, int))
{
    glob_t g;
    memset(&g, 0, sizeof g);
    int r = glob(pattern, flags, errfunc, &g);
    printf("%s [%#x] -> %d, %zu:", pattern, flags, r, g.gl_pathc);
    if (flags & GLOB_NOSORT)
        qsort(g.gl_pathv, g.gl_pathc, sizeof *g.gl_pathv, compare);
    for (size_t i = 0; i < g.gl_pathc; i++)
        printf(" %s", g.gl_pathv[i]);
    printf("%s\n", r == 0 && (g.gl_flags & GLOB_MAGCHAR) ? " (magic)" : "");
    if (r == 0)
        T_CHECK(g.gl_pathv[g.gl_pathc] == NULL);
    globfree(&g);
    return r;
}

static void touch(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    T_CHECK(fd >= 0);
    close(fd);
}

int main(void)
{
    char dir[] = "glob-test-XXXXXX";
    T_CHECK(mkdtemp(dir) != NULL);
    T_EQ(chdir(dir), 0);
    T_EQ(mkdir("a", 0755), 0);
    T_EQ(mkdir(".h", 0755), 0);
    T_EQ(mkdir("d2", 0755), 0);
    T_EQ(mkdir("d2/sub", 0755), 0);
    T_EQ(mkdir("B", 0755), 0);
    touch("b");
    touch("a/x");
    touch("a/.y");
    touch(".h/x");
    touch("d2/sub/x");
    touch("a*b");
    touch("ab");
    touch("_c");
    T_EQ(symlink("a", "c"), 0);
    T_EQ(symlink("b", "lb"), 0);
    T_EQ(symlink("loop", "loop"), 0);
    T_EQ(symlink("nowhere", "dangling"), 0);

    /* Plain patterns, sorted by strcmp. */
    show("*", 0, NULL);
    show("?", 0, NULL);
    show("[ab]", 0, NULL);
    show("[!a-z]*", 0, NULL);
    show("a*", 0, NULL);
    show("*/x", 0, NULL);
    show("*/*/x", 0, NULL);
    show("d2/*/x", 0, NULL);
    show("a/*", 0, NULL);
    show("a/.*", 0, NULL);
    show(".*", 0, NULL);
    show("ab", 0, NULL);
    show("dangling", 0, NULL);
    show("zz", 0, NULL);
    show("z*", 0, NULL);
    show("", 0, NULL);
    show("a//x", 0, NULL);
    show("a//*", 0, NULL);
    show("./a/x", 0, NULL);
    show("*/", 0, NULL);
    show("a\\*b", 0, NULL);
    show("a\\*b", GLOB_NOESCAPE, NULL);
    show("a*b", GLOB_NOESCAPE, NULL);
    show("a\\/x", 0, NULL);
    show("[ab", 0, NULL);

    /* Each flag. */
    show("*", GLOB_PERIOD, NULL);
    show("*/x", GLOB_PERIOD, NULL);
    show("a/*", GLOB_PERIOD, NULL);
    show("*", GLOB_MARK, NULL);
    show("*/", GLOB_MARK, NULL);
    show("c", GLOB_MARK, NULL);
    show("b", GLOB_MARK, NULL);
    show("*", GLOB_ONLYDIR, NULL);
    show("*", GLOB_ONLYDIR | GLOB_MARK, NULL);
    show("*", GLOB_NOSORT, NULL);
    show("zz", GLOB_NOCHECK, NULL);
    show("z*", GLOB_NOCHECK, NULL);
    show("a/zz", GLOB_NOCHECK, NULL);
    show("z\\*", GLOB_NOCHECK, NULL);
    show("[ab", GLOB_NOCHECK, NULL);
    show("", GLOB_NOCHECK, NULL);
    show("zz", GLOB_NOMAGIC, NULL);
    show("ab", GLOB_NOMAGIC, NULL);
    show("z*", GLOB_NOMAGIC, NULL);
    show("{a,b}", GLOB_BRACE, NULL);
    show("{b,a,zz}", GLOB_BRACE, NULL);
    show("{b,a}*", GLOB_BRACE, NULL);
    show("{a,{b,_c}}", GLOB_BRACE, NULL);
    show("a{}", GLOB_BRACE, NULL);
    show("{a", GLOB_BRACE, NULL);
    show("{zz,yy}", GLOB_BRACE, NULL);
    show("{zz,yy}", GLOB_BRACE | GLOB_NOCHECK, NULL);
    show("{}", GLOB_BRACE | GLOB_NOCHECK, NULL);
    show("{a,b}", 0, NULL);
    show("d{2,x}/*/x", GLOB_BRACE, NULL);
    show("~root", GLOB_TILDE, NULL);
    show("~root/", GLOB_TILDE_CHECK, NULL);
    show("~", 0, NULL);
    show("\\~", GLOB_TILDE, NULL);

    /* ~ is $HOME. */
    char home[4096];
    T_CHECK(getcwd(home, sizeof home) != NULL);
    T_EQ(setenv("HOME", home, 1), 0);
    glob_t g;
    T_EQ(glob("~/a*", GLOB_TILDE, NULL, &g), 0);
    T_EQ(g.gl_pathc, 3);
    T_CHECK(strncmp(g.gl_pathv[0], home, strlen(home)) == 0);
    T_CHECK(strcmp(g.gl_pathv[0] + strlen(home), "/a") == 0);
    T_CHECK(strcmp(g.gl_pathv[2] + strlen(home), "/ab") == 0);
    globfree(&g);
    T_EQ(glob("~", GLOB_TILDE_CHECK, NULL, &g), 0);
    T_EQ(g.gl_pathc, 1);
    T_CHECK(strcmp(g.gl_pathv[0], home) == 0);
    globfree(&g);

    /* The error callback, GLOB_ERR, and a callback that stops the walk. */
    show("nonexist/*", 0, on_error);
    show("loop/*", 0, on_error);
    show("b/*", 0, on_error);
    show("*/*", 0, on_error);
    show("nonexist/*", GLOB_ERR, NULL);
    show("nonexist/*", 0, stop_on_error);
    show("nonexist/*", 0, NULL);
    T_EQ(errors_seen, 2);
    errors_seen = 0;

    /* GLOB_DOOFFS reserves null slots; GLOB_APPEND adds to earlier results. */
    memset(&g, 0, sizeof g);
    g.gl_offs = 2;
    T_EQ(glob("a*", GLOB_DOOFFS, NULL, &g), 0);
    T_EQ(g.gl_pathc, 3);
    T_CHECK(g.gl_pathv[0] == NULL && g.gl_pathv[1] == NULL);
    T_CHECK(strcmp(g.gl_pathv[2], "a") == 0);
    T_EQ(glob("d*", GLOB_DOOFFS | GLOB_APPEND, NULL, &g), 0);
    T_EQ(g.gl_pathc, 5);
    T_CHECK(g.gl_pathv[0] == NULL && g.gl_pathv[1] == NULL);
    T_CHECK(strcmp(g.gl_pathv[5], "d2") == 0 && strcmp(g.gl_pathv[6], "dangling") == 0);
    T_CHECK(g.gl_pathv[7] == NULL);
    T_EQ(glob("zz", GLOB_DOOFFS | GLOB_APPEND, NULL, &g), GLOB_NOMATCH);
    T_EQ(g.gl_pathc, 5);
    T_EQ(glob("zz", GLOB_DOOFFS | GLOB_APPEND | GLOB_NOCHECK, NULL, &g), 0);
    T_EQ(g.gl_pathc, 6);
    T_CHECK(strcmp(g.gl_pathv[7], "zz") == 0);
    globfree(&g);
    T_CHECK(g.gl_pathv == NULL);
    memset(&g, 0, sizeof g);
    T_EQ(glob("b", 0, NULL, &g), 0);
    T_EQ(glob("a", GLOB_APPEND, NULL, &g), 0);
    T_EQ(g.gl_pathc, 2);
    T_CHECK(strcmp(g.gl_pathv[0], "b") == 0 && strcmp(g.gl_pathv[1], "a") == 0);
    globfree(&g);

    /* GLOB_ALTDIRFUNC: the caller's functions, not the file system. */
    show_alt("fake/*", 0, NULL);
    show_alt("fake/*", GLOB_PERIOD | GLOB_MARK, NULL);
    show_alt("fake/*/*", 0, NULL);
    show_alt("fake/?", GLOB_ONLYDIR, NULL);
    show_alt("fake/*/", 0, NULL);
    show_alt("fake/b", 0, NULL);
    show_alt("fake/zz", 0, NULL);
    show_alt("fake/a/[xy]", GLOB_MARK, NULL);
    show_alt("nofake/*", 0, on_error);
    show_alt("fake/b/*", 0, on_error);
    show_alt("*", 0, on_error);
    T_EQ(fake_opens, fake_closes);

    /* Flags glob does not know, and GLOB_MAGCHAR (an output), are EINVAL. */
    T_ERRNO(glob("*", 1 << 15, NULL, &g), EINVAL);
    T_ERRNO(glob("*", GLOB_MAGCHAR, NULL, &g), EINVAL);

    /* Clean up. */
    const char *files[] = {"b", "a/x", "a/.y", ".h/x", "d2/sub/x", "a*b", "ab", "_c", "c", "lb", "loop", "dangling"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        T_EQ(unlink(files[i]), 0);
    const char *dirs[] = {"a", ".h", "d2/sub", "d2", "B"};
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
        T_EQ(rmdir(dirs[i]), 0);
    T_EQ(chdir(".."), 0);
    T_EQ(rmdir(dir), 0);
    return t_status();
}
