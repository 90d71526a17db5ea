// RUN: %check_rule %s cpu-in-async %t -- %{task_catalog} -- -std=c++20 -nostdinc++ -isystem %mock_headers

// CPU-heavy work in coroutine bodies: the catalog's hashing, password
// hashing, compression, regex and sort APIs, and the loops the cost model
// finds heavy, each next to the twin that must stay quiet.

#include <algorithm>
#include <coroutine>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <openssl/evp.h>
#include <openssl/sha.h>
#include <zlib.h>
#include <zstd.h>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// Hashing.

Task hashBody(const unsigned char *body, size_t len) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256(body, len, md);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'hashBody' is a coroutine, but it calls 'SHA256', which hashes a buffer and stalls the event loop; offload it to a CPU pool: {{.+}} [cpu-in-async]
  co_return;
}

// The same body outside a coroutine is not an async context.
void hashBodyPlain(const unsigned char *body, size_t len) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256(body, len, md);
}

Task hashStream(EVP_MD_CTX *ctx, const char *chunk, size_t len) {
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  EVP_DigestUpdate(ctx, chunk, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'hashStream' is a coroutine, but it calls 'EVP_DigestUpdate', which hashes a buffer and stalls the event loop; offload it to a CPU pool: {{.+}} [cpu-in-async]
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int mdLen = 0;
  // Finishing a digest hashes at most two blocks: not heavy.
  EVP_DigestFinal_ex(ctx, md, &mdLen);
  co_return;
}

Task hashOneShot(const char *data, size_t len) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int mdLen = 0;
  EVP_Digest(data, len, md, &mdLen, EVP_sha512(), nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'hashOneShot' is a coroutine, but it calls 'EVP_Digest', which hashes a buffer and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

Task hashLegacy(SHA_CTX *sha1, SHA512_CTX *sha512, const char *data,
                size_t len) {
  SHA1_Update(sha1, data, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'hashLegacy' is a coroutine, but it calls 'SHA1_Update', which hashes a buffer and stalls the event loop; {{.+}} [cpu-in-async]
  SHA512_Update(sha512, data, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'hashLegacy' is a coroutine, but it calls 'SHA512_Update', which hashes a buffer and stalls the event loop; {{.+}} [cpu-in-async]
  SHA1_Init(sha1);
  co_return;
}

// Password hashing.

Task login(const char *password, int len, const unsigned char *salt) {
  unsigned char key[32];
  PKCS5_PBKDF2_HMAC(password, len, salt, 16, 600000, EVP_sha256(), 32, key);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'login' is a coroutine, but it calls 'PKCS5_PBKDF2_HMAC', which derives a key from a password (slow by design) and stalls the event loop; offload it to a CPU pool: {{.+}} [cpu-in-async]
  co_return;
}

Task loginScrypt(const char *password, size_t len, const unsigned char *salt) {
  unsigned char key[32];
  EVP_PBE_scrypt(password, len, salt, 16, 1 << 15, 8, 1, 0, key, 32);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'loginScrypt' is a coroutine, but it calls 'EVP_PBE_scrypt', which derives a key from a password (slow by design) and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

// Compression.

Task compressReply(Bytef *out, uLongf *outLen, const Bytef *in, uLong inLen) {
  *outLen = compressBound(inLen);
  compress(out, outLen, in, inLen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'compressReply' is a coroutine, but it calls 'compress', which compresses a buffer and stalls the event loop; offload it to a CPU pool: {{.+}} [cpu-in-async]
  co_return;
}

Task deflateReply(z_stream *zs) {
  deflateInit(zs, Z_DEFAULT_COMPRESSION);
  deflate(zs, Z_FINISH);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'deflateReply' is a coroutine, but it calls 'deflate', which compresses a buffer and stalls the event loop; {{.+}} [cpu-in-async]
  deflateEnd(zs);
  co_return;
}

Task inflateRequest(z_stream *zs) {
  inflate(zs, Z_NO_FLUSH);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'inflateRequest' is a coroutine, but it calls 'inflate', which decompresses a buffer and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

// A checksum is not compression.
Task checksumOnly(const Bytef *in, uInt len) {
  crc32(0, in, len);
  co_return;
}

Task zstdReply(void *out, size_t cap, const void *in, size_t len) {
  if (ZSTD_isError(ZSTD_compressBound(len)))
    co_return;
  ZSTD_compress(out, cap, in, len, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'zstdReply' is a coroutine, but it calls 'ZSTD_compress', which compresses a buffer and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

// Regular expressions: compiling one, and matching.

Task route(const std::string &path) {
  std::regex pattern("^/users/([0-9]+)$");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'route' is a coroutine, but it calls 'std::regex', which compiles a regular expression and stalls the event loop; {{.+}} [cpu-in-async]
  if (std::regex_match(path, pattern))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'route' is a coroutine, but it calls 'std::regex_match', which matches a regular expression and stalls the event loop; {{.+}} [cpu-in-async]
    co_return;
  co_return;
}

Task rewrite(const std::string &text, const std::regex &pattern) {
  std::regex_replace(text, pattern, "-");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rewrite' is a coroutine, but it calls 'std::regex_replace', which matches a regular expression and stalls the event loop; {{.+}} [cpu-in-async]
  pattern.mark_count();
  co_return;
}

// Sorting.

Task rank(std::vector<int> &scores) {
  std::sort(scores.begin(), scores.end());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rank' is a coroutine, but it calls 'std::sort', which sorts a range and stalls the event loop; {{.+}} [cpu-in-async]
  std::stable_sort(scores.begin(), scores.end());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rank' is a coroutine, but it calls 'std::stable_sort', which sorts a range {{.+}} [cpu-in-async]
  std::partial_sort(scores.begin(), scores.begin() + 10, scores.end());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rank' is a coroutine, but it calls 'std::partial_sort', which sorts a range {{.+}} [cpu-in-async]
  std::nth_element(scores.begin(), scores.begin() + 5, scores.end());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rank' is a coroutine, but it calls 'std::nth_element', which sorts a range {{.+}} [cpu-in-async]
  co_return;
}

// Cheap algorithms, and a project's own function named sort.
namespace app {
void sort(int *first, int *last);
}

Task lookups(std::vector<int> &scores, int *first, int *last) {
  std::find(scores.begin(), scores.end(), 3);
  std::max(scores[0], scores[1]);
  app::sort(first, last);
  co_return;
}

// Loops with a constant trip count: heavy from 1000000 iterations on,
// counted over a nest.

Task spin() {
  unsigned long acc = 0;
  for (int i = 0; i < 5000000; ++i)
    acc = acc * 31 + i;
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'spin' is a coroutine, but it runs a loop of 5000000 iterations and stalls the event loop; offload it to a CPU pool: {{.+}} [cpu-in-async]
  co_return;
}

Task spinAtThreshold() {
  unsigned long acc = 0;
  for (long i = 0; i < 1'000'000; ++i)
    acc ^= acc << 1 | i;
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'spinAtThreshold' is a coroutine, but it runs a loop of 1000000 iterations and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

Task spinBelowThreshold() {
  unsigned long acc = 0;
  for (int i = 0; i < 999999; ++i)
    acc = acc * 31 + i;
  co_return;
}

Task spinDown() {
  unsigned long acc = 0;
  for (int i = 3000000; i > 0; --i)
    acc += i;
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'spinDown' is a coroutine, but it runs a loop of 3000000 iterations and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

// A stride of 4 makes 2000000 a loop of 500000 iterations.
Task spinStride() {
  unsigned long acc = 0;
  for (int i = 0; i < 2000000; i += 4)
    acc += i;
  co_return;
}

Task grid() {
  double cells[1000] = {};
  for (int i = 0; i < 1000; ++i)
    for (int j = 0; j < 1000; ++j)
      cells[j] += i * 0.5;
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'grid' is a coroutine, but it runs a loop of 1000000 iterations and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

Task gridSmall() {
  double cells[1000] = {};
  for (int i = 0; i < 999; ++i)
    for (int j = 0; j < 1000; ++j)
      cells[j] += i * 0.5;
  co_return;
}

// Loops over input data: two nested levels are heavy, one is not.

Task pairwise(const std::vector<int> &xs) {
  long hits = 0;
  for (size_t i = 0; i < xs.size(); ++i)
    for (size_t j = 0; j < xs.size(); ++j)
      hits += xs[i] == xs[j];
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'pairwise' is a coroutine, but it runs nested loops over input data (2 levels) and stalls the event loop; offload it to a CPU pool: {{.+}} [cpu-in-async]
  co_return;
}

Task crossJoin(const std::vector<std::string> &left,
               const std::vector<std::string> &right) {
  long pairs = 0;
  for (const std::string &l : left)
    for (const std::string &r : right)
      pairs += l.size() == r.size();
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'crossJoin' is a coroutine, but it runs nested loops over input data (2 levels) and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

Task matrix(const double *m, int rows, int cols) {
  double sum = 0;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      sum += m[r * cols + c];
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'matrix' is a coroutine, but it runs nested loops over input data (2 levels) and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

// One pass over a request's bytes with a trivial body is not heavy.
Task scanOnce(const char *buf, size_t len) {
  unsigned sum = 0;
  for (size_t i = 0; i < len; ++i)
    sum += (unsigned char)buf[i];
  co_return;
}

// Two passes one after the other are not nested.
Task scanTwice(const std::vector<int> &xs) {
  long sum = 0;
  for (int x : xs)
    sum += x;
  for (int x : xs)
    sum -= x;
  co_return;
}

// A small constant inner loop does not make a second level of data.
Task scanRgb(const unsigned char *pixels, int count) {
  unsigned sums[3] = {};
  for (int p = 0; p < count; ++p)
    for (int ch = 0; ch < 3; ++ch)
      sums[ch] += pixels[p * 3 + ch];
  co_return;
}

// A parameter bounded by a constant at the call site.

static double simulate(const double *p, long paths) {
  double s = 0;
  for (long i = 0; i < paths; ++i)
    s += p[i % 8] * 1.0001;
  return s;
}

Task price(const double *p) {
  double v = simulate(p, 20'000'000);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'price' is a coroutine, but it calls 'simulate' with a loop bound of 20000000 and stalls the event loop; offload it to a CPU pool: {{.+}} [cpu-in-async]
  (void)v;
  co_return;
}

Task priceQuick(const double *p) {
  double v = simulate(p, 1000);
  (void)v;
  co_return;
}

// A bound known only at run time is one loop over data.
Task priceData(const double *p, long n) {
  double v = simulate(p, n);
  (void)v;
  co_return;
}

// A loop whose body awaits gives the event loop back on every iteration.

struct Yield {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

Task pump() {
  for (int i = 0; i < 5000000; ++i)
    co_await Yield{};
  co_return;
}

// Work handed to a thread runs elsewhere.
Task offloaded(const unsigned char *body, size_t len) {
  std::thread([body, len] {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(body, len, md);
  }).detach();
  co_return;
}

// A heavy call in a macro is reported where the macro is used.
#define DIGEST(data, len, out) SHA256(data, len, out)
Task macroDigest(const unsigned char *body, size_t len) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  DIGEST(body, len, md);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'macroDigest' is a coroutine, but it calls 'SHA256', which hashes a buffer and stalls the event loop; {{.+}} [cpu-in-async]
  co_return;
}

// Templates: only the instantiation with the heavy policy is reported.

struct Sha256Policy {
  static void run(const unsigned char *data, size_t len, unsigned char *out) {
    SHA256(data, len, out);
  }
};
struct CopyPolicy {
  static void run(const unsigned char *data, size_t len, unsigned char *out) {
    for (size_t i = 0; i < len && i < 32; ++i)
      out[i] = data[i];
  }
};

template <class Policy>
Task fingerprint(const unsigned char *data, size_t len) {
  unsigned char out[32];
  Policy::run(data, len, out);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fingerprint' is a coroutine, but 'Sha256Policy::run' computes for long (SHA256) and stalls the event loop; offload it to a CPU pool: {{.+}} [cpu-in-async]
  co_return;
}

// Called from a coroutine: each instantiation runs where its caller does.
Task startFingerprints(const unsigned char *data, size_t len) {
  fingerprint<Sha256Policy>(data, len);
  fingerprint<CopyPolicy>(data, len);
  co_return;
}

// Suppressed.
Task suppressed(const unsigned char *body, size_t len) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256(body, len, md); // NOLINT(cpu-in-async)
  co_return;
}
