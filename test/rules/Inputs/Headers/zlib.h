/* Mock <zlib.h>: zlib 1.2.13's one-shot and streaming functions, without
   bodies. */
#ifndef BOUNDWISE_MOCK_ZLIB_H
#define BOUNDWISE_MOCK_ZLIB_H
#include <sys/types.h>

BOUNDWISE_EXTERN_C_BEGIN
typedef unsigned char Byte;
typedef Byte Bytef;
typedef unsigned long uLong;
typedef uLong uLongf;
typedef unsigned int uInt;

typedef struct z_stream_s {
  const Bytef *next_in;
  uInt avail_in;
  uLong total_in;
  Bytef *next_out;
  uInt avail_out;
  uLong total_out;
} z_stream;
typedef z_stream *z_streamp;

#define Z_NO_FLUSH 0
#define Z_FINISH 4
#define Z_OK 0
#define Z_STREAM_END 1
#define Z_DEFAULT_COMPRESSION (-1)
#define ZLIB_VERSION "1.2.13"

int deflateInit_(z_streamp strm, int level, const char *version,
                 int stream_size);
#define deflateInit(strm, level)                                               \
  deflateInit_((strm), (level), ZLIB_VERSION, (int)sizeof(z_stream))
int deflate(z_streamp strm, int flush);
int deflateEnd(z_streamp strm);
int inflateInit_(z_streamp strm, const char *version, int stream_size);
#define inflateInit(strm)                                                      \
  inflateInit_((strm), ZLIB_VERSION, (int)sizeof(z_stream))
int inflate(z_streamp strm, int flush);
int inflateEnd(z_streamp strm);

int compress(Bytef *dest, uLongf *destLen, const Bytef *source,
             uLong sourceLen);
int compress2(Bytef *dest, uLongf *destLen, const Bytef *source,
              uLong sourceLen, int level);
uLong compressBound(uLong sourceLen);
int uncompress(Bytef *dest, uLongf *destLen, const Bytef *source,
               uLong sourceLen);
uLong crc32(uLong crc, const Bytef *buf, uInt len);
BOUNDWISE_EXTERN_C_END

#endif
