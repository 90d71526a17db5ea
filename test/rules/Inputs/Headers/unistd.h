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
int dup2(int oldfd, int newfd);
#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
int pipe(int fds[2]);
pid_t fork(void);
pid_t vfork(void);
void _exit(int status) __attribute__((__noreturn__));
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
int execle(const char *path, const char *arg, ...);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execve(const char *path, char *const argv[], char *const envp[]);
BOUNDWISE_EXTERN_C_END

#endif
