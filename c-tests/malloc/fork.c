/* fork while another thread keeps allocating and freeing (small and large blocks, so the
 * allocator's locks are busy): every child can allocate, free and free blocks that the
 * parent's threads allocated, and exits cleanly. Bounded: 30 forks. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

static volatile int stop;
static unsigned char *volatile shared_small, *volatile shared_large;

static void *churn(void *arg)
{
    (void)arg;
    unsigned long n = 0;
    while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE)) {
        size_t size = (n % 7 == 0) ? (1u << 20) + n % 4096 : 16 + n % 3000;
        unsigned char *p = malloc(size);
        if (p) {
            p[0] = 1;
            p[size - 1] = 2;
            free(p);
        }
        n++;
    }
    return NULL;
}

static int child_work(void)
{
    int bad = 0;
    for (int i = 0; i < 200; i++) {
        size_t size = i % 10 == 0 ? (2u << 20) : (size_t)(1 + i * 31);
        unsigned char *p = malloc(size);
        if (!p)
            return 2;
        memset(p, i, size);
        for (size_t j = 0; j < size; j += 997)
            bad += p[j] != (unsigned char)i;
        unsigned char *q = realloc(p, size * 2);
        if (!q)
            return 3;
        bad += q[0] != (unsigned char)i;
        free(q);
    }
    /* Blocks the parent's main thread allocated before the fork. */
    bad += shared_small[0] != 0x5a || shared_large[12345] != 0xa5;
    free(shared_small);
    free(shared_large);
    void *z = calloc(1000, 8);
    if (!z)
        return 4;
    free(z);
    return bad ? 1 : 0;
}

int main(void)
{
    pthread_t t;
    T_RET(pthread_create(&t, NULL, churn, NULL), 0);
    for (int round = 0; round < 30; round++) {
        shared_small = malloc(48);
        shared_large = malloc(300000);
        shared_small[0] = 0x5a;
        shared_large[12345] = 0xa5;
        pid_t pid = fork();
        if (pid == 0)
            _exit(child_work());
        T_CHECK(pid > 0);
        int status = -1;
        T_EQ(waitpid(pid, &status, 0), pid);
        T_CHECK(WIFEXITED(status));
        T_EQ(WEXITSTATUS(status), 0);
        free(shared_small);
        free(shared_large);
    }
    __atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
    T_RET(pthread_join(t, NULL), 0);
    t_print("ok\n");
    return t_status();
}
