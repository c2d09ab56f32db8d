// args: one "two words" 3
// env: RUSTCRT_A=alpha RUSTCRT_B= RUSTCRT_AB=ab
/* argc/argv/envp as main receives them; environ, getenv, program_invocation_name. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test.h"

extern char **environ;
extern char **__environ;
extern char *__progname;
extern char *__progname_full;

int main(int argc, char **argv, char **envp)
{
    T_EQ(argc, 4);
    T_CHECK(strcmp(argv[1], "one") == 0);
    T_CHECK(strcmp(argv[2], "two words") == 0);
    T_CHECK(strcmp(argv[3], "3") == 0);
    T_CHECK(argv[4] == NULL);
    T_CHECK(envp == environ);
    T_CHECK(environ == __environ);
    int n = 0;
    for (char **e = environ; *e; e++)
        n++;
    T_EQ(n, 3);

    T_CHECK(strcmp(getenv("RUSTCRT_A"), "alpha") == 0);
    T_CHECK(strcmp(getenv("RUSTCRT_B"), "") == 0);
    T_CHECK(strcmp(getenv("RUSTCRT_AB"), "ab") == 0);
    T_CHECK(getenv("RUSTCRT") == NULL);
    T_CHECK(getenv("RUSTCRT_ABC") == NULL);
    T_CHECK(getenv("") == NULL);
    T_CHECK(getenv("PATH") == NULL);

    /* program_invocation_name is argv[0]; the short name what follows the last '/'. */
    T_CHECK(program_invocation_name == argv[0]);
    const char *slash = strrchr(argv[0], '/');
    T_CHECK(strcmp(program_invocation_short_name, slash ? slash + 1 : argv[0]) == 0);
    /* The BSD names are the same variables. */
    T_CHECK(__progname_full == program_invocation_name);
    T_CHECK(__progname == program_invocation_short_name);

    /* getenv sees a changed environ. */
    char *mine[] = {"ONLY=me", NULL};
    environ = mine;
    T_CHECK(strcmp(getenv("ONLY"), "me") == 0);
    T_CHECK(getenv("RUSTCRT_A") == NULL);
    return t_status();
}
