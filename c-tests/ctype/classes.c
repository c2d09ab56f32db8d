/* Every class and case mapping for all 384 values -128..255, three ways: glibc's macros
 * (which index the __ctype_*_loc tables), the functions (called as (isalpha)(c), past the
 * macros), and the raw tables. Checksums are printed, so they are compared with glibc's. */
#include <ctype.h>
#include <stdio.h> /* EOF */
#include "test.h"

typedef int (*class_fn)(int);

static unsigned long mix(unsigned long h, long v)
{
    return (h ^ (unsigned long)v) * 1099511628211ul;
}

#define CLASS(name)                                                          \
    do {                                                                     \
        unsigned long hm = 14695981039346656037ul, hf = hm;                  \
        long count = 0;                                                      \
        class_fn f = (name);                                                 \
        for (int c = -128; c < 256; c++) {                                   \
            int m = name(c), v = f(c);                                       \
            T_EQ(m != 0, v != 0);                                            \
            hm = mix(hm, m != 0);                                            \
            hf = mix(hf, v);                                                 \
            count += m != 0;                                                 \
        }                                                                    \
        t_print(#name " ");                                                  \
        t_print_long(count);                                                 \
        t_print(" ");                                                        \
        t_print_long((long)(hm >> 1));                                       \
        t_print(" ");                                                        \
        t_print_kv("", (long)(hf >> 1));                                     \
    } while (0)

int main(void)
{
    CLASS(isalnum);
    CLASS(isalpha);
    CLASS(iscntrl);
    CLASS(isdigit);
    CLASS(isgraph);
    CLASS(islower);
    CLASS(isprint);
    CLASS(ispunct);
    CLASS(isspace);
    CLASS(isupper);
    CLASS(isxdigit);
    CLASS(isblank);

    unsigned long h = 14695981039346656037ul;
    const unsigned short *b = *__ctype_b_loc();
    const int *lo = *__ctype_tolower_loc(), *up = *__ctype_toupper_loc();
    for (int c = -128; c < 256; c++) {
        h = mix(h, b[c]);
        h = mix(h, lo[c]);
        h = mix(h, up[c]);
        T_EQ(tolower(c), (tolower)(c));
        T_EQ(toupper(c), (toupper)(c));
        T_EQ((tolower)(c), lo[c]);
        T_EQ((toupper)(c), up[c]);
        T_EQ((_tolower)(c), lo[c]);
        T_EQ((_toupper)(c), up[c]);
        T_EQ(isctype(c, _ISalpha | _ISdigit) != 0, isalnum(c) != 0);
        T_EQ((isascii)(c), c >= 0 && c < 128);
        T_EQ((toascii)(c), c & 0x7f);
    }
    t_print_kv("tables ", (long)(h >> 1));

    T_CHECK((isalpha)('a') && !(isalpha)('1') && !(isalpha)(EOF) && !(isalpha)(0xe9));
    T_CHECK((isspace)('\v') && (isspace)('\f') && !(isspace)('\b'));
    T_CHECK((isblank)('\t') && !(isblank)('\n'));
    T_CHECK((isprint)(' ') && !(isgraph)(' ') && (iscntrl)(127));
    T_EQ((tolower)('A'), 'a');
    T_EQ((toupper)('z'), 'Z');
    T_EQ((toupper)(EOF), EOF);
    T_EQ((tolower)(1000), 1000);
    T_EQ((toupper)(-1000), -1000);
    T_EQ((isalpha)(1000), 0);
    T_EQ((isascii)(200), 0);
    T_EQ((toascii)(0x1c1), 0x41);
    return t_status();
}
