// expect: status=6
/* _Exit ends the process at once: no handlers, no destructors. */
#include <stdlib.h>
#include "test.h"

static void not_run(void) { t_print("handler must not run\n"); }
__attribute__((destructor)) static void dtor(void) { t_print("destructor must not run\n"); }

int main(void)
{
    atexit(not_run);
    _Exit(6);
}
