/* Helpers for the stdio tests, using no more of libc than stdio and memcmp/strlen. */
#ifndef STDIO_TEST_H
#define STDIO_TEST_H

#include <stdio.h>
#include <string.h>

/* Whether two strings are equal. */
static inline int streq(const char *a, const char *b)
{
    size_t n = strlen(a);
    return n == strlen(b) && memcmp(a, b, n) == 0;
}

/* The size of the file at `name` as a new stream sees it (what has reached the file), or -1. */
static inline long file_size(const char *name)
{
    FILE *f = fopen(name, "r");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    return n;
}

#endif
