// cflags: -fno-builtin
/* strcmp, strncmp, strcasecmp(_l), strncasecmp(_l), strcoll(_l), strxfrm(_l), memcmp, bcmp: signs, unsigned
 * bytes, bounds, and the C locale's byte order. */
#include <locale.h>
#include <string.h>
#include <strings.h>
#include "test.h"

static int sign(int v) { return (v > 0) - (v < 0); }

int main(void)
{
    /* Volatile pointers keep gcc from folding the calls at compile time. */
    const char *volatile abc = "abc", *volatile abd = "abd", *volatile ab = "ab";
    const char *volatile hi = "\x80", *volatile lo = "\x7f", *volatile empty = "";
    T_EQ(strcmp(abc, "abc"), 0);
    T_EQ(sign(strcmp(abc, abd)), -1);
    T_EQ(sign(strcmp(abd, abc)), 1);
    T_EQ(sign(strcmp(ab, abc)), -1);
    T_EQ(sign(strcmp(abc, ab)), 1);
    T_EQ(sign(strcmp(hi, lo)), 1);
    T_EQ(sign(strcmp(empty, abc)), -1);
    T_EQ(strcmp(empty, ""), 0);

    T_EQ(strncmp(abc, abd, 2), 0);
    T_EQ(sign(strncmp(abc, abd, 3)), -1);
    T_EQ(strncmp(abc, abd, 0), 0);
    T_EQ(strncmp(abc, "abc\0zzz", 100), 0);
    T_EQ(sign(strncmp(ab, abc, 3)), -1);

    T_EQ(strcasecmp(abc, "ABC"), 0);
    T_EQ(sign(strcasecmp("a", "B")), -1);
    T_EQ(sign(strcasecmp("[", "a")), -1); /* '[' (0x5b) < 'a' (0x61): folding is to lower case */
    T_EQ(sign(strcasecmp(hi, lo)), 1);
    T_EQ(strncasecmp("HELLO world", "hello WORLD", 11), 0);
    T_EQ(strncasecmp("HELLOx", "helloy", 5), 0);
    T_EQ(sign(strncasecmp("HELLOx", "helloy", 6)), -1);
    T_EQ(strncasecmp(abc, abd, 0), 0);

    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    T_CHECK(c != (locale_t)0);
    T_EQ(strcasecmp_l("MiXeD", "mixed", c), 0);
    T_EQ(sign(strcasecmp_l("a", "B", c)), -1);
    T_EQ(strncasecmp_l("ABx", "aby", 2, c), 0);
    T_EQ(sign(strncasecmp_l("ABx", "aby", 3, c)), -1);
    T_EQ(strcoll_l(abc, "abc", c), 0);
    T_EQ(sign(strcoll_l("B", "a", c)), -1);
    char xb[8];
    T_EQ(strxfrm_l(xb, "xyz", sizeof xb, c), 3);
    T_CHECK(strcmp(xb, "xyz") == 0);
    freelocale(c);

    T_EQ(strcoll(abc, "abc"), 0);
    T_EQ(sign(strcoll(abc, abd)), -1);
    T_EQ(sign(strcoll("B", "a")), -1);

    char buf[8];
    memset(buf, 'x', sizeof buf);
    T_EQ(strxfrm(buf, "hello", sizeof buf), 5);
    T_CHECK(strcmp(buf, "hello") == 0);
    T_EQ(strxfrm(NULL, "hello", 0), 5);
    T_EQ(strxfrm(buf, "toolongstring", 4), 13);

    unsigned char m1[300], m2[300];
    for (int i = 0; i < 300; i++)
        m1[i] = m2[i] = (unsigned char)(i * 7);
    for (int len = 0; len < 300; len += 13) {
        T_EQ(memcmp(m1, m2, (size_t)len), 0);
        T_EQ(bcmp(m1, m2, (size_t)len), 0);
    }
    m2[200] = (unsigned char)(m1[200] + 1);
    T_EQ(sign(memcmp(m1, m2, 300)), -1);
    T_EQ(sign(memcmp(m2, m1, 300)), 1);
    T_EQ(memcmp(m1, m2, 200), 0);
    T_CHECK(bcmp(m1, m2, 201) != 0);
    return t_status();
}
