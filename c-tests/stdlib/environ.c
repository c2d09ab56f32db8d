// env: A=1 B=two PATH=/bin
/* setenv, unsetenv, putenv, clearenv with getenv and environ: overwriting or not, many
 * variables (the array grows), removal of every copy, putenv's own string, and EINVAL for
 * bad names. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

extern char **environ;

static int is(const char *got, const char *want)
{
    return got && want && strcmp(got, want) == 0;
}

static int count(void)
{
    int n = 0;
    for (char **e = environ; e && *e; e++)
        n++;
    return n;
}

int main(void)
{
    T_CHECK(is(getenv("A"), "1"));
    T_EQ(count(), 3);
    T_EQ(setenv("A", "changed", 0), 0);
    T_CHECK(is(getenv("A"), "1"));
    const char *before = getenv("A");
    T_EQ(setenv("A", "changed", 1), 0);
    T_CHECK(is(getenv("A"), "changed"));
    T_CHECK(is(before, "1"));
    T_EQ(setenv("NEW", "", 0), 0);
    T_CHECK(is(getenv("NEW"), ""));
    T_EQ(count(), 4);

    /* Many variables: the array grows, earlier ones stay. */
    char name[8] = "V000";
    for (int i = 0; i < 200; i++) {
        name[1] = (char)('0' + i / 100);
        name[2] = (char)('0' + i / 10 % 10);
        name[3] = (char)('0' + i % 10);
        T_EQ(setenv(name, name, 1), 0);
    }
    T_EQ(count(), 204);
    T_CHECK(is(getenv("V123"), "V123"));
    T_CHECK(is(getenv("B"), "two"));

    /* putenv: the caller's string itself. */
    static char own[] = "OWN=first";
    T_EQ(putenv(own), 0);
    T_CHECK(getenv("OWN") == own + 4);
    own[4] = 'F';
    T_CHECK(is(getenv("OWN"), "First"));
    static char again[] = "B=replaced";
    T_EQ(putenv(again), 0);
    T_CHECK(is(getenv("B"), "replaced"));
    static char remove_b[] = "B";
    T_EQ(putenv(remove_b), 0);
    T_CHECK(getenv("B") == NULL);

    /* unsetenv removes; unknown names are fine. */
    T_EQ(unsetenv("V000"), 0);
    T_CHECK(getenv("V000") == NULL);
    T_EQ(unsetenv("NOT_THERE"), 0);
    T_EQ(count(), 203);

    /* Bad names. */
    T_ERRNO(setenv("", "x", 1), EINVAL);
    T_ERRNO(setenv("A=B", "x", 1), EINVAL);
    const char *volatile null_name = NULL;
    T_ERRNO(setenv(null_name, "x", 1), EINVAL);
    T_ERRNO(unsetenv(""), EINVAL);
    T_ERRNO(unsetenv("X=Y"), EINVAL);
    T_ERRNO(unsetenv(null_name), EINVAL);

    /* clearenv: nothing left, and setenv starts again. */
    T_EQ(clearenv(), 0);
    T_CHECK(getenv("A") == NULL);
    T_EQ(count(), 0);
    T_EQ(setenv("AFTER", "yes", 0), 0);
    T_CHECK(is(getenv("AFTER"), "yes"));
    T_EQ(count(), 1);
    return t_status();
}
