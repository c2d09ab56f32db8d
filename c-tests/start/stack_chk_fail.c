// expect: signal=SIGABRT
// stderr: compare
/* __stack_chk_fail, as -fstack-protector code calls it on a corrupted canary: glibc's message
 * on stderr, then death by SIGABRT (exit handlers do not run). */
#include <stdlib.h>
#include "test.h"

void __stack_chk_fail(void);

static void not_run(void) { t_print("handler must not run\n"); }

int main(void)
{
    atexit(not_run);
    __stack_chk_fail();
}
