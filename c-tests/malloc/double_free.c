// expect: signal=SIGABRT
/* Freeing a small block twice is detected and ends the process by SIGABRT (glibc's tcache
 * check does the same). */
#include <stdlib.h>
#include "test.h"

int main(void)
{
    void *volatile p = malloc(32);
    void *volatile keep = malloc(32);
    free(p);
    t_print("freed once\n");
    free(p);
    t_print("freed twice: not detected\n");
    free(keep);
    return 0;
}
