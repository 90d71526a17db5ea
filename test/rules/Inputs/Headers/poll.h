/* Mock <poll.h>. */
#ifndef BOUNDWISE_MOCK_POLL_H
#define BOUNDWISE_MOCK_POLL_H
#include <sys/types.h>

#define POLLIN 0x001
#define POLLOUT 0x004

typedef unsigned long nfds_t;
struct pollfd {
  int fd;
  short events;
  short revents;
};

BOUNDWISE_EXTERN_C_BEGIN
int poll(struct pollfd *fds, nfds_t nfds, int timeout);
BOUNDWISE_EXTERN_C_END

#endif
