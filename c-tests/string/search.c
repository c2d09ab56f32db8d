// cflags: -fno-builtin
/* strchr, strrchr, strchrnul, index, rindex, memchr, memrchr, rawmemchr, strstr, strcasestr,
 * memmem, strspn, strcspn, strpbrk, strlen, strnlen, basename: found, not found, terminators,
 * bounds. */
#include <string.h>
#include <strings.h>
#include "test.h"

int main(void)
{
    char *volatile s = "hello, world";
    T_CHECK(strchr(s, 'o') == s + 4);
    T_CHECK(strchr(s, 'z') == NULL);
    T_CHECK(strchr(s, '\0') == s + 12);
    T_CHECK(strchr(s, 'o' + 256) == s + 4); /* converted to unsigned char */
    T_CHECK(strrchr(s, 'o') == s + 8);
    T_CHECK(strrchr(s, 'z') == NULL);
    T_CHECK(strrchr(s, '\0') == s + 12);
    T_CHECK(strchrnul(s, 'w') == s + 7);
    T_CHECK(strchrnul(s, 'z') == s + 12);
    T_CHECK(index(s, 'l') == s + 2);
    T_CHECK(rindex(s, 'l') == s + 10);
    T_CHECK(rindex(s, 'q') == NULL);

    T_CHECK(memchr(s, 'w', 12) == s + 7);
    T_CHECK(memchr(s, 'w', 7) == NULL);
    T_CHECK(memchr(s, 'w', 0) == NULL);
    T_CHECK(memchr(s, '\0', 13) == s + 12);
    T_CHECK(memrchr(s, 'o', 12) == s + 8);
    T_CHECK(memrchr(s, 'o', 8) == s + 4);
    T_CHECK(memrchr(s, 'o', 0) == NULL);
    T_CHECK(rawmemchr(s, 'd') == s + 11);
    T_CHECK(rawmemchr(s, '\0') == s + 12);

    T_CHECK(strstr(s, "world") == s + 7);
    T_CHECK(strstr(s, "") == s);
    T_CHECK(strstr(s, "worlds") == NULL);
    T_CHECK(strstr(s, "lo, w") == s + 3);
    T_CHECK(strcasestr(s, "WORLD") == s + 7);
    T_CHECK(strcasestr(s, "") == s);
    T_CHECK(strcasestr(s, "xyz") == NULL);
    T_CHECK(memmem(s, 12, "o, ", 3) == s + 4);
    T_CHECK(memmem(s, 12, "", 0) == s);
    T_CHECK(memmem(s, 3, "hello", 5) == NULL);
    T_CHECK(memmem("a\0b\0c", 5, "b\0c", 3) != NULL);

    T_EQ(strspn(s, "leh"), 4);
    T_EQ(strspn(s, ""), 0);
    T_EQ(strspn(s, "abcdefghijklmnopqrstuvwxyz, "), 12);
    T_EQ(strcspn(s, ","), 5);
    T_EQ(strcspn(s, ""), 12);
    T_EQ(strcspn(s, "xyz"), 12);
    T_CHECK(strpbrk(s, "wr") == s + 7);
    T_CHECK(strpbrk(s, "xyz") == NULL);
    T_CHECK(strpbrk(s, "") == NULL);

    /* GNU basename: after the last slash, empty after a trailing one. */
    T_CHECK(strcmp(basename("/usr/lib/libc.a"), "libc.a") == 0);
    T_CHECK(strcmp(basename("name"), "name") == 0);
    T_CHECK(strcmp(basename("dir/"), "") == 0);
    T_CHECK(strcmp(basename("/"), "") == 0);

    T_EQ(strlen(s), 12);
    T_EQ(strlen(s + 12), 0);
    T_EQ(strnlen(s, 5), 5);
    T_EQ(strnlen(s, 100), 12);
    T_EQ(strnlen(s, 0), 0);

    /* Every start alignment and length against a byte loop, in a buffer with a needle. */
    static char buf[512];
    for (int start = 0; start < 64; start++) {
        for (int len = 0; len < 200; len += 7) {
            memset(buf, 'a', sizeof buf);
            buf[start + len] = 0;
            T_EQ(strlen(buf + start), len);
            T_EQ(strnlen(buf + start, (size_t)len / 2), len / 2);
            char *want = NULL;
            if (len > 0) {
                want = buf + start + len / 2;
                *want = 'x';
            }
            T_CHECK(strchr(buf + start, 'x') == want);
            T_CHECK(strrchr(buf + start, 'x') == want);
            T_CHECK(memchr(buf + start, 'x', (size_t)len) == want);
            T_CHECK(memrchr(buf + start, 'x', (size_t)len) == want);
            T_CHECK(strchrnul(buf + start, 'x') == (want ? want : buf + start + len));
        }
    }
    return t_status();
}
