/* Mock <stdlib.h>. */
#ifndef BOUNDWISE_MOCK_STDLIB_H
#define BOUNDWISE_MOCK_STDLIB_H
#include <sys/types.h>

BOUNDWISE_EXTERN_C_BEGIN
void *malloc(size_t size);
void free(void *ptr);
int system(const char *command);
void exit(int status) __attribute__((__noreturn__));
void abort(void) __attribute__((__noreturn__));
BOUNDWISE_EXTERN_C_END

#endif
