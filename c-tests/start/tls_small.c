/* A program whose only TLS is one small initialised word (the common case). */
#include "test.h"

__thread int value = 1234;

int main(void)
{
    T_EQ(value, 1234);
    value = 5;
    T_EQ(value, 5);
    return t_status();
}
