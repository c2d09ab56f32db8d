/* setlocale (names as spelled, POSIX = C, composite names, unknown locales and categories
 * changing nothing), nl_langinfo, localeconv and MB_CUR_MAX in C and C.UTF-8; the printed
 * lines are compared with glibc's. */
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

static void show(const char *what, const char *result)
{
    t_print(what);
    t_print(" -> ");
    t_print(result ? result : "(null)");
    t_print("\n");
}

int main(void)
{
    show("query", setlocale(LC_ALL, NULL));
    show("C.UTF-8", setlocale(LC_ALL, "C.UTF-8"));
    t_print_kv("MB_CUR_MAX ", (long)MB_CUR_MAX);
    show("codeset", nl_langinfo(CODESET));
    show("C.utf8", setlocale(LC_ALL, "C.utf8"));
    show("query", setlocale(LC_ALL, NULL));
    show("POSIX", setlocale(LC_ALL, "POSIX"));
    t_print_kv("MB_CUR_MAX ", (long)MB_CUR_MAX);
    show("codeset", nl_langinfo(CODESET));
    show("ctype C.UTF-8", setlocale(LC_CTYPE, "C.UTF-8"));
    show("query all", setlocale(LC_ALL, NULL));
    show("query numeric", setlocale(LC_NUMERIC, NULL));
    t_print_kv("MB_CUR_MAX ", (long)MB_CUR_MAX);

    /* A composite name round-trips. */
    static char saved[1024];
    strcpy(saved, setlocale(LC_ALL, NULL));
    show("C", setlocale(LC_ALL, "C"));
    show("composite", setlocale(LC_ALL, saved));
    T_CHECK(strcmp(setlocale(LC_ALL, NULL), saved) == 0);

    /* Unknown locales and categories fail and change nothing. */
    show("fr_FR.UTF-8", setlocale(LC_ALL, "fr_FR.UTF-8"));
    show("c.utf8", setlocale(LC_ALL, "c.utf8"));
    show("numeric xx", setlocale(LC_NUMERIC, "xx"));
    T_CHECK(setlocale(12345, "C") == NULL);
    T_CHECK(setlocale(-1, NULL) == NULL);
    T_CHECK(strcmp(setlocale(LC_ALL, NULL), saved) == 0);
    t_print_kv("MB_CUR_MAX ", (long)MB_CUR_MAX);

    show("C", setlocale(LC_ALL, "C"));
    static const nl_item items[] = {CODESET, RADIXCHAR, THOUSEP, D_T_FMT, D_FMT, T_FMT, T_FMT_AMPM, AM_STR,
        PM_STR, DAY_1, DAY_7, ABDAY_3, MON_1, MON_12, ABMON_5, ALTMON_2, ERA, ALT_DIGITS, YESEXPR, NOEXPR,
        CRNCYSTR, _DATE_FMT, 424242, -1};
    for (unsigned i = 0; i < sizeof items / sizeof items[0]; i++)
        show("item", nl_langinfo(items[i]));

    struct lconv *lc = localeconv();
    show("decimal_point", lc->decimal_point);
    show("thousands_sep", lc->thousands_sep);
    show("grouping", lc->grouping);
    show("currency_symbol", lc->currency_symbol);
    show("negative_sign", lc->negative_sign);
    T_EQ(lc->frac_digits, CHAR_MAX);
    T_EQ(lc->int_n_sign_posn, CHAR_MAX);
    T_EQ(lc->p_cs_precedes, CHAR_MAX);
    return t_status();
}
