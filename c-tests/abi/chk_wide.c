// cflags: -fno-builtin
/* The wide-character and multibyte __*_chk entry points, called directly. Their room
 * argument counts wide characters for wide destinations and bytes for byte destinations,
 * as glibc's headers pass it; too little room aborts. */
#include <stdlib.h>
#include <wchar.h>
#include "child.h"
#include "test.h"

wchar_t *__wcpcpy_chk(wchar_t *dst, const wchar_t *src, size_t room);
wchar_t *__wcpncpy_chk(wchar_t *dst, const wchar_t *src, size_t n, size_t room);
wchar_t *__wcscat_chk(wchar_t *dst, const wchar_t *src, size_t room);
wchar_t *__wcscpy_chk(wchar_t *dst, const wchar_t *src, size_t room);
wchar_t *__wcsncat_chk(wchar_t *dst, const wchar_t *src, size_t n, size_t room);
wchar_t *__wcsncpy_chk(wchar_t *dst, const wchar_t *src, size_t n, size_t room);
wchar_t *__wmemmove_chk(wchar_t *dst, const wchar_t *src, size_t n, size_t room);
wchar_t *__wmempcpy_chk(wchar_t *dst, const wchar_t *src, size_t n, size_t room);
wchar_t *__wmemset_chk(wchar_t *dst, wchar_t c, size_t n, size_t room);
size_t __mbstowcs_chk(wchar_t *dst, const char *src, size_t len, size_t room);
size_t __mbsrtowcs_chk(wchar_t *dst, const char **src, size_t len, mbstate_t *ps, size_t room);
size_t __mbsnrtowcs_chk(wchar_t *dst, const char **src, size_t nms, size_t len, mbstate_t *ps,
                        size_t room);
size_t __wcstombs_chk(char *dst, const wchar_t *src, size_t len, size_t room);
size_t __wcsrtombs_chk(char *dst, const wchar_t **src, size_t len, mbstate_t *ps, size_t room);
size_t __wcsnrtombs_chk(char *dst, const wchar_t **src, size_t nwc, size_t len, mbstate_t *ps,
                        size_t room);
int __wctomb_chk(char *s, wchar_t wc, size_t room);

static wchar_t small[4];
static char bytes[4];

static void wcpcpy_over(void) { __wcpcpy_chk(small, L"abcd", opaque(4)); }
static void wcpncpy_over(void) { __wcpncpy_chk(small, L"a", opaque(5), 4); }
static void wcscat_over(void)
{
    __wcscpy_chk(small, L"ab", 4);
    __wcscat_chk(small, L"cd", opaque(4));
}
static void wcscpy_over(void) { __wcscpy_chk(small, L"abcd", opaque(4)); }
static void wcsncat_over(void)
{
    small[0] = 0;
    __wcsncat_chk(small, L"abcdef", opaque(5), 4);
}
static void wcsncpy_over(void) { __wcsncpy_chk(small, L"a", opaque(5), 4); }
static void wmemmove_over(void) { __wmemmove_chk(small, L"abcde", opaque(5), 4); }
static void wmempcpy_over(void) { __wmempcpy_chk(small, L"abcde", opaque(5), 4); }
static void wmemset_over(void) { __wmemset_chk(small, L'x', opaque(5), 4); }
static void mbstowcs_over(void) { __mbstowcs_chk(small, "abcdef", opaque(5), 4); }
static void mbsrtowcs_over(void)
{
    const char *s = "abcdef";
    __mbsrtowcs_chk(small, &s, opaque(5), NULL, 4);
}
static void mbsnrtowcs_over(void)
{
    const char *s = "abcdef";
    __mbsnrtowcs_chk(small, &s, 6, opaque(5), NULL, 4);
}
static void wcstombs_over(void) { __wcstombs_chk(bytes, L"abcdef", opaque(5), sizeof bytes); }
static void wcsrtombs_over(void)
{
    const wchar_t *s = L"abcdef";
    __wcsrtombs_chk(bytes, &s, opaque(5), NULL, sizeof bytes);
}
static void wcsnrtombs_over(void)
{
    const wchar_t *s = L"abcdef";
    __wcsnrtombs_chk(bytes, &s, 6, opaque(5), NULL, sizeof bytes);
}
static void wctomb_over(void) { __wctomb_chk(bytes, L'a', opaque(0)); }

