/* fopencookie: a stream over the program's read/write/seek/close functions (here a small
 * in-memory file). Success: buffered writes reach write at fflush, fseek/ftell go through
 * seek, reads come from read, fclose calls close once. Errors: a bad mode is EINVAL; a read
 * or write function that fails sets the error indicator and its errno comes through; a
 * missing seek makes fseek fail; a missing write makes fflush fail; a failing close makes
 * fclose return EOF. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include "test.h"

struct mem {
    char data[256];
    size_t len, pos;
    int writes, closes, fail_errno;
};

static ssize_t mem_read(void *c, char *buf, size_t n)
{
    struct mem *m = c;
    if (m->fail_errno) {
        errno = m->fail_errno;
        return -1;
    }
    size_t left = m->len - m->pos;
    if (n > left)
        n = left;
    memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    return (ssize_t)n;
}

static ssize_t mem_write(void *c, const char *buf, size_t n)
{
    struct mem *m = c;
    m->writes++;
    if (m->fail_errno) {
        errno = m->fail_errno;
        return -1;
    }
    if (n > sizeof m->data - m->pos)
        n = sizeof m->data - m->pos;
    memcpy(m->data + m->pos, buf, n);
    m->pos += n;
    if (m->pos > m->len)
        m->len = m->pos;
    return (ssize_t)n;
}

static int mem_seek(void *c, off64_t *offset, int whence)
{
    struct mem *m = c;
    off64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (off64_t)m->pos : (off64_t)m->len;
    if (base + *offset < 0 || base + *offset > (off64_t)sizeof m->data) {
        errno = EINVAL;
        return -1;
    }
    m->pos = (size_t)(base + *offset);
    *offset = (off64_t)m->pos;
    return 0;
}

static int mem_close(void *c)
{
    struct mem *m = c;
    m->closes++;
    return m->fail_errno ? -1 : 0;
}

static const cookie_io_functions_t all = { mem_read, mem_write, mem_seek, mem_close };

int main(void)
{
    static struct mem m;
    FILE *f = fopencookie(&m, "w+", all);
    T_CHECK(f != NULL);
    T_EQ(fprintf(f, "hello %d\n", 42), 9);
    T_EQ(m.writes, 0); /* still in the stream's buffer */
    T_EQ(fflush(f), 0);
    T_EQ(m.len, 9);
    T_EQ(fputs("second line\n", f), 1);
    T_EQ(ftell(f), 21);
    T_EQ(fseek(f, 6, SEEK_SET), 0);
    T_EQ(m.len, 21);
    char line[64];
    T_CHECK(fgets(line, sizeof line, f) == line);
    t_print(line);
    T_CHECK(fgets(line, sizeof line, f) == line);
    t_print(line);
    T_CHECK(fgets(line, sizeof line, f) == NULL && feof(f));
    rewind(f);
    T_EQ(fgetc(f), 'h');
    T_EQ(fclose(f), 0);
    T_EQ(m.closes, 1);

    /* A bad mode. */
    errno = 0;
    T_CHECK(fopencookie(&m, "z", all) == NULL);
    T_EQ(errno, EINVAL);

    /* Read-only mode over the same data; a failing read reports its errno. */
    m.pos = 0;
    f = fopencookie(&m, "r", all);
    T_CHECK(f != NULL);
    T_EQ(fgetc(f), 'h');
    T_EQ(fclose(f), 0);
    m.pos = 0;
    m.fail_errno = EIO;
    f = fopencookie(&m, "r", all);
    errno = 0;
    T_EQ(fgetc(f), EOF);
    T_EQ(errno, EIO);
    T_CHECK(ferror(f) && !feof(f));
    /* A failing close: fclose reports EOF (the stream is gone all the same). */
    T_EQ(fclose(f), EOF);
    m.fail_errno = 0;

    /* A failing write: the error comes at the flush. */
    m.fail_errno = ENOSPC;
    f = fopencookie(&m, "w", all);
    T_EQ(fputs("lost", f), 1);
    errno = 0;
    T_EQ(fflush(f), EOF);
    T_EQ(errno, ENOSPC);
    T_CHECK(ferror(f));
    m.fail_errno = 0;
    fclose(f); /* what happens to the unwritten bytes is the stream's business */

    /* Missing functions: no seek, no write, no close. */
    cookie_io_functions_t read_only = { mem_read, NULL, NULL, NULL };
    memcpy(m.data, "hello", 5);
    m.len = 5;
    m.pos = 0;
    m.closes = 0;
    f = fopencookie(&m, "r+", read_only);
    T_CHECK(f != NULL);
    T_EQ(fgetc(f), 'h');
    T_EQ(fseek(f, 0, SEEK_SET), -1);
    T_EQ(fputs("x", f), 1);
    T_EQ(fflush(f), EOF);
    fclose(f);
    T_EQ(m.closes, 0);
    t_print("done\n");
    return t_status();
}
