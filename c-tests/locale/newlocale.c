/* newlocale, duplocale, freelocale, uselocale, nl_langinfo_l (C objects), the _l ctype macros (which
 * read the tables in a locale_t) and MB_CUR_MAX per thread; EINVAL and ENOENT. */
#include <ctype.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

/* The codeset of l, seen through uselocale (glibc's static nl_langinfo_l reports the
 * global codeset for a C.UTF-8 object, so it is not used for that). */
static const char *codeset_of(locale_t l)
{
    locale_t old = uselocale(l);
    const char *cs = nl_langinfo(CODESET);
    uselocale(old);
    return cs;
}

int main(void)
{
    T_CHECK(uselocale((locale_t)0) == LC_GLOBAL_LOCALE);

    locale_t u = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
    T_CHECK(u != (locale_t)0);
    T_CHECK(strcmp(codeset_of(u), "UTF-8") == 0);
    locale_t c = newlocale(LC_ALL_MASK, "POSIX", (locale_t)0);
    T_CHECK(c != (locale_t)0);
    T_CHECK(strcmp(nl_langinfo_l(CODESET, c), "ANSI_X3.4-1968") == 0);

    /* The ctype macros index the tables inside the locale object. */
    T_CHECK(isalpha_l('a', u) && !isalpha_l('1', u) && isdigit_l('7', c) && isspace_l(' ', c));
    T_CHECK(isupper_l('Q', u) && !isupper_l('q', u) && isxdigit_l('F', u) && ispunct_l('!', c));
    T_EQ(tolower_l('A', u), 'a');
    T_EQ(toupper_l('z', c), 'Z');
    T_EQ((isalpha_l)('b', u) != 0, 1);
    T_EQ((tolower_l)('B', c), 'b');

    /* uselocale switches this thread only; the global locale stays C. */
    T_EQ(MB_CUR_MAX, 1);
    T_CHECK(uselocale(u) == LC_GLOBAL_LOCALE);
    T_EQ(MB_CUR_MAX, 6);
    T_CHECK(strcmp(nl_langinfo(CODESET), "UTF-8") == 0);
    wchar_t wc = 0;
    T_EQ(mbrtowc(&wc, "\xc3\xa9", 2, NULL), 2);
    T_EQ(wc, 0xe9);
    T_CHECK(strcmp(setlocale(LC_ALL, NULL), "C") == 0);
    T_CHECK(uselocale((locale_t)0) == u);
    T_CHECK(uselocale(LC_GLOBAL_LOCALE) == u);
    T_EQ(MB_CUR_MAX, 1);
    T_CHECK(uselocale((locale_t)0) == LC_GLOBAL_LOCALE);

    /* A base locale changed in one category. */
    locale_t m = newlocale(LC_CTYPE_MASK, "C.UTF-8", c);
    T_CHECK(m != (locale_t)0);
    T_CHECK(strcmp(codeset_of(m), "UTF-8") == 0);
    locale_t m2 = newlocale(LC_CTYPE_MASK, "C", m);
    T_CHECK(m2 != (locale_t)0);
    T_CHECK(strcmp(nl_langinfo_l(CODESET, m2), "ANSI_X3.4-1968") == 0);

    locale_t d = duplocale(u);
    T_CHECK(d != (locale_t)0);
    T_CHECK(strcmp(codeset_of(d), "UTF-8") == 0);
    locale_t g = duplocale(LC_GLOBAL_LOCALE);
    T_CHECK(g != (locale_t)0);
    T_CHECK(strcmp(nl_langinfo_l(CODESET, g), "ANSI_X3.4-1968") == 0);

    errno = 0;
    T_CHECK(newlocale(LC_ALL_MASK, "xx_XX", (locale_t)0) == (locale_t)0);
    T_EQ(errno, ENOENT);
    errno = 0;
    T_CHECK(newlocale(1 << 20, "C", (locale_t)0) == (locale_t)0);
    T_EQ(errno, EINVAL);
    errno = 0;
    T_CHECK(newlocale(LC_ALL_MASK, NULL, (locale_t)0) == (locale_t)0);
    T_EQ(errno, EINVAL);

    freelocale(d);
    freelocale(g);
    freelocale(m2);
    freelocale(u);
    return t_status();
}
