/* Mock <zstd.h>: zstd 1.5's one-shot functions, without bodies. */
#ifndef BOUNDWISE_MOCK_ZSTD_H
#define BOUNDWISE_MOCK_ZSTD_H
#include <sys/types.h>

BOUNDWISE_EXTERN_C_BEGIN
size_t ZSTD_compress(void *dst, size_t dstCapacity, const void *src,
                     size_t srcSize, int compressionLevel);
size_t ZSTD_decompress(void *dst, size_t dstCapacity, const void *src,
                       size_t compressedSize);
size_t ZSTD_compressBound(size_t srcSize);
unsigned ZSTD_isError(size_t code);
BOUNDWISE_EXTERN_C_END

#endif
