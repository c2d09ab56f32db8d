// cflags: -fstack-protector-all
/* The stack-protector canary: at %fs:0x28, low byte zero, random, and the same in
 * __stack_chk_guard where the library defines it; protected functions run normally. */
#include <stdint.h>
#include <string.h>
#include "test.h"

extern uintptr_t __stack_chk_guard __attribute__((weak));

static int __attribute__((noinline)) protected_copy(const char *s)
{
    char buf[32];
    strcpy(buf, s);
    return (int)strlen(buf);
}

int main(void)
{
    uintptr_t canary;
    __asm__("mov %%fs:0x28, %0" : "=r"(canary));
    T_EQ(canary & 0xff, 0);
    T_CHECK(canary != 0);
    if (&__stack_chk_guard)
        T_CHECK(__stack_chk_guard == canary);
    T_EQ(protected_copy("fits in the buffer"), 18);
    return t_status();
}
