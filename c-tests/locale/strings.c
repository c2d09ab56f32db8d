/* mbstowcs, wcstombs, mbsrtowcs, wcsrtombs, mbsnrtowcs, wcsnrtombs: counting with a null destination, stopping at
 * the length given (with *src moved past what was converted), the terminator (*src null),
 * and invalid input (EILSEQ, *src at the bad character); in C and in C.UTF-8. */
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

int main(void)
{
    const char *text = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z";
    wchar_t w[16];
    char b[32];

    /* C: only ASCII converts. */
    errno = 0;
    T_EQ(mbstowcs(NULL, text, 0), (size_t)-1);
    T_EQ(errno, EILSEQ);
    T_EQ(mbstowcs(w, "abc", 16), 3);
    T_CHECK(w[0] == L'a' && w[2] == L'c' && w[3] == 0);
    T_EQ(wcstombs(b, L"xyz", sizeof b), 3);
    T_CHECK(strcmp(b, "xyz") == 0);
    errno = 0;
    T_EQ(wcstombs(b, L"x\xe9", sizeof b), (size_t)-1);
    T_EQ(errno, EILSEQ);

    T_CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    T_EQ(mbstowcs(NULL, text, 0), 5);
    T_EQ(mbstowcs(w, text, 16), 5);
    T_CHECK(w[0] == 'a' && w[1] == 0xe9 && w[2] == 0x20ac && w[3] == 0x1f600 && w[4] == 'z' && w[5] == 0);
    T_EQ(mbstowcs(w, text, 2), 2);
    T_EQ(wcstombs(NULL, L"a\xe9\x20ac\x1f600z", 0), 11);
    T_EQ(wcstombs(b, L"a\xe9\x20ac\x1f600z", sizeof b), 11);
    T_CHECK(strcmp(b, text) == 0);
    memset(b, 'x', sizeof b);
    T_EQ(wcstombs(b, L"a\xe9\x20ac", 4), 3); /* the euro sign does not fit in the last byte */
    T_EQ(b[3], 'x');

    mbstate_t st;
    memset(&st, 0, sizeof st);
    const char *src = text;
    T_EQ(mbsrtowcs(w, &src, 3, &st), 3);
    T_CHECK(src == text + 6);
    T_EQ(mbsrtowcs(w, &src, 16, &st), 2);
    T_CHECK(src == NULL);
    T_CHECK(w[0] == 0x1f600 && w[1] == 'z' && w[2] == 0);
    src = text;
    T_EQ(mbsrtowcs(NULL, &src, 0, &st), 5);
    T_CHECK(src == text);
    const char *bad = "ab\xff" "cd";
    src = bad;
    errno = 0;
    T_EQ(mbsrtowcs(w, &src, 16, &st), (size_t)-1);
    T_EQ(errno, EILSEQ);
    T_CHECK(src == bad + 2);

    const wchar_t *ws = L"h\xe9llo";
    const wchar_t *wp = ws;
    memset(&st, 0, sizeof st);
    T_EQ(wcsrtombs(b, &wp, 2, &st), 1);
    T_CHECK(wp == ws + 1);
    T_EQ(wcsrtombs(b, &wp, sizeof b, &st), 5);
    T_CHECK(wp == NULL);
    T_CHECK(strcmp(b, "\xc3\xa9llo") == 0);
    wp = ws;
    T_EQ(wcsrtombs(NULL, &wp, 0, &st), 6);
    T_CHECK(wp == ws);
    const wchar_t badw[] = {'o', 'k', 0xd800, 0};
    wp = badw;
    errno = 0;
    T_EQ(wcsrtombs(b, &wp, sizeof b, &st), (size_t)-1);
    T_EQ(errno, EILSEQ);
    T_CHECK(wp == badw + 2);

    /* mbsnrtowcs: a byte limit that cuts a character keeps it in the state. */
    memset(&st, 0, sizeof st);
    src = text;
    T_EQ(mbsnrtowcs(w, &src, 4, 16, &st), 2);
    T_CHECK(src == text + 4);
    T_CHECK(!mbsinit(&st));
    T_EQ(mbsnrtowcs(w + 2, &src, 16, 16, &st), 3);
    T_CHECK(src == NULL);
    T_CHECK(w[2] == 0x20ac && w[3] == 0x1f600 && w[4] == 'z');
    /* wcsnrtombs: a limit on the wide characters read. */
    wp = ws;
    T_EQ(wcsnrtombs(b, &wp, 2, sizeof b, &st), 3);
    T_CHECK(wp == ws + 2);
    wp = ws;
    T_EQ(wcsnrtombs(NULL, &wp, 3, 0, &st), 4);
    return t_status();
}
