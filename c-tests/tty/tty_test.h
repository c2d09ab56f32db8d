/* tty_test.h: pseudo-terminal helpers for the tty tests (which run with no controlling
 * terminal, so every terminal they test is a pty they open). */
#ifndef RUSTCRT_TTY_TEST_H
#define RUSTCRT_TTY_TEST_H

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "test.h"

/* A master and its slave, opened the POSIX way: posix_openpt, grantpt, unlockpt, ptsname. */
static inline void tt_pair(int *master, int *slave)
{
    *master = posix_openpt(O_RDWR | O_NOCTTY);
    T_CHECK(*master >= 0);
    T_EQ(grantpt(*master), 0);
    T_EQ(unlockpt(*master), 0);
    const char *name = ptsname(*master);
    T_CHECK(name != NULL);
    *slave = name ? open(name, O_RDWR | O_NOCTTY) : -1;
    T_CHECK(*slave >= 0);
}

/* Whether fd has input within `ms` milliseconds. */
static inline int tt_readable(int fd, int ms)
{
    struct pollfd p = { fd, POLLIN, 0 };
    return poll(&p, 1, ms) == 1 && (p.revents & POLLIN);
}

/* Reads exactly n bytes (several reads if the terminal hands them over in pieces); returns
 * how many came before an error or end of file. */
static inline size_t tt_read(int fd, char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    return got;
}

/* Writes s to fd and checks it all went. */
static inline void tt_write(int fd, const char *s)
{
    T_EQ(write(fd, s, strlen(s)), (long)strlen(s));
}

/* A pipe's read end, a regular file and a closed descriptor: not terminals. */
static inline void tt_others(int *pipe_end, int *file, int *closed)
{
    int p[2];
    T_EQ(pipe(p), 0);
    close(p[1]);
    *pipe_end = p[0];
    *file = open("/proc/self/exe", O_RDONLY);
    T_CHECK(*file >= 0);
    *closed = dup(0);
    T_CHECK(*closed >= 0);
    close(*closed);
}

#endif
