/* sem_open, sem_close, sem_unlink: creation, O_EXCL, the same address for the same name,
 * values shared with a forked child, and the error codes. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

int main(void)
{
    const char *name = "/rustcrt-sync-test-sem";
    sem_unlink(name);

    /* Opening a missing one without O_CREAT. */
    T_CHECK(sem_open(name, 0) == SEM_FAILED);
    T_EQ(errno, ENOENT);

    sem_t *a = sem_open(name, O_CREAT | O_EXCL, 0600, 2);
    T_CHECK(a != SEM_FAILED);
    errno = 0;
    T_CHECK(sem_open(name, O_CREAT | O_EXCL, 0600, 0) == SEM_FAILED);
    T_EQ(errno, EEXIST);
    /* The same semaphore: the same address, and O_CREAT without O_EXCL ignores the value. */
    sem_t *b = sem_open(name, O_CREAT, 0600, 7);
    T_CHECK(b == a);
    sem_t *c = sem_open(name, 0);
    T_CHECK(c == a);
    int v = -1;
    T_EQ(sem_getvalue(a, &v), 0);
    T_EQ(v, 2);
    T_EQ(sem_wait(b), 0);
    T_EQ(sem_trywait(c), 0);
    T_ERRNO(sem_trywait(a), EAGAIN);
    T_EQ(sem_close(c), 0);
    T_EQ(sem_close(b), 0);

    /* A forked child posts through its own mapping. */
    pid_t child = fork();
    if (child == 0) {
        sem_t *mine = sem_open(name, 0);
        _exit(mine != SEM_FAILED && sem_post(mine) == 0 && sem_post(mine) == 0 ? 0 : 1);
    }
    int status = -1;
    T_EQ(waitpid(child, &status, 0), child);
    T_EQ(status, 0);
    T_EQ(sem_wait(a), 0);
    T_EQ(sem_getvalue(a, &v), 0);
    T_EQ(v, 1);

    T_EQ(sem_unlink(name), 0);
    T_ERRNO(sem_unlink(name), ENOENT);
    /* Still usable after the unlink, until closed. */
    T_EQ(sem_post(a), 0);
    T_EQ(sem_close(a), 0);

    /* A new semaphore under the name after the unlink. */
    a = sem_open(name, O_CREAT, 0600, 0);
    T_CHECK(a != SEM_FAILED);
    T_EQ(sem_getvalue(a, &v), 0);
    T_EQ(v, 0);
    T_EQ(sem_close(a), 0);
    T_EQ(sem_unlink(name), 0);

    /* Bad names and values. */
    errno = 0;
    T_CHECK(sem_open("/a/b", O_CREAT, 0600, 1) == SEM_FAILED);
    T_EQ(errno, EINVAL);
    errno = 0;
    T_CHECK(sem_open("", O_CREAT, 0600, 1) == SEM_FAILED);
    T_EQ(errno, EINVAL);
    errno = 0;
    T_CHECK(sem_open(name, O_CREAT, 0600, (unsigned)SEM_VALUE_MAX + 1) == SEM_FAILED);
    T_EQ(errno, EINVAL);
    T_ERRNO(sem_unlink("/a/b"), ENOENT);
    T_ERRNO(sem_unlink(""), ENOENT);
    return t_status();
}
