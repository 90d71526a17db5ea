/* Mock <stdio.h>. */
#ifndef BOUNDWISE_MOCK_STDIO_H
#define BOUNDWISE_MOCK_STDIO_H
#include <sys/types.h>

typedef struct BOUNDWISE_MOCK_FILE FILE;
extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

BOUNDWISE_EXTERN_C_BEGIN
FILE *fopen(const char *path, const char *mode);
size_t fread(void *ptr, size_t size, size_t n, FILE *stream);
size_t fwrite(const void *ptr, size_t size, size_t n, FILE *stream);
char *fgets(char *s, int n, FILE *stream);
int fclose(FILE *stream);
int fflush(FILE *stream);
int printf(const char *format, ...);
int fprintf(FILE *stream, const char *format, ...);
int fputs(const char *s, FILE *stream);
int snprintf(char *s, size_t n, const char *format, ...);
FILE *popen(const char *command, const char *type);
int pclose(FILE *stream);
BOUNDWISE_EXTERN_C_END

#endif
