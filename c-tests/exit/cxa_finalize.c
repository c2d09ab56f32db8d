/* __cxa_finalize(dso) runs only that DSO's handlers, newest first, once each; exit then runs
 * the rest. __cxa_finalize(NULL) runs everything. */
#include <stdlib.h>
#include "test.h"

int __cxa_atexit(void (*f)(void *), void *arg, void *dso);
void __cxa_finalize(void *dso);

static char dso_a, dso_b;
static void say(void *arg) { t_print_kv("handler ", (long)arg); }

int main(void)
{
    T_EQ(__cxa_atexit(say, (void *)1, &dso_a), 0);
    T_EQ(__cxa_atexit(say, (void *)2, &dso_b), 0);
    T_EQ(__cxa_atexit(say, (void *)3, &dso_a), 0);
    T_EQ(__cxa_atexit(say, (void *)4, &dso_b), 0);
    t_print("finalize a\n");
    __cxa_finalize(&dso_a);
    t_print("finalize a again\n");
    __cxa_finalize(&dso_a);
    t_print("exit\n");
    return t_status();
}
