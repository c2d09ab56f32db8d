// expect: signal=SIGABRT
/* abort ends the process by SIGABRT without running exit handlers. */
#include <stdlib.h>
#include "test.h"

static void not_run(void) { t_print("handler must not run\n"); }

int main(void)
{
    atexit(not_run);
    t_print("aborting\n");
    abort();
}
