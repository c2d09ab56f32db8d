// stderr: compare
// expect: signal=SIGABRT
/* assert_perror with a nonzero error number: glibc's "Unexpected error" message, SIGABRT. */
#include <assert.h>
#include <errno.h>
#include "test.h"

int main(void)
{
    program_invocation_short_name = "prog";
    assert_perror(0);
    t_print("zero passes\n");
    assert_perror(ENOENT);
    return 0;
}
