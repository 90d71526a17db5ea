/* Mock <fcntl.h>. */
#ifndef BOUNDWISE_MOCK_FCNTL_H
#define BOUNDWISE_MOCK_FCNTL_H
#include <sys/types.h>

#define F_GETFL 3
#define F_SETFL 4
#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_CREAT 0100
#define O_NONBLOCK 04000

BOUNDWISE_EXTERN_C_BEGIN
int fcntl(int fd, int cmd, ...);
int open(const char *path, int flags, ...);
BOUNDWISE_EXTERN_C_END

#endif