int main(void)
{
    wchar_t w[8];
    char b[8];

    T_CHECK(__wcpcpy_chk(w, L"abc", 8) == w + 3);
    T_EQ(wcscmp(w, L"abc"), 0);
    T_CHECK(__wcscat_chk(w, L"defg", 8) == w);
    T_EQ(wcscmp(w, L"abcdefg"), 0);
    T_CHECK(__wcscpy_chk(w, L"xy", 8) == w);
    T_CHECK(__wcsncat_chk(w, L"zzzz", 2, 8) == w);
    T_EQ(wcscmp(w, L"xyzz"), 0);
    T_CHECK(__wcsncpy_chk(w, L"q", 3, 8) == w);
    T_EQ(w[0], L'q');
    T_EQ(w[2], 0);
    T_EQ(w[3], L'z');
    T_CHECK(__wcpncpy_chk(w, L"ab", 4, 8) == w + 2);
    T_EQ(w[3], 0);
    T_CHECK(__wmemset_chk(w, L'm', 8, 8) == w);
    T_EQ(w[7], L'm');
    T_CHECK(__wmempcpy_chk(w, L"rst", 3, 8) == w + 3);
    T_CHECK(__wmemmove_chk(w + 1, w, 3, 7) == w + 1);
    T_EQ(wmemcmp(w, L"rrstm", 5), 0);

    /* Multibyte to wide and back in the C locale, with exact room. */
    T_EQ(__mbstowcs_chk(w, "hello", 8, 8), 5);
    T_EQ(wcscmp(w, L"hello"), 0);
    const char *src = "abc";
    T_EQ(__mbsrtowcs_chk(w, &src, 8, NULL, 8), 3);
    T_CHECK(src == NULL);
    src = "abcdef";
    T_EQ(__mbsnrtowcs_chk(w, &src, 2, 8, NULL, 8), 2);
    T_CHECK(src != NULL && *src == 'c');
    T_EQ(__wcstombs_chk(b, L"wide", 8, 8), 4);
    T_EQ(strcmp(b, "wide"), 0);
    const wchar_t *wsrc = L"xyz";
    T_EQ(__wcsrtombs_chk(b, &wsrc, 8, NULL, 8), 3);
    T_CHECK(wsrc == NULL);
    wsrc = L"xyz";
    T_EQ(__wcsnrtombs_chk(b, &wsrc, 1, 8, NULL, 8), 1);
    T_CHECK(wsrc != NULL && *wsrc == L'y');
    T_EQ(__wctomb_chk(b, L'k', 8), 1);
    T_EQ(b[0], 'k');
    /* Bytes that are not a character in the C locale: the plain function's error. */
    T_ERRNO(__wcstombs_chk(b, L"\x100", 8, 8), EILSEQ);

    T_CHECK(aborts(wcpcpy_over));
    T_CHECK(aborts(wcpncpy_over));
    T_CHECK(aborts(wcscat_over));
    T_CHECK(aborts(wcscpy_over));
    T_CHECK(aborts(wcsncat_over));
    T_CHECK(aborts(wcsncpy_over));
    T_CHECK(aborts(wmemmove_over));
    T_CHECK(aborts(wmempcpy_over));
    T_CHECK(aborts(wmemset_over));
    T_CHECK(aborts(mbstowcs_over));
    T_CHECK(aborts(mbsrtowcs_over));
    T_CHECK(aborts(mbsnrtowcs_over));
    T_CHECK(aborts(wcstombs_over));
    T_CHECK(aborts(wcsrtombs_over));
    T_CHECK(aborts(wcsnrtombs_over));
    T_CHECK(aborts(wctomb_over));
    return t_status();
}
