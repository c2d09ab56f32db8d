// env: LANG=C.UTF-8 LC_NUMERIC=POSIX LC_TIME=
/* setlocale(..., ""): each category from LC_ALL, else its own variable, else LANG (empty
 * values skipped); an unknown name anywhere fails the whole call. */
#include <locale.h>
#include <stdlib.h>
#include "test.h"

extern char **environ;

static void show(const char *what, const char *result)
{
    t_print(what);
    t_print(" -> ");
    t_print(result ? result : "(null)");
    t_print("\n");
}

int main(void)
{
    show("all from env", setlocale(LC_ALL, ""));
    show("numeric", setlocale(LC_NUMERIC, NULL));
    show("time", setlocale(LC_TIME, NULL));
    t_print_kv("MB_CUR_MAX ", (long)MB_CUR_MAX);
    /* Other environments, by replacing environ (which getenv reads). */
    char *all_c[] = {"LC_ALL=C", "LANG=C.UTF-8", NULL};
    environ = all_c;
    show("LC_ALL=C", setlocale(LC_ALL, ""));
    char *bad_monetary[] = {"LC_ALL=", "LC_MONETARY=de_DE", "LANG=C.utf8", NULL};
    environ = bad_monetary;
    show("unknown monetary", setlocale(LC_ALL, ""));
    show("unchanged", setlocale(LC_ALL, NULL));
    show("ctype only", setlocale(LC_CTYPE, ""));
    char *none[] = {NULL};
    environ = none;
    show("nothing set", setlocale(LC_ALL, ""));
    return t_status();
}
