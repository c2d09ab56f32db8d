/* Robust mutexes: attributes, EOWNERDEAD when the owner thread or process ends holding the
 * mutex (also for a waiter already asleep), pthread_mutex_consistent, ENOTRECOVERABLE. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

static void init_robust(pthread_mutex_t *m, int type, int pshared)
{
    pthread_mutexattr_t a;
    T_RET(pthread_mutexattr_init(&a), 0);
    T_RET(pthread_mutexattr_settype(&a, type), 0);
    T_RET(pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST), 0);
    T_RET(pthread_mutexattr_setpshared(&a, pshared), 0);
    T_RET(pthread_mutex_init(m, &a), 0);
    T_RET(pthread_mutexattr_destroy(&a), 0);
}

static pthread_mutex_t m;
static sem_t locked;

/* Takes the mutex and ends without unlocking it. */
static void *die_holding(void *arg)
{
    (void)arg;
    T_RET(pthread_mutex_lock(&m), 0);
    sem_post(&locked);
    return NULL;
}

static void attributes(void)
{
    pthread_mutexattr_t a;
    int v = -1;
    T_RET(pthread_mutexattr_init(&a), 0);
    T_RET(pthread_mutexattr_getrobust(&a, &v), 0);
    T_EQ(v, PTHREAD_MUTEX_STALLED);
    T_RET(pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST), 0);
    T_RET(pthread_mutexattr_getrobust(&a, &v), 0);
    T_EQ(v, PTHREAD_MUTEX_ROBUST);
    T_RET(pthread_mutexattr_setrobust(&a, 2), EINVAL);
    T_RET(pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_STALLED), 0);
    T_RET(pthread_mutexattr_getrobust(&a, &v), 0);
    T_EQ(v, PTHREAD_MUTEX_STALLED);
    T_RET(pthread_mutexattr_destroy(&a), 0);
}

static void kinds(void)
{
    init_robust(&m, PTHREAD_MUTEX_NORMAL, PTHREAD_PROCESS_PRIVATE);
    T_RET(pthread_mutex_consistent(&m), EINVAL);
    T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_trylock(&m), EBUSY);
    T_RET(pthread_mutex_consistent(&m), EINVAL);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_destroy(&m), 0);

    init_robust(&m, PTHREAD_MUTEX_ERRORCHECK, PTHREAD_PROCESS_PRIVATE);
    T_RET(pthread_mutex_unlock(&m), EPERM);
    T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_lock(&m), EDEADLK);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_destroy(&m), 0);

    init_robust(&m, PTHREAD_MUTEX_RECURSIVE, PTHREAD_PROCESS_PRIVATE);
    T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_trylock(&m), 0);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_unlock(&m), EPERM);
    T_RET(pthread_mutex_destroy(&m), 0);

    /* A mutex that is not robust has nothing to make consistent. */
    pthread_mutex_t plain = PTHREAD_MUTEX_INITIALIZER;
    T_RET(pthread_mutex_lock(&plain), 0);
    T_RET(pthread_mutex_consistent(&plain), EINVAL);
    T_RET(pthread_mutex_unlock(&plain), 0);
}

static void owner_thread_dies(void)
{
    pthread_t t;
    init_robust(&m, PTHREAD_MUTEX_NORMAL, PTHREAD_PROCESS_PRIVATE);
    T_RET(pthread_create(&t, NULL, die_holding, NULL), 0);
    T_RET(pthread_join(t, NULL), 0);
    T_RET(pthread_mutex_lock(&m), EOWNERDEAD);
    T_RET(pthread_mutex_consistent(&m), 0);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_unlock(&m), 0);

    /* Unlocked without being made consistent: not recoverable. */
    T_RET(pthread_create(&t, NULL, die_holding, NULL), 0);
    T_RET(pthread_join(t, NULL), 0);
    T_RET(pthread_mutex_trylock(&m), EOWNERDEAD);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_lock(&m), ENOTRECOVERABLE);
    T_RET(pthread_mutex_trylock(&m), ENOTRECOVERABLE);
    T_RET(pthread_mutex_destroy(&m), 0);

    /* A waiter already asleep is woken with EOWNERDEAD. */
    init_robust(&m, PTHREAD_MUTEX_RECURSIVE, PTHREAD_PROCESS_PRIVATE);
    sem_init(&locked, 0, 0);
    T_RET(pthread_create(&t, NULL, die_holding, NULL), 0);
    while (sem_wait(&locked) != 0)
        ;
    T_RET(pthread_mutex_lock(&m), EOWNERDEAD);
    T_RET(pthread_join(t, NULL), 0);
    T_RET(pthread_mutex_lock(&m), 0);
    T_RET(pthread_mutex_consistent(&m), 0);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_unlock(&m), 0);
    T_RET(pthread_mutex_destroy(&m), 0);
}

static void owner_process_dies(void)
{
    pthread_mutex_t *shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    T_CHECK(shared != MAP_FAILED);
    init_robust(shared, PTHREAD_MUTEX_NORMAL, PTHREAD_PROCESS_SHARED);
    pid_t child = fork();
    if (child == 0)
        _exit(pthread_mutex_lock(shared) == 0 ? 0 : 1);
    int status = -1;
    T_EQ(waitpid(child, &status, 0), child);
    T_EQ(status, 0);
    T_RET(pthread_mutex_lock(shared), EOWNERDEAD);
    T_RET(pthread_mutex_consistent(shared), 0);
    T_RET(pthread_mutex_unlock(shared), 0);
    T_RET(pthread_mutex_destroy(shared), 0);
    munmap(shared, sizeof *shared);
}

int main(void)
{
    attributes();
    kinds();
    owner_thread_dies();
    owner_process_dies();
    return t_status();
}
