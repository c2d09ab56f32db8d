// cflags: -D_FORTIFY_SOURCE=2 -O2
/* The wide and multibyte __*_chk functions on their success paths (gcc calls them for a
 * destination of known size and lengths it cannot see; checked with nm -u on the object). */
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

static volatile size_t two = 2, five = 5, eight = 8;
static const wchar_t *volatile hello = L"hello";
static const char *volatile text = "h\xc3\xa9!";

int main(void)
{
    wchar_t d[8];
    char b[8];
    mbstate_t st;
    memset(&st, 0, sizeof st);

    T_CHECK(wmemcpy(d, hello, five) == d && d[4] == L'o');
    T_CHECK(wmemmove(d + 1, d, five) == d + 1 && d[5] == L'o');
    T_CHECK(wmempcpy(d, hello, two) == d + 2);
    T_CHECK(wmemset(d, L'z', eight) == d && d[7] == L'z');
    T_CHECK(wcscpy(d, hello) == d && wcscmp(d, L"hello") == 0);
    T_CHECK(wcpcpy(d, hello) == d + 5);
    T_CHECK(wcsncpy(d, hello, eight) == d && d[7] == 0);
    T_CHECK(wcpncpy(d, hello, two) == d + 2);
    wcscpy(d, L"ab");
    T_CHECK(wcscat(d, hello) == d && wcscmp(d, L"abhello") == 0);
    wcscpy(d, L"ab");
    T_CHECK(wcsncat(d, hello, two) == d && wcscmp(d, L"abhe") == 0);

    T_CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    T_EQ(mbstowcs(d, text, eight), 3);
    T_EQ(d[1], 0xe9);
    T_EQ(wcstombs(b, d, eight), 4);
    T_CHECK(strcmp(b, text) == 0);
    const char *p = text;
    T_EQ(mbsrtowcs(d, &p, eight, &st), 3);
    const wchar_t *q = d;
    T_EQ(wcsrtombs(b, &q, eight, &st), 4);
    char mb[MB_LEN_MAX];
    T_EQ(wcrtomb(mb, 0x20ac, &st), 3);
    T_EQ(wctomb(mb, 0xe9), 2);
    return t_status();
}
