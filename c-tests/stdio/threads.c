/* Streams shared by threads: every call is atomic (whole lines from fputs/fprintf/fwrite
 * never interleave), flockfile groups calls, and ftrylockfile fails while another thread
 * holds the lock. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

#define THREADS 4
#define LINES 2000

static FILE *shared;

static void *writer(void *arg)
{
    long id = (long)arg;
    char line[64];
    memset(line, 'a' + (int)id, 40);
    line[40] = '\n';
    for (int i = 0; i < LINES; i++) {
        switch (i % 3) {
        case 0:
            fwrite(line, 1, 41, shared);
            break;
        case 1:
            fprintf(shared, "%.*s\n", 40, line);
            break;
        default:
            flockfile(shared);
            fwrite(line, 1, 20, shared);
            for (int k = 20; k < 40; k++)
                putc_unlocked(line[k], shared);
            putc_unlocked('\n', shared);
            funlockfile(shared);
        }
    }
    return NULL;
}

static void *try_lock(void *arg)
{
    (void)arg;
    int r = ftrylockfile(shared);
    if (r == 0)
        funlockfile(shared);
    return (void *)(long)r;
}

int main(void)
{
    shared = tmpfile();
    T_CHECK(shared != NULL);
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++)
        T_EQ(pthread_create(&t[i], NULL, writer, (void *)i), 0);
    for (int i = 0; i < THREADS; i++)
        T_EQ(pthread_join(t[i], NULL), 0);

    /* Every line is one thread's, whole. */
    rewind(shared);
    char line[128];
    long lines = 0, bad = 0;
    while (fgets(line, sizeof line, shared)) {
        lines++;
        if (strlen(line) != 41 || line[40] != '\n')
            bad++;
        for (int k = 1; k < 40; k++)
            if (line[k] != line[0])
                bad++;
    }
    T_EQ(lines, THREADS * LINES);
    T_EQ(bad, 0);

    /* Held here, refused there. */
    flockfile(shared);
    pthread_t other;
    void *result;
    T_EQ(pthread_create(&other, NULL, try_lock, NULL), 0);
    T_EQ(pthread_join(other, &result), 0);
    T_CHECK(result != NULL);
    funlockfile(shared);
    T_EQ(pthread_create(&other, NULL, try_lock, NULL), 0);
    T_EQ(pthread_join(other, &result), 0);
    T_CHECK(result == NULL);
    T_EQ(fclose(shared), 0);
    t_print("done\n");
    return t_status();
}
