/* GNU indirect functions: the resolver runs at start-up (IRELATIVE relocations, in .rela.dyn
 * for static-PIE and .rela.iplt for non-PIE), and calls go to what it chose. */
#include "test.h"

static int resolver_calls;
static int forty_two(void) { return 42; }
static int (*choose(void))(void)
{
    resolver_calls++;
    return forty_two;
}
int answer(void) __attribute__((ifunc("choose")));

int main(void)
{
    T_EQ(answer(), 42);
    T_EQ(answer(), 42);
    T_EQ(resolver_calls, 1);
    int (*volatile through_pointer)(void) = answer;
    T_EQ(through_pointer(), 42);
    return t_status();
}
