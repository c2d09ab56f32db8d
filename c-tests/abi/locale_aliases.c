// cflags: -fno-builtin
/* glibc's second names for the locale, ctype and multibyte functions (`__isalnum_l`,
 * `__newlocale`, `__mbrtowc`, …), and the `_l` ctype functions that no macro reaches:
 * each must answer as its plain form does, in "C" and in "C.UTF-8". */
#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <wchar.h>
#include <wctype.h>
#include "test.h"

int (__isalnum_l)(int c, locale_t l);
int (__isalpha_l)(int c, locale_t l);
int (__isblank_l)(int c, locale_t l);
int (__iscntrl_l)(int c, locale_t l);
int (__isdigit_l)(int c, locale_t l);
int (__isgraph_l)(int c, locale_t l);
int (__islower_l)(int c, locale_t l);
int (__isprint_l)(int c, locale_t l);
int (__ispunct_l)(int c, locale_t l);
int (__isspace_l)(int c, locale_t l);
int (__isupper_l)(int c, locale_t l);
int (__isxdigit_l)(int c, locale_t l);
int (__tolower_l)(int c, locale_t l);
int (__toupper_l)(int c, locale_t l);
locale_t __newlocale(int mask, const char *name, locale_t base);
locale_t __duplocale(locale_t l);
void __freelocale(locale_t l);
locale_t __uselocale(locale_t l);
char *__nl_langinfo_l(nl_item item, locale_t l);
size_t __ctype_get_mb_cur_max(void);
size_t __mbrlen(const char *s, size_t n, mbstate_t *ps);
size_t __mbrtowc(wchar_t *wc, const char *s, size_t n, mbstate_t *ps);

typedef int (*class_l)(int, locale_t);

struct byte_class {
    const char *name;
    class_l plain_l, alias;
    int (*plain)(int);
};

static const struct byte_class byte_classes[] = {
    {"alnum", isalnum_l, __isalnum_l, isalnum}, {"alpha", isalpha_l, __isalpha_l, isalpha},
    {"blank", isblank_l, __isblank_l, isblank}, {"cntrl", iscntrl_l, __iscntrl_l, iscntrl},
    {"digit", isdigit_l, __isdigit_l, isdigit}, {"graph", isgraph_l, __isgraph_l, isgraph},
    {"lower", islower_l, __islower_l, islower}, {"print", isprint_l, __isprint_l, isprint},
    {"punct", ispunct_l, __ispunct_l, ispunct}, {"space", isspace_l, __isspace_l, isspace},
    {"upper", isupper_l, __isupper_l, isupper}, {"xdigit", isxdigit_l, __isxdigit_l, isxdigit},
};

typedef int (*wclass_l)(wint_t, locale_t);

struct wide_class {
    const char *name;
    wclass_l fn_l;
    int (*plain)(wint_t);
};

static const struct wide_class wide_classes[] = {
    {"alnum", iswalnum_l, iswalnum}, {"alpha", iswalpha_l, iswalpha},
    {"blank", iswblank_l, iswblank}, {"cntrl", iswcntrl_l, iswcntrl},
    {"digit", iswdigit_l, iswdigit}, {"graph", iswgraph_l, iswgraph},
    {"lower", iswlower_l, iswlower}, {"print", iswprint_l, iswprint},
    {"punct", iswpunct_l, iswpunct}, {"space", iswspace_l, iswspace},
    {"upper", iswupper_l, iswupper}, {"xdigit", iswxdigit_l, iswxdigit},
};

/* The count of bytes 0..255 (and EOF) in each class, printed so that the builds agree. */
static void byte_classes_agree(locale_t l)
{
    for (size_t i = 0; i < sizeof byte_classes / sizeof byte_classes[0]; i++) {
        const struct byte_class *k = &byte_classes[i];
        long members = 0;
        for (int c = -1; c < 256; c++) {
            int a = k->plain_l(c, l) != 0, b = k->alias(c, l) != 0, p = k->plain(c) != 0;
            if (a != b || a != p)
                t_fail(__FILE__, __LINE__, k->name, c, a);
            members += a;
        }
        t_print(k->name);
        t_print_kv(" ", members);
    }
    for (int c = -1; c < 256; c++) {
        T_EQ((__tolower_l)(c, l), tolower(c));
        T_EQ((__toupper_l)(c, l), toupper(c));
    }
}

