/* Symbols that glibc's headers make a program call without naming them: each check below
 * uses the macro or redirected name, and the comment says which of our exports it reaches.
 * `nm -u` of this object lists them. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <sys/single_threaded.h>
#include "test.h"

static void *child(void *arg) { return arg; }

static int cleaned;
static void cleanup(void *arg) { cleaned += *(int *)arg; }

int main(void)
{
    /* __libc_single_threaded: 1 until a second thread is created. */
    T_EQ(__libc_single_threaded, 1);
    pthread_t t;
    T_RET(pthread_create(&t, NULL, child, NULL), 0);
    T_RET(pthread_join(t, NULL), 0);
    T_EQ(__libc_single_threaded, 0);

    /* CPU_ALLOC, CPU_COUNT_S, CPU_FREE: __sched_cpualloc, __sched_cpucount, __sched_cpufree. */
    cpu_set_t *set = CPU_ALLOC(200);
    T_CHECK(set != NULL);
    size_t size = CPU_ALLOC_SIZE(200);
    CPU_ZERO_S(size, set);
    CPU_SET_S(3, size, set);
    CPU_SET_S(150, size, set);
    T_EQ(CPU_COUNT_S(size, set), 2);
    CPU_FREE(set);

    /* sscanf in C99 mode is redirected to __isoc99_sscanf. */
    int a = 0, b = 0;
    T_EQ(sscanf("12 34", "%d %d", &a, &b), 2);
    T_EQ(a + b, 46);
    T_EQ(sscanf("", "%d", &a), EOF);

    /* assert that holds: __assert_fail is referenced but not called. */
    assert(a == 12);

    /* pthread_cleanup_push_defer_np / pop_restore_np: __pthread_register_cancel_defer and
     * __pthread_unregister_cancel_restore; a nonzero pop runs the handler. */
    int one = 1;
    pthread_cleanup_push_defer_np(cleanup, &one);
    pthread_cleanup_pop_restore_np(1);
    /* pthread_cleanup_push / pop: __pthread_register_cancel, __pthread_unregister_cancel. */
    pthread_cleanup_push(cleanup, &one);
    pthread_cleanup_pop(0);
    T_EQ(cleaned, 1);
    return t_status();
}
