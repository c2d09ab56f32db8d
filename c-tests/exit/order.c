// expect: status=42
/* atexit and __cxa_atexit run last-in-first-out, including handlers registered by handlers;
 * destructors run after them; exit(256 + 42) exits 42. */
#include <stdlib.h>
#include "test.h"

int __cxa_atexit(void (*f)(void *), void *arg, void *dso);

static void third(void) { t_print("third (registered by first)\n"); }
static void first(void)
{
    t_print("first\n");
    atexit(third);
}
static void second(void) { t_print("second\n"); }
static void with_arg(void *arg) { t_print_kv("cxa handler with ", (long)arg); }
__attribute__((destructor)) static void dtor(void) { t_print("destructor\n"); }

int main(void)
{
    T_EQ(atexit(first), 0);
    T_EQ(__cxa_atexit(with_arg, (void *)7, NULL), 0);
    T_EQ(atexit(second), 0);
    T_EQ(__cxa_atexit(with_arg, (void *)8, NULL), 0);
    t_print("main returns via exit\n");
    exit(256 + 42);
}
