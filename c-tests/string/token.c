// cflags: -fno-builtin
/* strtok (state kept between calls, a new string resets it), strtok_r, strsep; ffs family. */
#include <string.h>
#include <strings.h>
#include "test.h"

int main(void)
{
    char a[] = "  one, two,,three  ";
    T_CHECK(strcmp(strtok(a, " ,"), "one") == 0);
    T_CHECK(strcmp(strtok(NULL, " ,"), "two") == 0);
    char b[] = "x;y";
    /* A different delimiter set on the same string. */
    T_CHECK(strcmp(strtok(NULL, ","), "three  ") == 0);
    T_CHECK(strtok(NULL, " ,") == NULL);
    T_CHECK(strtok(NULL, " ,") == NULL);
    T_CHECK(strcmp(strtok(b, ";"), "x") == 0);
    T_CHECK(strcmp(strtok(NULL, ";"), "y") == 0);
    T_CHECK(strtok(NULL, ";") == NULL);
    char c[] = ",,,";
    T_CHECK(strtok(c, ",") == NULL);
    char e[] = "";
    T_CHECK(strtok(e, ",") == NULL);

    char r[] = "a b  c";
    char *save = NULL;
    T_CHECK(strcmp(strtok_r(r, " ", &save), "a") == 0);
    T_CHECK(strcmp(strtok_r(NULL, " ", &save), "b") == 0);
    T_CHECK(strcmp(strtok_r(NULL, " ", &save), "c") == 0);
    T_CHECK(strtok_r(NULL, " ", &save) == NULL);
    T_CHECK(strtok_r(NULL, " ", &save) == NULL);

    char f[] = "a,,b";
    char *p = f;
    T_CHECK(strcmp(strsep(&p, ","), "a") == 0);
    T_CHECK(strcmp(strsep(&p, ","), "") == 0);
    T_CHECK(strcmp(strsep(&p, ","), "b") == 0);
    T_CHECK(p == NULL);
    T_CHECK(strsep(&p, ",") == NULL);

    T_EQ(ffs(0), 0);
    T_EQ(ffs(1), 1);
    T_EQ(ffs(0x80), 8);
    T_EQ(ffs((int)0x80000000u), 32);
    T_EQ(ffsl(0), 0);
    T_EQ(ffsl(1L << 40), 41);
    T_EQ(ffsll(0), 0);
    T_EQ(ffsll(1LL << 63), 64);
    T_EQ(ffsll(6), 2);
    return t_status();
}
