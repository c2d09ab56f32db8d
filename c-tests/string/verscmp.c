// cflags: -fno-builtin
/* strverscmp: every pair of strings of up to 4 bytes over "0", "1", "9", "a", "." compared,
 * the signs hashed and printed (so compared with glibc), and the order glibc's manual gives. */
#include <string.h>
#include "test.h"

static const char alphabet[] = "019a.";
static char strings[800][5];
static int count;

static void gen(char *prefix, int len)
{
    memcpy(strings[count++], prefix, 5);
    if (len == 4)
        return;
    for (int i = 0; i < 5; i++) {
        prefix[len] = alphabet[i];
        prefix[len + 1] = 0;
        gen(prefix, len + 1);
    }
    prefix[len] = 0;
}

static int sign(int v) { return (v > 0) - (v < 0); }

int main(void)
{
    char prefix[6] = {0};
    gen(prefix, 0);
    unsigned long h = 14695981039346656037ul;
    long neg = 0, zero = 0;
    for (int i = 0; i < count; i++)
        for (int j = 0; j < count; j++) {
            int s = sign(strverscmp(strings[i], strings[j]));
            T_EQ(s, -sign(strverscmp(strings[j], strings[i])));
            h = (h ^ (unsigned long)(s + 1)) * 1099511628211ul;
            neg += s < 0;
            zero += s == 0;
        }
    t_print_kv("strings ", count);
    t_print_kv("less ", neg);
    t_print_kv("equal ", zero);
    t_print_kv("hash ", (long)(h >> 1));

    const char *order[] = {"000", "00", "01", "010", "09", "0", "1", "9", "10"};
    for (int i = 0; i < 9; i++)
        for (int j = 0; j < 9; j++)
            T_EQ(sign(strverscmp(order[i], order[j])), sign(i - j));
    T_CHECK(strverscmp("foo2.txt", "foo10.txt") < 0);
    T_CHECK(strverscmp("1.2.10", "1.2.9") > 0);
    T_EQ(strverscmp("", ""), 0);
    return t_status();
}
