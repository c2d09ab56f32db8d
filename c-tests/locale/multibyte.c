/* mbrtowc, mbrlen, mbtowc, mblen, wcrtomb, wctomb, mbsinit, btowc, wctob in the C locale
 * (bytes of 0x80 and more are invalid: EILSEQ) and in C.UTF-8 (valid and invalid UTF-8,
 * characters split across calls). Each result is printed, so compared with glibc's. */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "test.h"

static const char *const samples[] = {
    "a", "", "\x7f", "\x80", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xc0\x80", "\xc1\xbf",
    "\xe0\x80\x80", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf",
    "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\xfe", "\xff", "\xc3\x28", "\xe2\x28\xa1",
};

static void decode_all(void)
{
    for (unsigned i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        const char *s = samples[i];
        size_t n = strlen(s) + 1;
        mbstate_t st;
        memset(&st, 0, sizeof st);
        wchar_t wc = -7;
        errno = 0;
        size_t r = mbrtowc(&wc, s, n, &st);
        t_print_long((long)r);
        t_print(" ");
        t_print_long(r == (size_t)-1 ? -7 : wc);
        t_print(" ");
        t_print_long(errno);
        /* The same bytes one at a time. */
        memset(&st, 0, sizeof st);
        size_t k = 0, last = 0;
        while (k < n) {
            last = mbrtowc(&wc, s + k, 1, &st);
            k++;
            if (last != (size_t)-2)
                break;
        }
        t_print(" | ");
        t_print_long((long)last);
        t_print(" ");
        t_print_long((long)k);
        t_print(" | ");
        t_print_long(mblen(s, n));
        t_print(" ");
        t_print_long((long)mbrlen(s, n, NULL));
        t_print("\n");
    }
}

static void encode_all(void)
{
    static const wchar_t wcs[] = {0, 0x41, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x20ac, 0xd7ff, 0xd800, 0xdfff,
        0xe000, 0xffff, 0x10000, 0x1f600, 0x10ffff, 0x110000, -1};
    for (unsigned i = 0; i < sizeof wcs / sizeof wcs[0]; i++) {
        char buf[8] = {0};
        errno = 0;
        size_t r = wcrtomb(buf, wcs[i], NULL);
        t_print_long((long)r);
        t_print(" ");
        t_print_long(errno);
        for (size_t j = 0; r != (size_t)-1 && j < r; j++) {
            t_print(" ");
            t_print_long((unsigned char)buf[j]);
        }
        t_print(" | ");
        t_print_long(wctomb(buf, wcs[i]));
        t_print("\n");
    }
}

int main(void)
{
    t_print("C\n");
    decode_all();
    encode_all();
    T_EQ(btowc('a'), 'a');
    T_EQ(btowc(0x80), WEOF);
    T_EQ(btowc(EOF), WEOF);
    T_EQ(wctob(L'a'), 'a');
    T_EQ(wctob(0xe9), EOF);
    T_EQ(mbtowc(NULL, NULL, 0), 0);
    T_EQ(wctomb(NULL, 0), 0);

    T_CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
    t_print("C.UTF-8\n");
    decode_all();
    encode_all();
    T_EQ(btowc(0xc3), WEOF);
    T_EQ(wctob(0xe9), EOF);
    T_EQ(wctob(L'z'), 'z');

    /* A character split across calls, with the state in between. */
    mbstate_t st;
    memset(&st, 0, sizeof st);
    T_CHECK(mbsinit(&st));
    T_CHECK(mbsinit(NULL));
    wchar_t wc = 0;
    T_EQ(mbrtowc(&wc, "\xf0\x9f", 2, &st), (size_t)-2);
    T_CHECK(!mbsinit(&st));
    T_EQ(mbrtowc(&wc, "\x98", 1, &st), (size_t)-2);
    T_EQ(mbrtowc(&wc, "\x80zz", 3, &st), 1);
    T_EQ(wc, 0x1f600);
    T_CHECK(mbsinit(&st));
    T_EQ(mbrtowc(&wc, "x", 0, &st), (size_t)-2);
    T_EQ(mbrtowc(NULL, NULL, 0, &st), 0);
    T_EQ(mbrtowc(&wc, "\xe2", 1, NULL), (size_t)-2);
    T_EQ(mbrtowc(&wc, "\x82\xac", 2, NULL), 2);
    T_EQ(wc, 0x20ac);
    T_EQ(mbtowc(&wc, "\xc3\xa9", 2), 2);
    T_EQ(wc, 0xe9);
    T_EQ(mbtowc(&wc, "\xc3", 1), -1);
    T_EQ(mblen("\xe2\x82", 2), -1);
    T_EQ(mblen("", 1), 0);
    return t_status();
}
