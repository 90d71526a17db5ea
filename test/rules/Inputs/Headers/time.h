/* Mock <time.h>. */
#ifndef BOUNDWISE_MOCK_TIME_H
#define BOUNDWISE_MOCK_TIME_H
#include <sys/types.h>

struct timespec {
  time_t tv_sec;
  long tv_nsec;
};

BOUNDWISE_EXTERN_C_BEGIN
int nanosleep(const struct timespec *req, struct timespec *rem);
time_t time(time_t *t);
BOUNDWISE_EXTERN_C_END

#endif
