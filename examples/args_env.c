/* args_env: what main receives, and the environment. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void say(const char *a, const char *b)
{
    write(1, a, strlen(a));
    write(1, b, strlen(b));
    write(1, "\n", 1);
}

int main(int argc, char **argv)
{
    say("program_invocation_short_name = ", program_invocation_short_name);
    for (int i = 1; i < argc; i++)
        say("argument: ", argv[i]);
    const char *greeting = getenv("GREETING");
    say("GREETING = ", greeting ? greeting : "(not set)");
    return 0;
}
