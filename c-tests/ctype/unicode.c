/* Every code point 0..0x10ffff (and a few values beyond, WEOF among them) through every
 * <wctype.h> class, towupper/towlower and wcwidth, in C.UTF-8 and in C, and through what glibc's
 * C.UTF-8 has beyond C: the classes "combining" and "combining_level3" and the mapping
 * "totitle" (wctype/wctrans give 0 for them in C). Per class the number of members and an
 * FNV-1a hash of them, per case mapping the number of characters it changes and a hash of the
 * pairs, per width the number of characters and a hash of them: rustcrt must print what
 * glibc 2.36 prints. Along the walk, iswctype(wctype(name)), the *_l forms (given a locale
 * object of the global locale's kind) and towctrans must agree with the plain functions, and
 * the number of values the other locale's object treats alike is printed. Then the error
 * paths: unknown class and mapping names, the 0 descriptors, wcswidth on non-printable
 * characters, at NUL and at n. */
#include <locale.h>
#include <wchar.h>
#include <wctype.h>
#include "test.h"

typedef int (*class_fn)(wint_t);
typedef int (*class_l_fn)(wint_t, locale_t);
static const class_fn classes[] = {iswalnum, iswalpha, iswblank, iswcntrl, iswdigit, iswgraph,
    iswlower, iswprint, iswpunct, iswspace, iswupper, iswxdigit};
static const class_l_fn classes_l[] = {iswalnum_l, iswalpha_l, iswblank_l, iswcntrl_l, iswdigit_l,
    iswgraph_l, iswlower_l, iswprint_l, iswpunct_l, iswspace_l, iswupper_l, iswxdigit_l};
static const char *const names[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower",
    "print", "punct", "space", "upper", "xdigit"};
#define NCLASSES (sizeof classes / sizeof classes[0])
static const char *const extra_names[] = {"combining", "combining_level3"};
#define NEXTRA (sizeof extra_names / sizeof extra_names[0])

struct tally {
    long count;
    unsigned long hash;
};

static void add(struct tally *t, unsigned long v)
{
    t->count++;
    for (int i = 0; i < 4; i++)
        t->hash = (t->hash ^ ((v >> (8 * i)) & 0xff)) * 1099511628211ul;
}

static void show(const char *what, const struct tally *t)
{
    t_print(what);
    t_print(" ");
    t_print_long(t->count);
    t_print_kv(" ", (long)(t->hash >> 1));
}

static const wint_t beyond[] = {0x110000, 0x7fffffff, 0x80000000, WEOF};

/* The value at step i of the walk: the code points, then the values in `beyond`. */
static wint_t value_at(unsigned long i)
{
    return i <= 0x10ffff ? (wint_t)i : beyond[i - 0x110000];
}

/* Walks every value with the global locale set; `other` is a locale object of the same
 * LC_CTYPE as the global one, `differing` one of the other LC_CTYPE. */
static void walk(locale_t other, locale_t differing)
{
    struct tally in_class[NCLASSES], upper = {0, 14695981039346656037ul}, lower = upper, width[4];
    struct tally in_extra[NEXTRA], title = upper;
    wctype_t desc[NCLASSES], extra[NEXTRA];
    wctrans_t to_upper = wctrans("toupper"), to_lower = wctrans("tolower"), to_title = wctrans("totitle");
    long mismatches = 0, same_in_other_locale = 0;
    T_CHECK(to_upper != 0 && to_lower != 0);
    for (unsigned k = 0; k < NCLASSES; k++) {
        in_class[k] = upper;
        desc[k] = wctype(names[k]);
        T_CHECK(desc[k] != 0);
    }
    for (unsigned k = 0; k < NEXTRA; k++) {
        in_extra[k] = upper;
        extra[k] = wctype(extra_names[k]);
        T_EQ(extra[k] == 0, wctype_l(extra_names[k], other) == 0);
    }
    T_EQ(to_title == 0, wctrans_l("totitle", other) == 0);
    for (int w = 0; w < 4; w++)
        width[w] = upper;
    for (unsigned long i = 0; i < 0x110000 + sizeof beyond / sizeof beyond[0]; i++) {
        wint_t c = value_at(i);
        int all_same = 1;
        for (unsigned k = 0; k < NCLASSES; k++) {
            int v = classes[k](c) != 0;
            if (v)
                add(&in_class[k], c);
            mismatches += v != (iswctype(c, desc[k]) != 0);
            mismatches += v != (classes_l[k](c, other) != 0);
            mismatches += v != (iswctype_l(c, desc[k], other) != 0);
            all_same &= v == (classes_l[k](c, differing) != 0);
        }
        for (unsigned k = 0; k < NEXTRA; k++) {
            if (extra[k] == 0)
                continue;
            int v = iswctype(c, extra[k]) != 0;
            if (v)
                add(&in_extra[k], c);
            mismatches += v != (iswctype_l(c, extra[k], other) != 0);
        }
        if (to_title != 0) {
            wint_t t = towctrans(c, to_title);
            if (t != c) {
                add(&title, c);
                add(&title, t);
            }
            mismatches += t != towctrans_l(c, to_title, other);
        }
        wint_t u = towupper(c), l = towlower(c);
        if (u != c) {
            add(&upper, c);
            add(&upper, u);
        }
        if (l != c) {
            add(&lower, c);
            add(&lower, l);
        }
        mismatches += u != towupper_l(c, other) || l != towlower_l(c, other);
        mismatches += u != towctrans_l(c, to_upper, other) || l != towctrans_l(c, to_lower, other);
        mismatches += u != towctrans(c, to_upper) || l != towctrans(c, to_lower);
        all_same &= u == towupper_l(c, differing) && l == towlower_l(c, differing);
        int w = wcwidth((wchar_t)c);
        if (w >= -1 && w <= 2)
            add(&width[w + 1], c);
        else
            mismatches++;
        same_in_other_locale += all_same;
    }
    T_EQ(mismatches, 0);
    /* The values the two locales treat alike (ASCII, unassigned code points, ...). */
    t_print_kv("same in the other locale ", same_in_other_locale);
    for (unsigned k = 0; k < NCLASSES; k++)
        show(names[k], &in_class[k]);
    for (unsigned k = 0; k < NEXTRA; k++) {
        if (extra[k] != 0)
            show(extra_names[k], &in_extra[k]);
        else {
            t_print(extra_names[k]);
            t_print(" none\n");
        }
    }
    show("toupper", &upper);
    show("tolower", &lower);
    if (to_title != 0)
        show("totitle", &title);
    else
        t_print("totitle none\n");
    show("width-1", &width[0]);
    show("width0", &width[1]);
    show("width1", &width[2]);
    show("width2", &width[3]);
}

