// check: aslr
/* Prints where main and a static variable were loaded; the runner runs the static-PIE build
 * several times and expects different addresses. */
#include <stdint.h>
#include "test.h"

static int data = 1;

static void print_hex(uintptr_t v)
{
    char buf[19];
    buf[18] = 0;
    for (int i = 17; i >= 2; i--, v >>= 4)
        buf[i] = "0123456789abcdef"[v & 15];
    buf[0] = '0';
    buf[1] = 'x';
    t_print(buf);
    t_print("\n");
}

int main(void)
{
    print_hex((uintptr_t)&main);
    print_hex((uintptr_t)&data);
    return data - 1;
}
