// expect: signal=SIGABRT
/* Freeing a pointer that is not the start of a block is detected and ends the process by
 * SIGABRT (glibc's alignment check does the same). */
#include <stdlib.h>
#include "test.h"

int main(void)
{
    char *volatile p = malloc(64);
    t_print("allocated\n");
    char *volatile inside = p + 1;
    free(inside);
    t_print("not detected\n");
    return 0;
}
