// expect: status=7
/* Returning from main is exit(status): handlers run; the status is main's. */
#include <stdlib.h>
#include "test.h"

static void handler(void) { t_print("handler\n"); }

int main(void)
{
    atexit(handler);
    return 7;
}