/* Wide classes over a sample of code points: the _l form agrees with the plain one under
 * the same locale, and iswctype_l with wctype_l's descriptor agrees with both. */
static void wide_classes_agree(locale_t l)
{
    static const wint_t sample[] = {0, 9, ' ', '0', 'a', 'Z', '_', 0x7f, 0xa0, 0xe9, 0xc9,
                                    0x3b1, 0x391, 0x2028, 0x3000, WEOF};
    for (size_t i = 0; i < sizeof wide_classes / sizeof wide_classes[0]; i++) {
        const struct wide_class *k = &wide_classes[i];
        wctype_t d = wctype_l(k->name, l);
        T_CHECK(d != 0);
        long members = 0;
        for (size_t j = 0; j < sizeof sample / sizeof sample[0]; j++) {
            int a = k->fn_l(sample[j], l) != 0, p = k->plain(sample[j]) != 0,
                t = iswctype_l(sample[j], d, l) != 0;
            if (a != p || a != t)
                t_fail(__FILE__, __LINE__, k->name, (long)sample[j], a);
            members += a;
        }
        t_print("w");
        t_print(k->name);
        t_print_kv(" ", members);
    }
    T_EQ(wctype_l("no-such-class", l), 0);
    for (size_t j = 0; j < 3; j++) {
        static const wint_t pairs[][2] = {{'A', 'a'}, {0x391, 0x3b1}, {'1', '1'}};
        T_EQ(towlower_l(pairs[j][0], l), towlower(pairs[j][0]));
        T_EQ(towupper_l(pairs[j][1], l), towupper(pairs[j][1]));
    }
    T_EQ(towlower_l(WEOF, l), WEOF);
}

static void in_locale(const char *name)
{
    t_print(name);
    t_print(":\n");
    locale_t l = __newlocale(LC_ALL_MASK, name, (locale_t)0);
    T_CHECK(l != (locale_t)0);
    locale_t copy = __duplocale(l);
    T_CHECK(copy != (locale_t)0);
    locale_t old = __uselocale(copy);
    T_CHECK(old == LC_GLOBAL_LOCALE);
    T_CHECK(__uselocale((locale_t)0) == copy);
    T_EQ(__ctype_get_mb_cur_max(), MB_CUR_MAX);
    t_print_kv("mb_cur_max ", (long)__ctype_get_mb_cur_max());
    t_print("codeset ");
    t_print(__nl_langinfo_l(CODESET, copy));
    t_print("\n");
    byte_classes_agree(copy);
    wide_classes_agree(copy);

    mbstate_t st = {0};
    wchar_t wc = 0;
    if (MB_CUR_MAX > 1) {
        /* U+00E9 in two bytes, fed one at a time: -2 (incomplete), then 1. */
        T_EQ(__mbrlen("\xc3", 1, &st), (size_t)-2);
        T_EQ(__mbrtowc(&wc, "\xa9", 1, &st), 1);
        T_EQ(wc, 0xe9);
        T_EQ(__mbrtowc(&wc, "\xff", 1, &st), (size_t)-1);
        T_EQ(errno, EILSEQ);
    } else {
        T_EQ(__mbrlen("a", 1, &st), 1);
        T_EQ(__mbrtowc(&wc, "z", 1, &st), 1);
        T_EQ(wc, 'z');
    }
    T_EQ(__mbrtowc(&wc, "", 1, &st), 0);

    __uselocale(LC_GLOBAL_LOCALE);
    __freelocale(copy);
    __freelocale(l);
}

int main(void)
{
    in_locale("C");
    in_locale("C.UTF-8");
    /* An unknown locale name: NULL with ENOENT, as glibc gives it. */
    errno = 0;
    T_CHECK(__newlocale(LC_ALL_MASK, "xx_NO.SUCH", (locale_t)0) == (locale_t)0);
    T_EQ(errno, ENOENT);
    /* A bad category mask: EINVAL. */
    errno = 0;
    T_CHECK(__newlocale(1 << 30, "C", (locale_t)0) == (locale_t)0);
    T_EQ(errno, EINVAL);
    return t_status();
}
