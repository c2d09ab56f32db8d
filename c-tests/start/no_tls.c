/* A program without any TLS still has errno (which lives in the thread control block). */
#include <errno.h>
#include <unistd.h>
#include "test.h"

int main(void)
{
    errno = 0;
    T_ERRNO(close(-1), EBADF);
    T_EQ(errno, EBADF);
    errno = 7;
    T_EQ(*__errno_location(), 7);
    return t_status();
}
