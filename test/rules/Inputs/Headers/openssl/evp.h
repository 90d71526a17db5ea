/* Mock <openssl/evp.h>: OpenSSL 3.0's digest and key-derivation functions,
   without bodies. */
#ifndef BOUNDWISE_MOCK_OPENSSL_EVP_H
#define BOUNDWISE_MOCK_OPENSSL_EVP_H
#include <sys/types.h>

#define EVP_MAX_MD_SIZE 64

BOUNDWISE_EXTERN_C_BEGIN
typedef struct evp_md_st EVP_MD;
typedef struct evp_md_ctx_st EVP_MD_CTX;
typedef struct engine_st ENGINE;

const EVP_MD *EVP_sha1(void);
const EVP_MD *EVP_sha256(void);
const EVP_MD *EVP_sha512(void);
EVP_MD_CTX *EVP_MD_CTX_new(void);
void EVP_MD_CTX_free(EVP_MD_CTX *ctx);
int EVP_DigestInit_ex(EVP_MD_CTX *ctx, const EVP_MD *type, ENGINE *impl);
int EVP_DigestUpdate(EVP_MD_CTX *ctx, const void *d, size_t cnt);
int EVP_DigestFinal_ex(EVP_MD_CTX *ctx, unsigned char *md, unsigned int *s);
int EVP_Digest(const void *data, size_t count, unsigned char *md,
               unsigned int *size, const EVP_MD *type, ENGINE *impl);

int PKCS5_PBKDF2_HMAC_SHA1(const char *pass, int passlen,
                           const unsigned char *salt, int saltlen, int iter,
                           int keylen, unsigned char *out);
int PKCS5_PBKDF2_HMAC(const char *pass, int passlen, const unsigned char *salt,
                      int saltlen, int iter, const EVP_MD *digest, int keylen,
                      unsigned char *out);
int EVP_PBE_scrypt(const char *pass, size_t passlen, const unsigned char *salt,
                   size_t saltlen, unsigned long long N, unsigned long long r,
                   unsigned long long p, unsigned long long maxmem,
                   unsigned char *key, size_t keylen);
BOUNDWISE_EXTERN_C_END

#endif