/* Error paths and limits that hold in every locale. */
static void errors(void)
{
    T_EQ(wctype("nonsense"), 0);
    T_EQ(wctype(""), 0);
    T_EQ(wctype("Alpha"), 0);
    T_EQ(wctype("alpha "), 0);
    for (wint_t c = 0; c < 0x3000; c += 7)
        T_EQ(iswctype(c, 0), 0);
    T_CHECK(wctrans("nonsense") == 0);
    T_EQ(towctrans(L'a', 0), L'a');
    T_EQ(towupper(WEOF), WEOF);
    T_EQ(towlower(WEOF), WEOF);
    T_EQ(iswprint(WEOF), 0);
    T_EQ(wcwidth(L'\t'), -1);
    T_EQ(wcwidth(-5), -1);
    T_EQ(wcwidth(0), 0);
    T_EQ(wcswidth(L"abc", 0), 0);
    T_EQ(wcswidth(L"abc", 2), 2);
    T_EQ(wcswidth(L"abc", 100), 3);
    T_EQ(wcswidth(L"a\nb", 1), 1);
    T_EQ(wcswidth(L"a\nb", 2), -1);
    T_EQ(wcswidth(L"ab\0\x01", 4), 2);
    T_EQ(wcswidth(L"", 5), 0);
}

int main(void)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", 0);
    locale_t utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", 0);
    T_CHECK(c != 0 && utf8 != 0);

    t_print("C\n");
    walk(c, utf8);
    errors();
    T_EQ(iswalpha(0x4e00), 0);
    T_EQ(towupper(0xe9), 0xe9);
    T_EQ(wcwidth(0x4e00), -1);
    T_EQ(wcswidth(L"\x65e5\x672c", 2), -1);
    T_CHECK(wctrans("totitle") == 0);
    T_EQ(wctype("combining"), 0);
    T_EQ(wctype("combining_level3"), 0);
    T_CHECK(wctype_l("combining", utf8) != 0);
    T_CHECK(wctrans_l("totitle", utf8) != 0);
    T_EQ(towctrans_l(0x1c6, wctrans_l("totitle", utf8), utf8), 0x1c5);
    T_EQ(towctrans_l(0xe9, wctrans_l("toupper", utf8), utf8), 0xc9);
    T_EQ(towctrans_l(0xe9, wctrans_l("toupper", c), c), 0xe9);

    T_CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    t_print("C.UTF-8\n");
    walk(utf8, c);
    errors();
    T_EQ(iswalpha(0x4e00), 1);      /* CJK ideograph */
    T_EQ(iswalnum(0xff10), 1);      /* full-width digit zero */
    T_EQ(iswdigit(0xff10), 0);
    T_EQ(iswpunct(0xff10), 0);
    T_EQ(iswspace(0xa0), 0);        /* no-break space */
    T_EQ(iswspace(0x3000), 1);
    T_EQ(towupper(0x1f80), 0x1f88); /* simple mapping, not the full one */
    T_EQ(towlower(0x130), 0x69);
    T_EQ(towupper(0xdf), 0xdf);
    T_EQ(wcwidth(0x4e00), 2);
    T_EQ(wcwidth(0x301), 0);
    T_EQ(wcwidth(0xad), 1);
    T_EQ(wcwidth(0x85), -1);
    T_EQ(wcwidth(0x378), -1);       /* unassigned */
    T_EQ(wcswidth(L"\x65e5\x672c", 2), 4);
    T_EQ(wcswidth(L"e\x301x", 3), 2);
    T_EQ(wcswidth(L"\x65e5\x85", 2), -1);
    T_EQ(wcswidth(L"\x65e5\x85", 1), 2);
    T_EQ(towctrans(0x1c6, wctrans("totitle")), 0x1c5);
    T_EQ(towctrans(0x1c6, wctrans("toupper")), 0x1c4);
    T_EQ(towctrans(0x1f80, wctrans("totitle")), 0x1f88);
    T_EQ(iswctype(0x301, wctype("combining")), 1);
    T_EQ(iswctype(0x301, wctype("combining_level3")), 0); /* canonical combining class 230 */
    T_EQ(iswctype(0x334, wctype("combining_level3")), 1); /* class 1 */
    T_EQ(iswctype(L'a', wctype("combining")), 0);
    T_CHECK(wctrans_l("totitle", c) == 0);
    T_EQ(wctype_l("combining", c), 0);
    T_CHECK(wctype_l("combining", utf8) != 0);
    freelocale(utf8);
    freelocale(c);
    return t_status();
}
