// metrics_agent: a libuv TCP agent that stores metric samples in SQLite.
// Clients send lines such as "cpu.load 0.93"; each line becomes a row.
//
// Port 7070 stores samples from the read callback itself, on the loop thread:
// sqlite3_exec, and a sleep-and-retry when the database is locked, stall
// every connection. Port 7071 hands each sample to uv_queue_work, so the
// insert runs on libuv's thread pool and the loop only frees the request.
//
//   ./metrics_agent [db file]           then: printf 'cpu.load 0.93\n' | nc 127.0.0.1 7070
#include <sqlite3.h>
#include <unistd.h>
#include <uv.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

namespace {

sqlite3 *db = nullptr;

// Inserts one "name value" sample, retrying while another writer holds the lock.
void store_sample(const char *line) {
  char name[64];
  double value = 0;
  if (std::sscanf(line, "%63s %lf", name, &value) != 2)
    return;
  char *sql = sqlite3_mprintf(
      "INSERT INTO samples(name, value, at) VALUES(%Q, %f, strftime('%%s'))", name, value);
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_BUSY)
      break;
    sleep(1);
  }
  sqlite3_free(sql);
}

// A chunk read from a client holds one sample per line.
void store_samples(const std::string &chunk) {
  std::istringstream lines(chunk);
  for (std::string line; std::getline(lines, line);)
    store_sample(line.c_str());
}

struct StoreJob {
  uv_work_t req;
  std::string chunk;
};

void store_job(uv_work_t *req) { store_samples(static_cast<StoreJob *>(req->data)->chunk); }
void store_done(uv_work_t *req, int) { delete static_cast<StoreJob *>(req->data); }

void alloc_buffer(uv_handle_t *, size_t suggested, uv_buf_t *buf) {
  *buf = uv_buf_init(static_cast<char *>(std::malloc(suggested)), suggested);
}

void on_close(uv_handle_t *handle) { delete reinterpret_cast<uv_tcp_t *>(handle); }

// Wrong: the insert (and its sleep) runs inside the read callback, on the loop.
void on_read(uv_stream_t *client, ssize_t nread, const uv_buf_t *buf) {
  if (nread > 0)
    store_samples(std::string(buf->base, nread));
  else if (nread < 0)
    uv_close(reinterpret_cast<uv_handle_t *>(client), on_close);
  std::free(buf->base);
}

// Right: the same insert is queued to libuv's thread pool.
void on_read_offloaded(uv_stream_t *client, ssize_t nread, const uv_buf_t *buf) {
  if (nread > 0) {
    auto *job = new StoreJob{{}, std::string(buf->base, nread)};
    job->req.data = job;
    uv_queue_work(client->loop, &job->req, store_job, store_done);
  } else if (nread < 0) {
    uv_close(reinterpret_cast<uv_handle_t *>(client), on_close);
  }
  std::free(buf->base);
}

void on_connection(uv_stream_t *server, int status) {
  if (status < 0)
    return;
  auto *client = new uv_tcp_t;
  uv_tcp_init(server->loop, client);
  auto *stream = reinterpret_cast<uv_stream_t *>(client);
  if (uv_accept(server, stream) != 0) {
    uv_close(reinterpret_cast<uv_handle_t *>(client), on_close);
    return;
  }
  if (server->data)
    uv_read_start(stream, alloc_buffer, on_read_offloaded);
  else
    uv_read_start(stream, alloc_buffer, on_read);
}

void listen_on(uv_loop_t *loop, uv_tcp_t *server, int port, bool offload) {
  sockaddr_in addr;
  uv_ip4_addr("127.0.0.1", port, &addr);
  uv_tcp_init(loop, server);
  server->data = offload ? server : nullptr;
  uv_tcp_bind(server, reinterpret_cast<const sockaddr *>(&addr), 0);
  if (int rc = uv_listen(reinterpret_cast<uv_stream_t *>(server), 64, on_connection))
    std::fprintf(stderr, "listen on %d: %s\n", port, uv_strerror(rc));
}

} // namespace

int main(int argc, char **argv) {
  if (sqlite3_open(argc > 1 ? argv[1] : "metrics.db", &db) != SQLITE_OK)
    return 1;
  sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS samples(name TEXT, value REAL, at INTEGER)",
               nullptr, nullptr, nullptr);
  uv_loop_t *loop = uv_default_loop();
  uv_tcp_t blocking_server, offloaded_server;
  listen_on(loop, &blocking_server, 7070, false);
  listen_on(loop, &offloaded_server, 7071, true);
  std::printf("metrics_agent: 127.0.0.1:7070 (blocking), :7071 (offloaded)\n");
  uv_run(loop, UV_RUN_DEFAULT);
  sqlite3_close(db);
}
