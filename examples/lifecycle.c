/* lifecycle: constructors, main, atexit handlers and destructors, in glibc's order. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void say(const char *s) { write(1, s, strlen(s)); }

__attribute__((constructor(101))) static void early(void) { say("1. constructor (priority 101)\n"); }
__attribute__((constructor)) static void later(void) { say("2. constructor (no priority)\n"); }
static void first_registered(void) { say("5. atexit handler registered first, runs last\n"); }
static void second_registered(void) { say("4. atexit handler registered second, runs first\n"); }
__attribute__((destructor)) static void dtor(void) { say("6. destructor\n"); }

int main(void)
{
    atexit(first_registered);
    atexit(second_registered);
    say("3. main returns 0\n");
    return 0;
}
