// cflags: -O2 -D_FORTIFY_SOURCE=2
// expect: signal=SIGABRT
// stderr: compare
/* __longjmp_chk refuses a jump into a frame that has returned, with glibc's message. */
#include <setjmp.h>
#include "os_test.h"

static jmp_buf env;

__attribute__((noipa)) static int setter(void)
{
    volatile char pad[4096];
    pad[0] = 1;
    return setjmp(env) + pad[0];
}

__attribute__((noipa)) static int middle(void)
{
    volatile char pad[4096];
    pad[0] = 0;
    return setter() + pad[0];
}

int main(void)
{
    if (middle() == 1)
        longjmp(env, 1);
    t_print("not reached\n");
    return 1;
}
