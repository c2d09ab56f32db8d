/* pthread_create's errors: EAGAIN when the stack cannot be had, EINVAL for a guard size that
 * overflows; a huge guard alone costs nothing and works. */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include "test.h"

static void *nothing(void *arg)
{
    return arg;
}

int main(void)
{
    pthread_attr_t a;
    pthread_t t;
    T_RET(pthread_attr_init(&a), 0);
    T_RET(pthread_attr_setstacksize(&a, (size_t)1 << 46), 0);
    T_RET(pthread_create(&t, &a, nothing, NULL), EAGAIN);
    T_RET(pthread_attr_setstacksize(&a, SIZE_MAX - 4096), 0);
    T_RET(pthread_create(&t, &a, nothing, NULL), EAGAIN);
    T_RET(pthread_attr_destroy(&a), 0);

    T_RET(pthread_attr_init(&a), 0);
    T_RET(pthread_attr_setguardsize(&a, SIZE_MAX - 4096), 0);
    T_RET(pthread_create(&t, &a, nothing, NULL), EINVAL);
    T_RET(pthread_attr_setguardsize(&a, (size_t)1 << 40), 0);
    T_RET(pthread_create(&t, &a, nothing, NULL), 0);
    T_RET(pthread_join(t, NULL), 0);
    /* No guard at all. */
    T_RET(pthread_attr_setguardsize(&a, 0), 0);
    T_RET(pthread_create(&t, &a, nothing, NULL), 0);
    T_RET(pthread_join(t, NULL), 0);
    T_RET(pthread_attr_destroy(&a), 0);

    /* Creation still works after the failures. */
    void *r;
    T_RET(pthread_create(&t, NULL, nothing, (void *)3), 0);
    T_RET(pthread_join(t, &r), 0);
    T_EQ((intptr_t)r, 3);
    return t_status();
}
