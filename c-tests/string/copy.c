// cflags: -fno-builtin -Wno-stringop-truncation
/* strcpy, stpcpy, strncpy (padding, no terminator when full), stpncpy, strcat, strncat,
 * memccpy, mempcpy, memcpy, memmove (both overlaps), memset, bzero, explicit_bzero, bcopy. */
#include <string.h>
#include <strings.h>
#include "test.h"

int main(void)
{
    char d[32];
    const char *volatile src = "hello";

    memset(d, 'x', sizeof d);
    T_CHECK(strcpy(d, src) == d);
    T_CHECK(memcmp(d, "hello\0x", 7) == 0);
    T_CHECK(stpcpy(d, src) == d + 5);
    T_CHECK(stpcpy(d, "") == d && d[0] == 0);

    memset(d, 'x', sizeof d);
    T_CHECK(strncpy(d, src, 8) == d);
    T_CHECK(memcmp(d, "hello\0\0\0x", 9) == 0);
    memset(d, 'x', sizeof d);
    T_CHECK(strncpy(d, src, 3) == d);
    T_CHECK(memcmp(d, "helx", 4) == 0); /* no terminator when the source fills n */
    memset(d, 'x', sizeof d);
    T_CHECK(stpncpy(d, src, 8) == d + 5);
    T_CHECK(memcmp(d, "hello\0\0\0x", 9) == 0);
    T_CHECK(stpncpy(d, src, 2) == d + 2);
    T_CHECK(strncpy(d, src, 0) == d);

    strcpy(d, "ab");
    T_CHECK(strcat(d, "cd") == d);
    T_CHECK(strcmp(d, "abcd") == 0);
    T_CHECK(strcat(d, "") == d && strcmp(d, "abcd") == 0);
    T_CHECK(strncat(d, "efgh", 2) == d);
    T_CHECK(strcmp(d, "abcdef") == 0);
    T_CHECK(strncat(d, "gh", 10) == d);
    T_CHECK(strcmp(d, "abcdefgh") == 0);
    T_CHECK(strncat(d, "zz", 0) == d && strcmp(d, "abcdefgh") == 0);

    memset(d, 'x', sizeof d);
    T_CHECK(memccpy(d, "key=value", '=', 9) == d + 4);
    T_CHECK(memcmp(d, "key=x", 5) == 0);
    T_CHECK(memccpy(d, "abc", '=', 3) == NULL);
    T_CHECK(memcmp(d, "abc=", 4) == 0);
    T_CHECK(memccpy(d, "abc", 'a', 0) == NULL);
    T_CHECK(mempcpy(d, "12345", 5) == d + 5);
    T_CHECK(memcmp(d, "12345", 5) == 0);

    char m[64];
    for (int i = 0; i < 64; i++)
        m[i] = (char)i;
    T_CHECK(memmove(m + 3, m, 40) == m + 3);
    for (int i = 0; i < 40; i++)
        T_EQ(m[3 + i], i);
    for (int i = 0; i < 64; i++)
        m[i] = (char)i;
    memmove(m, m + 5, 50);
    for (int i = 0; i < 50; i++)
        T_EQ(m[i], i + 5);
    for (int i = 0; i < 64; i++)
        m[i] = (char)i;
    bcopy(m, m + 1, 10);
    T_EQ(m[1], 0);
    T_EQ(m[10], 9);

    T_CHECK(memset(m, 0x1ab, 64) == m); /* converted to unsigned char */
    for (int i = 0; i < 64; i++)
        T_EQ((unsigned char)m[i], 0xab);
    bzero(m + 1, 10);
    T_EQ(m[0], (char)0xab);
    T_EQ(m[1], 0);
    T_EQ(m[10], 0);
    T_EQ(m[11], (char)0xab);
    explicit_bzero(m, 64);
    for (int i = 0; i < 64; i++)
        T_EQ(m[i], 0);
    return t_status();
}
