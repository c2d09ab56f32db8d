/* Robust mutexes: attributes, EOWNERDEAD when the owner thread or process ends holding the
 * mutex (also for a waiter already asleep), pthread_mutex_consistent, ENOTRECOVERABLE; all of
 * it without a priority protocol and again with PTHREAD_PRIO_INHERIT (FUTEX_LOCK_PI). */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

static int protocol = PTHREAD_PRIO_NONE;

static void init_robust(pthread_mutex_t *m, int type, int pshared)
{
    pthread_mutexattr_t a;
    T_RET(pthread_mutexattr_init(&a), 0);
    T_RET(pthread_mutexattr_setprotocol(&a, protocol), 0);
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

static sem_t die;

/* Takes the mutex, then ends holding it once told to. */
static void *die_when_told(void *arg)
{
    (void)arg;
    T_RET(pthread_mutex_lock(&m), 0);
    sem_post(&locked);
    while (sem_wait(&die) != 0)
        ;
    return NULL;
}

static void *wait_for_dead(void *arg)
{
    (void)arg;
    T_RET(pthread_mutex_lock(&m), EOWNERDEAD);
    T_RET(pthread_mutex_consistent(&m), 0);
    T_RET(pthread_mutex_unlock(&m), 0);
    return NULL;
}

/* A waiter asleep in the kernel (it has set FUTEX_WAITERS, bit 31 of the lock word, in
 * glibc and here) when the owner ends gets the mutex with EOWNERDEAD. */
static void sleeping_waiter(void)
{
    pthread_t owner, waiter;
    init_robust(&m, PTHREAD_MUTEX_NORMAL, PTHREAD_PROCESS_PRIVATE);
    sem_init(&locked, 0, 0);
    sem_init(&die, 0, 0);
    T_RET(pthread_create(&owner, NULL, die_when_told, NULL), 0);
    while (sem_wait(&locked) != 0)
        ;
    T_RET(pthread_create(&waiter, NULL, wait_for_dead, NULL), 0);
    while (!(__atomic_load_n((unsigned *)(void *)&m, __ATOMIC_ACQUIRE) & 0x80000000u))
        sched_yield();
    sem_post(&die);
    T_RET(pthread_join(owner, NULL), 0);
    T_RET(pthread_join(waiter, NULL), 0);
    T_RET(pthread_mutex_lock(&m), 0);
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

/* Robust and priority-protected: not supported (glibc neither). */
static void robust_protect(void)
{
    pthread_mutexattr_t a;
    T_RET(pthread_mutexattr_init(&a), 0);
    T_RET(pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_PROTECT), 0);
    T_RET(pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST), 0);
    T_RET(pthread_mutex_init(&m, &a), ENOTSUP);
    T_RET(pthread_mutexattr_destroy(&a), 0);
}

int main(void)
{
    attributes();
    robust_protect();
    for (int i = 0; i < 2; i++) {
        protocol = i ? PTHREAD_PRIO_INHERIT : PTHREAD_PRIO_NONE;
        kinds();
        owner_thread_dies();
        sleeping_waiter();
        owner_process_dies();
        t_print_kv("robust mutexes checked with protocol ", protocol);
    }
    return t_status();
}
