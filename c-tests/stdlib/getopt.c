// stderr: compare
/* getopt, getopt_long, getopt_long_only over many command lines: returned options,
 * optarg, optind, optopt, the permuted argv, and (compared with glibc's) the error messages
 * on standard error. optind = 0 restarts the parser for each line. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "test.h"

static char line[256];
static int flag_value;

static const struct option longs[] = {
    { "verbose", no_argument, NULL, 'v' },
    { "output", required_argument, NULL, 'o' },
    { "color", optional_argument, NULL, 'c' },
    { "flag", no_argument, &flag_value, 42 },
    { "version", no_argument, NULL, 'V' },
    { "verbatim", no_argument, NULL, 'b' },
    { "same1", no_argument, NULL, 's' },
    { "same2", no_argument, NULL, 's' },
    { NULL, 0, NULL, 0 },
};

enum kind { SHORT, LONG, LONG_ONLY };

static void run(enum kind kind, const char *optstring, int argc, const char *const *in)
{
    char *argv[16];
    static char storage[16][32];
    for (int i = 0; i < argc; i++) {
        strcpy(storage[i], in[i]);
        argv[i] = storage[i];
    }
    argv[argc] = NULL;
    optind = 0;
    flag_value = 0;
    t_print("--");
    for (int i = 0; i < argc; i++) {
        t_print(" ");
        t_print(argv[i]);
    }
    t_print(" [");
    t_print(optstring);
    t_print("]\n");
    for (int step = 0; step < 20; step++) {
        int index = -1;
        int c = kind == SHORT ? getopt(argc, argv, optstring)
              : kind == LONG  ? getopt_long(argc, argv, optstring, longs, &index)
                              : getopt_long_only(argc, argv, optstring, longs, &index);
        snprintf(line, sizeof line, "  c=%d optarg=%s optind=%d optopt=%d index=%d flag=%d\n", c, optarg ? optarg : "(null)",
                 optind, optopt, index, flag_value);
        t_print(line);
        if (c == -1)
            break;
    }
    t_print("  argv:");
    for (int i = 0; i < argc; i++) {
        t_print(" ");
        t_print(argv[i]);
    }
    t_print("\n");
}

#define RUN(kind, opts, ...) do { const char *const a[] = { __VA_ARGS__ }; run(kind, opts, sizeof a / sizeof *a, a); } while (0)

int main(void)
{
    RUN(SHORT, "ab:c::", "prog", "-a", "-b", "x", "-cfoo", "-c", "rest");
    RUN(SHORT, "ab:c::", "prog", "file1", "-a", "file2", "-bval", "file3", "--", "-a", "end");
    RUN(SHORT, "ab:", "prog", "-ab");
    RUN(SHORT, "ab:", "prog", "-x", "-a");
    RUN(SHORT, ":ab:", "prog", "-x", "-b");
    RUN(SHORT, "ab:", "prog", "-b");
    RUN(SHORT, "+ab", "prog", "-a", "file", "-b");
    RUN(SHORT, "-ab", "prog", "-a", "file", "-b", "other");
    RUN(SHORT, "ab", "prog", "-", "-a");
    RUN(SHORT, "ab", "prog", "-aab", "--", "x");
    RUN(SHORT, "a:", "prog", "-a", "--");
    RUN(SHORT, "ab", "prog");
    RUN(SHORT, "ab", "prog", "-:", "-;");
    RUN(LONG, "vo:", "prog", "--verbose", "--output=file", "--output", "f2", "--col", "--color=red", "x");
    RUN(LONG, "v", "prog", "--flag", "--verb", "--vers", "--ver", "--unknown=3", "--verbose=no");
    RUN(LONG, "v", "prog", "--output");
    RUN(LONG, ":v", "prog", "--output");
    RUN(LONG, "v", "prog", "--same", "--s");
    RUN(LONG, "W;v", "prog", "-W", "verbose", "-Woutput=x", "-W");
    RUN(LONG, "ab", "prog", "a1", "--verbose", "a2", "-ab", "--", "--verbose");
    RUN(LONG_ONLY, "ab:", "prog", "-verbose", "-output", "x", "-a", "-b", "y", "-ab", "-o", "z", "-vers");
    RUN(LONG_ONLY, "ab", "prog", "-x", "-verbatim", "-verb");
    opterr = 0;
    RUN(SHORT, "ab:", "prog", "-x", "-b");
    RUN(LONG, "v", "prog", "--nope", "--ver", "--output");
    opterr = 1;
    return t_status();
}
