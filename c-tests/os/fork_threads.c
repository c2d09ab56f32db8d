/* fork while another thread allocates: the allocator's and the thread runtime's fork hooks
 * leave the child able to allocate and to create a thread of its own. Bounded: 40 forks. */
#include <pthread.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "os_test.h"

static volatile int stop;

static void *churn(void *arg)
{
    (void)arg;
    unsigned n = 1;
    while (!stop) {
        n = n * 1103515245u + 12345u;
        void *p = malloc(16 + n % 4000);
        void *q = malloc(100000 + n % 50000);
        free(p);
        free(q);
    }
    return NULL;
}

static void *child_thread(void *arg)
{
    return malloc((size_t)arg);
}

int main(void)
{
    pthread_t t;
    T_EQ(pthread_create(&t, NULL, churn, NULL), 0);
    int bad = 0;
    for (int i = 0; i < 40; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            void *p = malloc(1000);
            void *big = malloc(1 << 20);
            free(p);
            free(big);
            pthread_t c;
            void *r = NULL;
            if (pthread_create(&c, NULL, child_thread, (void *)64) != 0 || pthread_join(c, &r) != 0 || r == NULL)
                _exit(2);
            free(r);
            _exit(0);
        }
        int status = -1;
        if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0)
            bad++;
    }
    T_EQ(bad, 0);
    stop = 1;
    T_EQ(pthread_join(t, NULL), 0);
    return t_status();
}
