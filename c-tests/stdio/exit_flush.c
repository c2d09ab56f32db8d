// stderr: compare
/* Output still buffered at exit is flushed after the atexit handlers (which may write too),
 * for stdout and for files never closed; stderr is unbuffered and comes first. */
#include <stdio.h>
#include <stdlib.h>
#include "test.h"

static FILE *log_file;

static void handler(void)
{
    fputs("from the handler\n", stdout);
    fputs("handler line\n", log_file);
}

int main(void)
{
    log_file = fopen("exit-flush.tmp", "w");
    if (!log_file || atexit(handler) != 0)
        return 1;
    fputs("buffered ", stdout);
    fputs("to stderr\n", stderr);
    putchar('o');
    putchar_unlocked('k');
    putchar('\n');
    fputs("main line\n", log_file);
    exit(0);
}
