// cflags: -D_FORTIFY_SOURCE=2 -O2
/* The string __*_chk functions on their success paths: with a known destination size and
 * lengths the compiler cannot see, gcc calls __memcpy_chk, __strcpy_chk, ... (checked with
 * nm -u on the object); each must do exactly what the unchecked function does. */
#include <string.h>
#include <strings.h>
#include "test.h"

static volatile size_t three = 3, five = 5, eight = 8, sixteen = 16;
static const char *volatile hello = "hello", *volatile world = "world";

int main(void)
{
    char d[16];
    char src[16] = "0123456789abcde";

    T_CHECK(memcpy(d, src, sixteen) == d);
    T_CHECK(memcmp(d, src, 16) == 0);
    T_CHECK(memmove(d + 1, d, eight) == d + 1);
    T_CHECK(memcmp(d + 1, "01234567", 8) == 0);
    T_CHECK(mempcpy(d, src, five) == d + 5);
    T_CHECK(memset(d, 'z', sixteen) == d);
    T_EQ(d[15], 'z');
    explicit_bzero(d, eight);
    T_EQ(d[7], 0);
    T_EQ(d[8], 'z');

    T_CHECK(strcpy(d, hello) == d);
    T_CHECK(strcmp(d, "hello") == 0);
    T_CHECK(stpcpy(d, world) == d + 5);
    T_CHECK(strncpy(d, hello, eight) == d);
    T_CHECK(memcmp(d, "hello\0\0\0", 8) == 0);
    T_CHECK(stpncpy(d, world, eight) == d + 5);
    T_CHECK(strcat(d, hello) == d);
    T_CHECK(strcmp(d, "worldhello") == 0);
    T_CHECK(strncat(d, world, three) == d);
    T_CHECK(strcmp(d, "worldhellowor") == 0);
    /* Exactly full: 15 characters and the terminator. */
    T_CHECK(strncat(d, world, five - three) == d && strlen(d) == 15);
    return t_status();
}
