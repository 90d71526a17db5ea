/* Mock <sys/time.h>. */
#ifndef BOUNDWISE_MOCK_SYS_TIME_H
#define BOUNDWISE_MOCK_SYS_TIME_H
#include <sys/types.h>

struct timeval {
  time_t tv_sec;
  long tv_usec;
};

#endif
