/* Mock <sys/types.h> for the boundwise tests: only what the mocks need. */
#ifndef BOUNDWISE_MOCK_SYS_TYPES_H
#define BOUNDWISE_MOCK_SYS_TYPES_H

typedef __SIZE_TYPE__ size_t;
typedef long ssize_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned int socklen_t;
typedef long time_t;

#ifndef NULL
#ifdef __cplusplus
#define NULL __null
#else
#define NULL ((void *)0)
#endif
#endif

#ifdef __cplusplus
#define BOUNDWISE_EXTERN_C_BEGIN extern "C" {
#define BOUNDWISE_EXTERN_C_END }
#else
#define BOUNDWISE_EXTERN_C_BEGIN
#define BOUNDWISE_EXTERN_C_END
#endif

#endif
