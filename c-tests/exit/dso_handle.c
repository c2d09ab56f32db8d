/* __dso_handle links (programs and C++ compilers name it; crtbegin defines it for glibc, the
 * library for rustcrt). Handlers registered with __cxa_atexit(f, arg, &__dso_handle) run at
 * exit, newest first, interleaved with atexit handlers; __cxa_finalize(&__dso_handle) runs
 * those registered with it, once, and not those of no DSO. (Which DSO atexit handlers
 * belong to differs between glibc's own static and static-PIE builds, so no atexit handler
 * exists while __cxa_finalize runs.) */
#include <stdlib.h>
#include "test.h"

extern void *__dso_handle;
int __cxa_atexit(void (*f)(void *), void *arg, void *dso);
void __cxa_finalize(void *dso);

static void say(void *arg) { t_print_kv("dso handler ", (long)arg); }
static void plain(void) { t_print("atexit handler\n"); }
static void other(void *arg) { t_print_kv("handler of no dso ", (long)arg); }

int main(void)
{
    T_CHECK(&__dso_handle != NULL);
    T_EQ(__cxa_atexit(say, (void *)1, &__dso_handle), 0);
    T_EQ(__cxa_atexit(other, (void *)2, NULL), 0);
    T_EQ(__cxa_atexit(say, (void *)3, &__dso_handle), 0);
    t_print("finalize the program's own\n");
    __cxa_finalize(&__dso_handle);
    T_EQ(__cxa_atexit(say, (void *)4, &__dso_handle), 0);
    T_EQ(atexit(plain), 0);
    T_EQ(__cxa_atexit(say, (void *)5, &__dso_handle), 0);
    t_print("main returns\n");
    return t_status();
}
