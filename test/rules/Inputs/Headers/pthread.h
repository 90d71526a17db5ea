/* Mock <pthread.h>: thread creation and joining, mutexes and condition
   variables. */
#ifndef BOUNDWISE_MOCK_PTHREAD_H
#define BOUNDWISE_MOCK_PTHREAD_H
#include <sys/types.h>

BOUNDWISE_EXTERN_C_BEGIN
typedef unsigned long pthread_t;
typedef struct pthread_attr_t pthread_attr_t;
int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                   void *(*start_routine)(void *), void *arg);
int pthread_join(pthread_t thread, void **retval);
int pthread_detach(pthread_t thread);

typedef struct { int opaque; } pthread_mutex_t;
typedef struct { int opaque; } pthread_cond_t;
int pthread_mutex_lock(pthread_mutex_t *mutex);
int pthread_mutex_unlock(pthread_mutex_t *mutex);
int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex);
int pthread_cond_signal(pthread_cond_t *cond);
BOUNDWISE_EXTERN_C_END

#endif
