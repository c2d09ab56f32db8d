/* iswalpha ... iswxdigit, iswctype/wctype, towlower/towupper, towctrans/wctrans: every class
 * of 0..0x2ff in the C locale (nothing beyond ASCII) hashed and printed, and in C.UTF-8 ASCII
 * hashed and some Latin-1, Latin Extended-A, Greek, Cyrillic and space characters shown one by
 * one; outputs are compared with glibc's (unicode.c walks every code point). */
#include <locale.h>
#include <wctype.h>
#include "test.h"

typedef int (*class_fn)(wint_t);
static const class_fn classes[] = {iswalnum, iswalpha, iswblank, iswcntrl, iswdigit, iswgraph,
    iswlower, iswprint, iswpunct, iswspace, iswupper, iswxdigit};
static const char *const names[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower",
    "print", "punct", "space", "upper", "xdigit"};

static void hash_range(wint_t lo, wint_t hi)
{
    for (unsigned k = 0; k < 12; k++) {
        unsigned long h = 14695981039346656037ul;
        long count = 0;
        wctype_t t = wctype(names[k]);
        T_CHECK(t != 0);
        for (wint_t c = lo; c <= hi; c++) {
            int v = classes[k](c) != 0;
            T_EQ(v, iswctype(c, t) != 0);
            h = (h ^ (unsigned long)v) * 1099511628211ul;
            count += v;
        }
        t_print(names[k]);
        t_print(" ");
        t_print_long(count);
        t_print_kv(" ", (long)(h >> 1));
    }
    unsigned long h = 14695981039346656037ul;
    for (wint_t c = lo; c <= hi; c++) {
        h = (h ^ towlower(c)) * 1099511628211ul;
        h = (h ^ towupper(c)) * 1099511628211ul;
    }
    t_print_kv("case ", (long)(h >> 1));
}

static void show(wint_t c)
{
    t_print_long((long)c);
    for (unsigned k = 0; k < 12; k++)
        t_print(classes[k](c) ? " 1" : " 0");
    t_print(" ");
    t_print_long((long)towlower(c));
    t_print(" ");
    t_print_kv("", (long)towupper(c));
}

int main(void)
{
    hash_range(0, 0x2ff);
    T_EQ(wctype("bogus"), 0);
    T_CHECK(towctrans(L'a', wctrans("toupper")) == L'A');
    T_CHECK(towctrans(L'Q', wctrans("tolower")) == L'q');
    T_CHECK(wctrans("rot13") == 0); /* POSIX allows EINVAL here; glibc leaves errno alone */
    T_EQ(towupper(WEOF), WEOF);
    T_EQ(iswalpha(WEOF), 0);

    T_CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    hash_range(0, 0x7f);
    static const wint_t samples[] = {0xc0, 0xc9, 0xd7, 0xdf, 0xe9, 0xf7, 0xff, 0x100, 0x101, 0x130 + 2,
        0x141, 0x142, 0x178, 0x17d, 0x17e, 0x391, 0x3a3, 0x3b1, 0x3c3, 0x3c9, 0x401, 0x410, 0x416,
        0x42f, 0x430, 0x436, 0x44f, 0x451, 0x85, 0xa0, 0x2003, 0x2007, 0x3000, 0x20ac, 0xd800,
        0x110000};
    for (unsigned i = 0; i < sizeof samples / sizeof samples[0]; i++)
        show(samples[i]);
    T_CHECK(towctrans(0xe9, wctrans("toupper")) == 0xc9);
    return t_status();
}
