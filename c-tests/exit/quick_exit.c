// expect: status=3
/* quick_exit runs at_quick_exit handlers newest first, and neither atexit handlers nor
 * destructors. */
#include <stdlib.h>
#include "test.h"

static void qa(void) { t_print("quick a\n"); }
static void qb(void) { t_print("quick b\n"); }
static void qc(void) { t_print("quick c, registered through __cxa_at_quick_exit\n"); }
int __cxa_at_quick_exit(void (*f)(void), void *dso);
static void not_run(void) { t_print("atexit handler must not run\n"); }
__attribute__((destructor)) static void dtor(void) { t_print("destructor must not run\n"); }

int main(void)
{
    T_EQ(atexit(not_run), 0);
    T_EQ(at_quick_exit(qa), 0);
    T_EQ(at_quick_exit(qb), 0);
    T_EQ(__cxa_at_quick_exit(qc, NULL), 0);
    quick_exit(3);
}
