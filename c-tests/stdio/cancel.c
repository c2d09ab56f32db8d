/* Stream reads and writes are cancellation points, as glibc's are (its streams read and
 * write with the cancellable read and write): a thread blocked in fgets, fgetc, fread or
 * fscanf on an empty pipe, or in fputc, fputs or fprintf on a full one, is cancelled there,
 * runs its cleanup handler and key destructor, and leaves the stream unlocked and usable.
 * A stream fopen'd with mode "c" (glibc's extension) is no cancellation point: its reader
 * stays blocked through the request, gets the line when it comes, and is cancelled at its
 * next point instead. */
#include <stdio.h>
#include "../os/cancel_test.h"

static int p[2];
static FILE *in, *out;
static char line[64];

/* Empties the pipe's read end without blocking. */
static void drain(void)
{
    static char chunk[4096];
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    while (read(p[0], chunk, sizeof chunk) > 0)
        ;
    fcntl(p[0], F_SETFL, 0);
}

static void reader_open(void)
{
    T_RET(pipe(p), 0);
    in = fdopen(p[0], "r");
    T_CHECK(in != NULL);
}

/* The cancelled call's lock is free, and the stream reads what comes next. */
static void reader_close(void)
{
    T_RET(ftrylockfile(in), 0);
    funlockfile(in);
    T_EQ(write(p[1], "ok\n", 3), 3);
    T_CHECK(fgets(line, sizeof line, in) != NULL);
    T_CHECK(os_streq(line, "ok\n"));
    T_RET(fclose(in), 0);
    close(p[1]);
}

/* An unbuffered writer on a full pipe: its next byte blocks in write. */
static void writer_open(void)
{
    static char chunk[4096];
    T_RET(pipe(p), 0);
    out = fdopen(p[1], "w");
    T_CHECK(out != NULL);
    T_RET(setvbuf(out, NULL, _IONBF, 0), 0);
    fcntl(p[1], F_SETFL, O_NONBLOCK);
    while (write(p[1], chunk, sizeof chunk) > 0)
        ;
    while (write(p[1], chunk, 1) > 0)
        ;
    fcntl(p[1], F_SETFL, 0);
}

/* The cancelled call's lock is free, and once there is room the stream writes again. */
static void writer_close(void)
{
    T_RET(ftrylockfile(out), 0);
    funlockfile(out);
    drain();
    clearerr(out);
    T_CHECK(fputs("ok\n", out) >= 0);
    /* glibc may still hold bytes of the cancelled call and write them first. */
    ssize_t n = read(p[0], line, sizeof line);
    T_CHECK(n >= 3 && memcmp(line + n - 3, "ok\n", 3) == 0);
    T_RET(fclose(out), 0);
    close(p[0]);
}

static void do_fgets(void) { fgets(line, sizeof line, in); }
static void do_fgetc(void) { fgetc(in); }
static void do_fread(void) { fread(line, 1, sizeof line, in); }
static void do_fscanf(void) { int x; if (fscanf(in, "%d", &x) == 1) line[0] = (char)x; }
static void do_fputc(void) { fputc('x', out); }
static void do_fputs(void) { fputs("xyz\n", out); }
static void do_fprintf(void) { fprintf(out, "%d\n", 42); }

static const struct cancel_case points[] = {
    { "fgets", reader_open, do_fgets, reader_close },
    { "fgetc", reader_open, do_fgetc, reader_close },
    { "fread", reader_open, do_fread, reader_close },
    { "fscanf", reader_open, do_fscanf, reader_close },
    { "fputc", writer_open, do_fputc, writer_close },
    { "fputs", writer_open, do_fputs, writer_close },
    { "fprintf", writer_open, do_fprintf, writer_close },
};

static int got_line;

static void *nocancel_reader(void *arg)
{
    char buf[16];
    __atomic_store_n(&ct_tid, gettid(), __ATOMIC_RELEASE);
    if (fgets(buf, sizeof buf, arg) && os_streq(buf, "data\n"))
        __atomic_store_n(&got_line, 1, __ATOMIC_SEQ_CST);
    pthread_testcancel();
    return NULL;
}

/* Mode "c": the request waits for the read to finish. */
static void nocancel_stream(void)
{
    char path[64] = "/proc/self/fd/";
    T_RET(pipe(p), 0);
    os_append_number(path, (unsigned)p[0]);
    FILE *f = fopen(path, "rc");
    T_CHECK(f != NULL);
    __atomic_store_n(&ct_tid, 0, __ATOMIC_RELEASE);
    pthread_t t;
    T_RET(pthread_create(&t, NULL, nocancel_reader, f), 0);
    int tid;
    while ((tid = __atomic_load_n(&ct_tid, __ATOMIC_ACQUIRE)) == 0)
        sched_yield();
    ct_wait_sleeping(tid);
    T_RET(pthread_cancel(t), 0);
    ct_nap(50000000);
    T_EQ(write(p[1], "data\n", 5), 5);
    void *res = NULL;
    T_RET(pthread_join(t, &res), 0);
    T_CHECK(res == PTHREAD_CANCELED);
    T_EQ(__atomic_load_n(&got_line, __ATOMIC_SEQ_CST), 1);
    T_RET(fclose(f), 0);
    close(p[0]);
    close(p[1]);
    t_print("mode c: read, then cancelled\n");
}

int main(void)
{
    ct_init();
    cancel_cases(points, sizeof points / sizeof points[0]);
    nocancel_stream();
    return t_status();
}
