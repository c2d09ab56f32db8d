// expect: status=3
/* exit called again from a destructor: the handler that destructor registered still runs,
 * no destructor runs twice, the destructors not yet run are skipped (as in glibc), and the
 * status is the inner exit's. */
#include <stdlib.h>
#include "test.h"

static void late(void) { t_print("handler registered by the destructor\n"); }
static void early(void) { t_print("handler registered by main\n"); }

__attribute__((destructor(200))) static void dtor200(void) { t_print("destructor 200\n"); }
__attribute__((destructor(300))) static void dtor300(void)
{
    t_print("destructor 300 calls exit(3)\n");
    atexit(late);
    exit(3);
}

int main(void)
{
    T_EQ(atexit(early), 0);
    t_print("main returns 0\n");
    return t_status();
}
