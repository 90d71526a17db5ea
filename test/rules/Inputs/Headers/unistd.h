/* Mock <unistd.h>. */
#ifndef BOUNDWISE_MOCK_UNISTD_H
#define BOUNDWISE_MOCK_UNISTD_H
#include <sys/types.h>

BOUNDWISE_EXTERN_C_BEGIN
unsigned int sleep(unsigned int seconds);
int usleep(unsigned int usec);
ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
int pipe(int fds[2]);
pid_t fork(void);
BOUNDWISE_EXTERN_C_END

#endif
