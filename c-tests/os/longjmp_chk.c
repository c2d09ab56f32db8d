// cflags: -O2 -D_FORTIFY_SOURCE=2 -Wno-infinite-recursion
/* Under _FORTIFY_SOURCE longjmp is __longjmp_chk: an upward jump works. */
#include <setjmp.h>
#include "os_test.h"

static jmp_buf env;

__attribute__((noinline)) static void jump_up(volatile int n)
{
    volatile char pad[64];
    pad[0] = (char)n;
    if (n > 0)
        jump_up(n - pad[0] + n - 1);
    longjmp(env, 9);
}

int main(void)
{
    volatile int r = setjmp(env);
    if (r == 0)
        jump_up(10);
    T_EQ(r, 9);
    return t_status();
}
