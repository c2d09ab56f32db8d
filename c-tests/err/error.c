// stderr: compare
// expect: status=4
/* glibc's error and error_at_line: program_invocation_name, the errnum text, stdout flushed
 * first, error_message_count, error_one_per_line, error_print_progname; a nonzero status
 * exits. */
#include <errno.h>
#include <error.h>
#include <stdio.h>
#include "test.h"

static void my_name(void)
{
    fputs("[custom] ", stderr);
}

int main(void)
{
    program_invocation_name = "/some/dir/prog";
    program_invocation_short_name = "prog";

    fputs("stdout first\n", stdout);
    error(0, 0, "plain %d", 1);
    error(0, ENOENT, "with errno %s", "text");
    T_EQ(error_message_count, 2);
    error_at_line(0, EACCES, "file.c", 12, "at line %d", 12);
    error_at_line(0, 0, "file.c", 12, "again");
    error_one_per_line = 1;
    error_at_line(0, 0, "file.c", 13, "first at 13");
    error_at_line(0, 0, "file.c", 13, "suppressed");
    error_at_line(0, 0, "other.c", 13, "other file");
    T_EQ(error_message_count, 6);
    error_one_per_line = 0;
    error_print_progname = my_name;
    error(0, 0, "named by the program");
    error_at_line(0, 0, "f.c", 1, "also");
    error_print_progname = NULL;
    fputs("before exit\n", stdout);
    error(4, EBADF, "fatal");
    return 99;
}
