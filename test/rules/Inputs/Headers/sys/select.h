/* Mock <sys/select.h>. */
#ifndef BOUNDWISE_MOCK_SYS_SELECT_H
#define BOUNDWISE_MOCK_SYS_SELECT_H
#include <sys/time.h>
#include <sys/types.h>

typedef struct {
  long fds_bits[16];
} fd_set;

#define FD_ZERO(set) __builtin_memset((set), 0, sizeof(fd_set))
#define FD_SET(fd, set) ((set)->fds_bits[(fd) / 64] |= 1L << ((fd) % 64))

BOUNDWISE_EXTERN_C_BEGIN
int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
           struct timeval *timeout);
BOUNDWISE_EXTERN_C_END

#endif
