// cflags: -fstack-protector-all -O0 -Wno-stringop-overflow -Wno-array-bounds
// expect: signal=SIGABRT
// stderr: compare
/* Overwriting a protected frame's canary ends the program by SIGABRT with glibc's message. */
#include <string.h>
#include "test.h"

static void __attribute__((noinline)) smash(volatile char *dst, int n)
{
    char buf[8];
    volatile char *p = buf;
    for (int i = 0; i < n; i++)
        p[i] = dst[0];
}

int main(void)
{
    char c = 'x';
    smash(&c, 64);
    t_print("not reached\n");
    return 0;
}
