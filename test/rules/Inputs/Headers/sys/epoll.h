/* Mock <sys/epoll.h>. */
#ifndef BOUNDWISE_MOCK_SYS_EPOLL_H
#define BOUNDWISE_MOCK_SYS_EPOLL_H
#include <stdint.h>
#include <sys/types.h>

#define EPOLLIN 0x001
#define EPOLL_CTL_ADD 1

typedef union epoll_data {
  void *ptr;
  int fd;
  uint64_t u64;
} epoll_data_t;

struct epoll_event {
  uint32_t events;
  epoll_data_t data;
};

BOUNDWISE_EXTERN_C_BEGIN
int epoll_create1(int flags);
int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event);
int epoll_wait(int epfd, struct epoll_event *events, int maxevents,
               int timeout);
BOUNDWISE_EXTERN_C_END

#endif
