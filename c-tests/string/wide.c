// cflags: -fno-builtin
/* wcslen, wcsnlen, wcscmp, wcsncmp, wcscoll, wcscpy, wcpcpy, wcsncpy (padding), wcpncpy,
 * wcscat, wcsncat, wcschr, wcsrchr, wmemchr, wmemcmp (signed wchar_t order), wmemcpy,
 * wmempcpy, wmemmove (overlap both ways), wmemset. */
#include <wchar.h>
#include "test.h"

static int sign(int v) { return (v > 0) - (v < 0); }

int main(void)
{
    const wchar_t *volatile s = L"hello, world";
    T_EQ(wcslen(s), 12);
    T_EQ(wcslen(L""), 0);
    T_EQ(wcsnlen(s, 5), 5);
    T_EQ(wcsnlen(s, 50), 12);
    T_EQ(wcsnlen(s, 0), 0);
    T_EQ(wcscmp(s, L"hello, world"), 0);
    T_EQ(sign(wcscmp(L"abc", L"abd")), -1);
    T_EQ(sign(wcscmp(L"abd", L"abc")), 1);
    T_EQ(sign(wcscmp(L"ab", L"abc")), -1);
    const wchar_t neg[] = {-5, 0}, pos[] = {5, 0};
    T_EQ(sign(wcscmp(neg, pos)), -1);
    T_EQ(wcsncmp(L"abcx", L"abcy", 3), 0);
    T_EQ(sign(wcsncmp(L"abcx", L"abcy", 4)), -1);
    T_EQ(sign(wcscoll(L"b", L"a")), 1);

    T_CHECK(wcschr(s, L'o') == s + 4);
    T_CHECK(wcschr(s, L'z') == NULL);
    T_CHECK(wcschr(s, 0) == s + 12);
    T_CHECK(wcsrchr(s, L'o') == s + 8);
    T_CHECK(wcsrchr(s, L'q') == NULL);
    T_CHECK(wmemchr(s, L'w', 12) == s + 7);
    T_CHECK(wmemchr(s, L'w', 7) == NULL);
    T_EQ(wmemcmp(s, L"hello", 5), 0);
    T_EQ(sign(wmemcmp(neg, pos, 1)), -1);
    T_EQ(wmemcmp(neg, pos, 0), 0);

    wchar_t d[16];
    wmemset(d, L'x', 16);
    T_CHECK(wcscpy(d, L"abc") == d && wcscmp(d, L"abc") == 0);
    T_CHECK(wcpcpy(d, L"hey") == d + 3);
    wmemset(d, L'x', 16);
    T_CHECK(wcsncpy(d, L"ab", 5) == d);
    T_CHECK(d[0] == 'a' && d[1] == 'b' && d[2] == 0 && d[4] == 0 && d[5] == 'x');
    T_CHECK(wcpncpy(d, L"abcdef", 3) == d + 3 && d[3] == 0);
    T_CHECK(wcpncpy(d, L"ab", 4) == d + 2);
    wcscpy(d, L"ab");
    T_CHECK(wcscat(d, L"cd") == d && wcscmp(d, L"abcd") == 0);
    T_CHECK(wcsncat(d, L"efgh", 2) == d && wcscmp(d, L"abcdef") == 0);

    wchar_t m[32];
    for (int i = 0; i < 32; i++)
        m[i] = i;
    T_CHECK(wmemmove(m + 2, m, 20) == m + 2);
    for (int i = 0; i < 20; i++)
        T_EQ(m[2 + i], i);
    for (int i = 0; i < 32; i++)
        m[i] = i;
    wmemmove(m, m + 3, 20);
    for (int i = 0; i < 20; i++)
        T_EQ(m[i], i + 3);
    T_CHECK(wmemcpy(d, L"0123456789", 10) == d);
    T_EQ(d[9], L'9');
    T_CHECK(wmempcpy(d, L"ab", 2) == d + 2);
    T_CHECK(wmemset(d, -3, 4) == d && d[3] == -3);
    return t_status();
}
