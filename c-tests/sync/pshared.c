/* Process-shared objects in a MAP_SHARED mapping, used by a parent and a forked child:
 * mutex (normal and priority-inheritance), condition variable, read-write lock, barrier and
 * semaphore, all on shared futexes. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

#define ROUNDS 20000

struct shared {
    pthread_mutex_t mutex;
    pthread_mutex_t pi_mutex;
    pthread_cond_t cond;
    pthread_rwlock_t rwlock;
    pthread_barrier_t barrier;
    sem_t sem_to_child, sem_to_parent;
    long counter, pi_counter, rw_a, rw_b;
    int turn;
    int failures;
};

static void work(struct shared *s, int me)
{
    pthread_barrier_wait(&s->barrier);
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&s->mutex);
        s->counter++;
        pthread_mutex_unlock(&s->mutex);
        pthread_mutex_lock(&s->pi_mutex);
        s->pi_counter++;
        pthread_mutex_unlock(&s->pi_mutex);
        if (i % 4 == 0) {
            pthread_rwlock_wrlock(&s->rwlock);
            s->rw_a++;
            s->rw_b++;
            pthread_rwlock_unlock(&s->rwlock);
        } else {
            pthread_rwlock_rdlock(&s->rwlock);
            if (s->rw_a != s->rw_b)
                __atomic_fetch_add(&s->failures, 1, __ATOMIC_RELAXED);
            pthread_rwlock_unlock(&s->rwlock);
        }
    }
    /* Condition-variable ping-pong: each side waits for its turn. */
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&s->mutex);
        while (s->turn != me)
            pthread_cond_wait(&s->cond, &s->mutex);
        s->turn = !me;
        pthread_cond_signal(&s->cond);
        pthread_mutex_unlock(&s->mutex);
    }
    /* Semaphore ping-pong. */
    for (int i = 0; i < 1000; i++) {
        if (me == 0) {
            sem_post(&s->sem_to_child);
            while (sem_wait(&s->sem_to_parent) != 0)
                ;
        } else {
            while (sem_wait(&s->sem_to_child) != 0)
                ;
            sem_post(&s->sem_to_parent);
        }
    }
    pthread_barrier_wait(&s->barrier);
}

int main(void)
{
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    T_CHECK(s != MAP_FAILED);

    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    T_RET(pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED), 0);
    T_RET(pthread_mutex_init(&s->mutex, &ma), 0);
    T_RET(pthread_mutexattr_setprotocol(&ma, PTHREAD_PRIO_INHERIT), 0);
    T_RET(pthread_mutex_init(&s->pi_mutex, &ma), 0);
    pthread_mutexattr_destroy(&ma);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    T_RET(pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED), 0);
    T_RET(pthread_cond_init(&s->cond, &ca), 0);
    pthread_condattr_destroy(&ca);
    pthread_rwlockattr_t ra;
    pthread_rwlockattr_init(&ra);
    T_RET(pthread_rwlockattr_setpshared(&ra, PTHREAD_PROCESS_SHARED), 0);
    T_RET(pthread_rwlock_init(&s->rwlock, &ra), 0);
    pthread_rwlockattr_destroy(&ra);
    pthread_barrierattr_t ba;
    pthread_barrierattr_init(&ba);
    T_RET(pthread_barrierattr_setpshared(&ba, PTHREAD_PROCESS_SHARED), 0);
    T_RET(pthread_barrier_init(&s->barrier, &ba, 2), 0);
    pthread_barrierattr_destroy(&ba);
    T_EQ(sem_init(&s->sem_to_child, 1, 0), 0);
    T_EQ(sem_init(&s->sem_to_parent, 1, 0), 0);

    pid_t child = fork();
    T_CHECK(child >= 0);
    if (child == 0) {
        work(s, 1);
        _exit(0);
    }
    work(s, 0);
    int status = -1;
    T_EQ(waitpid(child, &status, 0), child);
    T_EQ(status, 0);
    T_EQ(s->counter, 2 * ROUNDS);
    T_EQ(s->pi_counter, 2 * ROUNDS);
    T_EQ(s->rw_a, 2 * (ROUNDS / 4));
    T_EQ(s->failures, 0);
    T_RET(pthread_barrier_destroy(&s->barrier), 0);
    T_RET(pthread_cond_destroy(&s->cond), 0);
    T_RET(pthread_mutex_destroy(&s->mutex), 0);
    T_RET(pthread_mutex_destroy(&s->pi_mutex), 0);
    T_RET(pthread_rwlock_destroy(&s->rwlock), 0);
    T_EQ(munmap(s, sizeof *s), 0);
    return t_status();
}
