// expect: status=5
/* _exit and _Exit end the process at once: no handlers, no destructors. */
#include <stdlib.h>
#include <unistd.h>
#include "test.h"

static void not_run(void) { t_print("handler must not run\n"); }
__attribute__((destructor)) static void dtor(void) { t_print("destructor must not run\n"); }

int main(int argc, char **argv)
{
    (void)argv;
    atexit(not_run);
    t_print("before _exit\n");
    if (argc > 5)
        _Exit(6);
    _exit(5);
}
