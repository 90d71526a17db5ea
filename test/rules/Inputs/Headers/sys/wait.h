/* Mock <sys/wait.h>. */
#ifndef BOUNDWISE_MOCK_SYS_WAIT_H
#define BOUNDWISE_MOCK_SYS_WAIT_H
#include <sys/types.h>

#define WNOHANG 1

BOUNDWISE_EXTERN_C_BEGIN
pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
BOUNDWISE_EXTERN_C_END

#endif
