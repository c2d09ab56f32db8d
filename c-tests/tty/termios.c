/* tcgetattr, tcsetattr (each action), cfmakeraw, the speed functions: on a pty pair, and
 * the error codes on a pipe, a regular file, a closed descriptor and bad arguments. */
#include "tty_test.h"

static void get_fills_glibc_layout(int s)
{
    struct termios t;
    memset(&t, 0xff, sizeof t);
    T_EQ(tcgetattr(s, &t), 0);
    /* The control characters the kernel does not keep are 0, both speeds are c_cflag's. */
    for (int i = 19; i < NCCS; i++)
        T_EQ(t.c_cc[i], 0);
    T_EQ(t.c_ispeed, t.c_cflag & (CBAUD | CBAUDEX));
    T_EQ(t.c_ospeed, t.c_cflag & (CBAUD | CBAUDEX));
    /* A fresh pty is a canonical, echoing terminal. */
    T_CHECK(t.c_lflag & ICANON);
    T_CHECK(t.c_lflag & ECHO);
    T_EQ(t.c_cc[VINTR], 3);
}

static void set_each_action(int m, int s)
{
    struct termios t, back;
    T_EQ(tcgetattr(s, &t), 0);
    t.c_lflag &= ~ECHO;
    T_EQ(tcsetattr(s, TCSANOW, &t), 0);
    T_EQ(tcgetattr(s, &back), 0);
    T_EQ(back.c_lflag & ECHO, 0);
    T_CHECK(back.c_lflag & ICANON);

    cfmakeraw(&t);
    T_EQ(tcsetattr(s, TCSADRAIN, &t), 0);
    T_EQ(tcgetattr(s, &back), 0);
    T_EQ(back.c_lflag & (ICANON | ECHO | ISIG | IEXTEN), 0);
    T_EQ(back.c_iflag & (ICRNL | IXON), 0);
    T_EQ(back.c_oflag & OPOST, 0);
    T_EQ(back.c_cflag & (CSIZE | PARENB), CS8);
    T_EQ(back.c_cc[VMIN], 1);
    T_EQ(back.c_cc[VTIME], 0);

    /* TCSAFLUSH discards input that has arrived and not been read. */
    tt_write(m, "pending");
    T_CHECK(tt_readable(s, 2000));
    t.c_cc[VMIN] = 2;
    T_EQ(tcsetattr(s, TCSAFLUSH, &t), 0);
    T_EQ(tt_readable(s, 0), 0);
    T_EQ(tcgetattr(s, &back), 0);
    T_EQ(back.c_cc[VMIN], 2);
}

static void speeds(int s)
{
    struct termios t;
    T_EQ(tcgetattr(s, &t), 0);
    T_EQ(cfsetospeed(&t, B9600), 0);
    T_EQ(cfgetospeed(&t), B9600);
    T_EQ(cfsetispeed(&t, B9600), 0);
    T_EQ(cfgetispeed(&t), B9600);
    T_EQ(t.c_ospeed, B9600);
    T_EQ(tcsetattr(s, TCSANOW, &t), 0);
    struct termios back;
    T_EQ(tcgetattr(s, &back), 0);
    T_EQ(cfgetospeed(&back), B9600);
    T_EQ(cfgetispeed(&back), B9600);

    /* The high speeds (CBAUDEX). */
    T_EQ(cfsetospeed(&t, B115200), 0);
    T_EQ(cfsetispeed(&t, B115200), 0);
    T_EQ(tcsetattr(s, TCSANOW, &t), 0);
    T_EQ(tcgetattr(s, &back), 0);
    T_EQ(cfgetospeed(&back), B115200);
    T_EQ(back.c_ispeed, B115200);

    /* Input speed 0 means "as the output speed": kept in the structure, not in the kernel. */
    T_EQ(cfsetospeed(&t, B38400), 0);
    T_EQ(cfsetispeed(&t, B0), 0);
    T_EQ(cfgetispeed(&t), B0);
    T_EQ(cfgetospeed(&t), B38400);
    T_EQ(tcsetattr(s, TCSANOW, &t), 0);
    T_EQ(tcgetattr(s, &back), 0);
    T_EQ(cfgetispeed(&back), B38400);
    T_EQ(back.c_iflag, t.c_iflag & 07777777);
    T_EQ(cfsetispeed(&t, B4800), 0);
    T_EQ(cfgetispeed(&t), B4800);
    T_EQ(cfgetospeed(&t), B4800);

    /* cfsetspeed takes a code or a rate in bits per second. */
    T_EQ(cfsetspeed(&t, B1200), 0);
    T_EQ(cfgetispeed(&t), B1200);
    T_EQ(cfgetospeed(&t), B1200);
    T_EQ(cfsetspeed(&t, 19200), 0);
    T_EQ(cfgetospeed(&t), B19200);
    T_EQ(cfgetispeed(&t), B19200);
    T_EQ(cfsetspeed(&t, 4000000), 0);
    T_EQ(cfgetospeed(&t), B4000000);
    T_EQ(cfsetspeed(&t, 0), 0);
    T_EQ(cfgetospeed(&t), B0);

    /* Not a speed code: EINVAL, the structure unchanged. */
    T_EQ(cfsetspeed(&t, B2400), 0);
    T_ERRNO(cfsetospeed(&t, 9600), EINVAL);
    T_ERRNO(cfsetispeed(&t, 9600), EINVAL);
    T_ERRNO(cfsetospeed(&t, B4000000 + 1), EINVAL);
    T_ERRNO(cfsetispeed(&t, 1u << 20), EINVAL);
    T_ERRNO(cfsetspeed(&t, 12345), EINVAL);
    T_ERRNO(cfsetspeed(&t, 7200), EINVAL);
    T_EQ(cfgetospeed(&t), B2400);
    T_EQ(cfgetispeed(&t), B2400);
}

static void errors(int s)
{
    int pipe_end, file, closed;
    tt_others(&pipe_end, &file, &closed);
    struct termios t;
    T_EQ(tcgetattr(s, &t), 0);
    T_ERRNO(tcgetattr(pipe_end, &t), ENOTTY);
    T_ERRNO(tcgetattr(file, &t), ENOTTY);
    T_ERRNO(tcgetattr(closed, &t), EBADF);
    T_ERRNO(tcgetattr(-1, &t), EBADF);
    T_ERRNO(tcsetattr(pipe_end, TCSANOW, &t), ENOTTY);
    T_ERRNO(tcsetattr(file, TCSAFLUSH, &t), ENOTTY);
    T_ERRNO(tcsetattr(closed, TCSADRAIN, &t), EBADF);
    /* A bad action is refused before the descriptor is looked at. */
    T_ERRNO(tcsetattr(s, 3, &t), EINVAL);
    T_ERRNO(tcsetattr(s, -1, &t), EINVAL);
    T_ERRNO(tcsetattr(closed, 3, &t), EINVAL);
    close(pipe_end);
    close(file);
}

int main(void)
{
    int m, s;
    tt_pair(&m, &s);
    get_fills_glibc_layout(s);
    set_each_action(m, s);
    speeds(s);
    errors(s);
    /* The master is a terminal too, sharing the slave's settings. */
    struct termios t;
    T_EQ(tcgetattr(m, &t), 0);
    T_EQ(close(s), 0);
    T_EQ(close(m), 0);
    return t_status();
}
