/* Data through a pty in canonical and raw mode, and tcflush, tcdrain, tcflow, tcsendbreak,
 * tcgetsid: success on the pair, ENOTTY on a pipe and a regular file, EBADF when closed,
 * EINVAL for a bad selector or action. */
#include "tty_test.h"

static void canonical(int m, int s)
{
    char buf[32];
    struct termios t;
    T_EQ(tcgetattr(s, &t), 0);
    t.c_lflag &= ~ECHO;
    T_EQ(tcsetattr(s, TCSANOW, &t), 0);
    /* A line is handed over whole once it ends; ICRNL turns the typed CR into NL. */
    tt_write(m, "ab");
    tt_write(m, "c\r");
    T_EQ(read(s, buf, sizeof buf), 4);
    T_CHECK(memcmp(buf, "abc\n", 4) == 0);
    /* Erase (DEL) removes the previous character before the line is handed over. */
    tt_write(m, "xy\177z\n");
    T_EQ(read(s, buf, sizeof buf), 3);
    T_CHECK(memcmp(buf, "xz\n", 3) == 0);
    /* ONLCR: what the slave writes reaches the master with CR NL. */
    tt_write(s, "out\n");
    T_EQ(tt_read(m, buf, 5), 5);
    T_CHECK(memcmp(buf, "out\r\n", 5) == 0);
}

static void raw(int m, int s)
{
    char buf[32];
    struct termios t;
    T_EQ(tcgetattr(s, &t), 0);
    cfmakeraw(&t);
    T_EQ(tcsetattr(s, TCSANOW, &t), 0);
    /* No line editing, no CR translation: bytes as they were written, without a newline. */
    tt_write(m, "a\rb\177");
    T_EQ(tt_read(s, buf, 4), 4);
    T_CHECK(memcmp(buf, "a\rb\177", 4) == 0);
    tt_write(s, "raw\n");
    T_EQ(tt_read(m, buf, 4), 4);
    T_CHECK(memcmp(buf, "raw\n", 4) == 0);
}

static void flush(int m, int s)
{
    char buf[32];
    tt_write(m, "discard me");
    T_CHECK(tt_readable(s, 2000));
    T_EQ(tcflush(s, TCIFLUSH), 0);
    T_EQ(tt_readable(s, 0), 0);
    tt_write(m, "kept");
    T_EQ(tt_read(s, buf, 4), 4);
    T_CHECK(memcmp(buf, "kept", 4) == 0);
    T_EQ(tcflush(s, TCOFLUSH), 0);
    T_EQ(tcflush(s, TCIOFLUSH), 0);
    T_ERRNO(tcflush(s, 3), EINVAL);
    T_ERRNO(tcflush(s, -1), EINVAL);
}

static void control(int m, int s)
{
    char buf[8];
    T_EQ(tcdrain(s), 0);
    T_EQ(tcdrain(m), 0);
    /* Output suspended and restarted: what is written after TCOON comes through. */
    T_EQ(tcflow(s, TCOOFF), 0);
    T_EQ(tcflow(s, TCOON), 0);
    tt_write(s, "go");
    T_EQ(tt_read(m, buf, 2), 2);
    T_CHECK(memcmp(buf, "go", 2) == 0);
    T_ERRNO(tcflow(s, 4), EINVAL);
    T_ERRNO(tcflow(s, -1), EINVAL);
    /* A pty has no break to send: the call drains and succeeds. */
    T_EQ(tcsendbreak(s, 0), 0);
    T_EQ(tcsendbreak(s, 150), 0);
    T_EQ(tcsendbreak(s, -5), 0);
    /* No controlling terminal here: tcgetsid has no session to answer. */
    T_ERRNO(tcgetsid(s), ENOTTY);
    T_ERRNO(tcgetsid(m), ENOTTY);
}

static void errors(void)
{
    int pipe_end, file, closed;
    tt_others(&pipe_end, &file, &closed);
    int fds[2] = { pipe_end, file };
    for (int i = 0; i < 2; i++) {
        T_ERRNO(tcflush(fds[i], TCIFLUSH), ENOTTY);
        T_ERRNO(tcdrain(fds[i]), ENOTTY);
        T_ERRNO(tcflow(fds[i], TCOON), ENOTTY);
        T_ERRNO(tcsendbreak(fds[i], 0), ENOTTY);
        T_ERRNO(tcsendbreak(fds[i], 100), ENOTTY);
        T_ERRNO(tcgetsid(fds[i]), ENOTTY);
    }
    T_ERRNO(tcflush(closed, TCIFLUSH), EBADF);
    T_ERRNO(tcdrain(closed), EBADF);
    T_ERRNO(tcdrain(-1), EBADF);
    T_ERRNO(tcflow(closed, TCOON), EBADF);
    T_ERRNO(tcsendbreak(closed, 0), EBADF);
    T_ERRNO(tcgetsid(closed), EBADF);
    T_ERRNO(tcgetsid(-1), EBADF);
    close(pipe_end);
    close(file);
}

int main(void)
{
    int m, s;
    tt_pair(&m, &s);
    canonical(m, s);
    raw(m, s);
    flush(m, s);
    control(m, s);
    errors();
    close(s);
    close(m);
    t_print("done\n");
    return t_status();
}
