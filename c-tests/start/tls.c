/* Main-thread TLS: .tdata copied, .tbss zeroed, every alignment from 1 to 4096 honoured. */
#include <stdint.h>
#include "test.h"

#define TV(n) \
    static __thread _Alignas(n) unsigned char data##n[3] = {n & 0xff, 1, 2}; \
    static __thread _Alignas(n) unsigned char zero##n[5];

TV(1) TV(2) TV(4) TV(8) TV(16) TV(32) TV(64) TV(128) TV(256) TV(512) TV(1024) TV(2048) TV(4096)

static __thread long counter = 41;
static __thread char big_zero[10000];

static int check(void *p, unsigned align, const unsigned char *d, const unsigned char *z, unsigned first)
{
    int ok = ((uintptr_t)p % align) == 0 && d[0] == first && d[1] == 1 && d[2] == 2;
    for (int i = 0; i < 5; i++)
        ok &= z[i] == 0;
    return ok && ((uintptr_t)z % align) == 0;
}

#define CHECK_TV(n) T_CHECK(check(data##n, n, data##n, zero##n, n & 0xff))

int main(void)
{
    CHECK_TV(1); CHECK_TV(2); CHECK_TV(4); CHECK_TV(8); CHECK_TV(16); CHECK_TV(32);
    CHECK_TV(64); CHECK_TV(128); CHECK_TV(256); CHECK_TV(512); CHECK_TV(1024);
    CHECK_TV(2048); CHECK_TV(4096);
    T_EQ(counter, 41);
    counter++;
    T_EQ(counter, 42);
    long sum = 0;
    for (unsigned i = 0; i < sizeof big_zero; i++)
        sum += big_zero[i];
    T_EQ(sum, 0);
    big_zero[9999] = 7;
    T_EQ(big_zero[9999], 7);
    /* The thread pointer's self word (%fs:0) is the thread pointer. */
    uintptr_t self;
    __asm__("mov %%fs:0, %0" : "=r"(self));
    T_CHECK(self != 0);
    T_CHECK((uintptr_t)&counter < self);
    return t_status();
}
