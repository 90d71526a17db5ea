/* Mock <string.h>. */
#ifndef BOUNDWISE_MOCK_STRING_H
#define BOUNDWISE_MOCK_STRING_H
#include <sys/types.h>

BOUNDWISE_EXTERN_C_BEGIN
void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
size_t strlen(const char *s);
BOUNDWISE_EXTERN_C_END

#endif
