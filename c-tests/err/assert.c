// stderr: compare
// expect: signal=SIGABRT
/* A failed assert: glibc's exact message on stderr, then SIGABRT. */
#include <assert.h>
#include <errno.h>
#include "test.h"

int main(int argc, char **argv)
{
    (void)argv;
    program_invocation_short_name = "prog";
    assert(argc == 1);
    t_print("passed the true assertion\n");
    assert(argc == 2 && "two arguments");
    return 0;
}
