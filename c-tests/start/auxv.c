/* getauxval: known entries and the ENOENT error path. */
#include <elf.h>
#include <errno.h>
#include <sys/auxv.h>
#include <unistd.h>
#include "test.h"

extern void _start(void);

int main(void)
{
    errno = 0;
    T_EQ(getauxval(AT_PAGESZ), 4096);
    T_EQ(errno, 0);
    T_CHECK(getauxval(AT_RANDOM) != 0);
    T_CHECK(getauxval(AT_PHDR) != 0);
    T_CHECK(getauxval(AT_PHNUM) > 0);
    T_EQ(getauxval(AT_SECURE), 0);
    /* The kernel entered the program at _start. */
    T_EQ(getauxval(AT_ENTRY), (unsigned long)&_start);

    /* An entry the kernel never supplies: 0 and ENOENT. */
    errno = 0;
    T_EQ(getauxval(0x7fff), 0);
    T_EQ(errno, ENOENT);
    errno = 0;
    T_EQ(getauxval(AT_NULL), 0);
    T_EQ(errno, ENOENT);
    return t_status();
}
