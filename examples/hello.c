/* hello: the smallest useful program. */
#include <string.h>
#include <unistd.h>

int main(void)
{
    const char *msg = "Hello from a C program running on rustcrt, with no glibc code inside.\n";
    return write(1, msg, strlen(msg)) == (ssize_t)strlen(msg) ? 0 : 1;
}
