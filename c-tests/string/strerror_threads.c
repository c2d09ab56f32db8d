// cflags: -fno-builtin
/* strerror and strsignal of numbers without a fixed text write per-thread buffers (as
 * glibc's do): a text one thread got survives the other thread's calls, and within one
 * thread a strsignal call does not overwrite the strerror text. */
#include <pthread.h>
#include <string.h>
#include "test.h"

static pthread_barrier_t step;
static const char *texts[2][2];

static void *run(void *arg)
{
    long me = (long)arg;
    /* Taking turns: thread 0 calls first, then thread 1, then both check. */
    for (int turn = 0; turn < 2; turn++) {
        if (turn == me) {
            texts[me][0] = strerror(me ? 2222 : 1111);
            texts[me][1] = strsignal(me ? 98 : 99);
        }
        pthread_barrier_wait(&step);
    }
    T_CHECK(strcmp(texts[me][0], me ? "Unknown error 2222" : "Unknown error 1111") == 0);
    T_CHECK(strcmp(texts[me][1], me ? "Unknown signal 98" : "Unknown signal 99") == 0);
    /* A later call in the same thread reuses its own buffer. */
    T_CHECK(strcmp(strerror(me ? 3333 : 4444), me ? "Unknown error 3333" : "Unknown error 4444") == 0);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    /* The main thread has buffers of its own as well. */
    const char *mine = strerror(5555);
    T_RET(pthread_barrier_init(&step, NULL, 2), 0);
    for (long i = 0; i < 2; i++)
        T_RET(pthread_create(&t[i], NULL, run, (void *)i), 0);
    for (int i = 0; i < 2; i++)
        T_RET(pthread_join(t[i], NULL), 0);
    T_CHECK(texts[0][0] != texts[1][0] && texts[0][1] != texts[1][1]);
    T_CHECK(strcmp(mine, "Unknown error 5555") == 0);
    T_RET(pthread_barrier_destroy(&step), 0);
    t_print("done\n");
    return t_status();
}
