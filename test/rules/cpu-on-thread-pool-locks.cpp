// RUN: %check_rule %s cpu-on-thread-pool %t -- -- -std=c++20 -nostdinc++ -isystem %mock_headers

// Which lock is held where, as -Wthread-safety models it: a deferred or
// tried lock is not held until lock() succeeds, an adopted one is; unlock()
// and lock() on the guard or the mutex end and start the critical section;
// after a merge, only what every path holds is held. Each flagged task has
// its twin that stays quiet.

#include <mutex>
#include <thread>

#include <openssl/sha.h>

static std::mutex g_mutex;

static void digest(const unsigned char *data, size_t len) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256(data, len, md);
}

// std::defer_lock: the guard does not hold the mutex until lock().

void deferredNeverLocked(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    std::unique_lock<std::mutex> lock(g_mutex, std::defer_lock);
    digest(data, len);
  });
  worker.join();
}

void deferredThenLocked(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    std::unique_lock<std::mutex> lock(g_mutex, std::defer_lock);
    lock.lock();
    digest(data, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to '{{(std::)?}}thread' runs on its own thread, but 'digest' computes for long (SHA256) while holding 'g_mutex', a lock every task shares: {{.+}} [cpu-on-thread-pool]
  });
  worker.join();
}

// std::try_to_lock may fail: nothing is held for certain. std::adopt_lock
// takes over a mutex already locked.

void triedLock(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    std::unique_lock<std::mutex> lock(g_mutex, std::try_to_lock);
    digest(data, len);
  });
  worker.join();
}

void adoptedLock(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    g_mutex.lock();
    std::lock_guard<std::mutex> lock(g_mutex, std::adopt_lock);
    digest(data, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to '{{(std::)?}}thread' runs on its own thread, but 'digest' computes for long (SHA256) while holding 'g_mutex', {{.+}} [cpu-on-thread-pool]
  });
  worker.join();
}

// lock() and unlock() on the mutex itself.

void mutexLockedByHand(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    g_mutex.lock();
    digest(data, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to '{{(std::)?}}thread' runs on its own thread, but 'digest' computes for long (SHA256) while holding 'g_mutex', {{.+}} [cpu-on-thread-pool]
    g_mutex.unlock();
  });
  worker.join();
}

void mutexUnlockedByHand(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    g_mutex.lock();
    g_mutex.unlock();
    digest(data, len);
  });
  worker.join();
}

// Unlocked, then locked again before the heavy part.

void relocked(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    std::unique_lock<std::mutex> lock(g_mutex);
    lock.unlock();
    lock.lock();
    digest(data, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to '{{(std::)?}}thread' runs on its own thread, but 'digest' computes for long (SHA256) while holding 'g_mutex', {{.+}} [cpu-on-thread-pool]
  });
  worker.join();
}

// Unlocked on one path only: after the merge the lock is not held for
// certain; held on both paths, it is.

void unlockedOnOnePath(const unsigned char *data, size_t len, bool fast) {
  std::thread worker([data, len, fast] {
    std::unique_lock<std::mutex> lock(g_mutex);
    if (fast)
      lock.unlock();
    digest(data, len);
  });
  worker.join();
}

void lockedOnBothPaths(const unsigned char *data, size_t len, bool fast) {
  std::thread worker([data, len, fast] {
    std::unique_lock<std::mutex> lock(g_mutex, std::defer_lock);
    if (fast)
      lock.lock();
    else
      lock.lock();
    digest(data, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the lambda passed to '{{(std::)?}}thread' runs on its own thread, but 'digest' computes for long (SHA256) while holding 'g_mutex', {{.+}} [cpu-on-thread-pool]
  });
  worker.join();
}

// An early return leaves the guard's scope on that path only.

void guardedEarlyReturn(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    {
      std::lock_guard<std::mutex> lock(g_mutex);
      if (len == 0)
        return;
    }
    digest(data, len);
  });
  worker.join();
}

// A member mutex is the object's: a task that locks the mutex of an object
// it owns shares it with no other task. An object every task reaches (here
// captured by reference) shares its mutex.

class Ledger {
public:
  void add(const unsigned char *data, size_t len) {
    std::lock_guard<std::mutex> lock(mu_);
    digest(data, len);
  }

private:
  std::mutex mu_;
};

void ownLedgers(const unsigned char *data, size_t len) {
  std::thread worker([data, len] {
    Ledger ledger;
    ledger.add(data, len);
  });
  worker.join();
}

void sharedLedger(Ledger &ledger, const unsigned char *data, size_t len) {
  std::thread worker([&ledger, data, len] {
    ledger.add(data, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the lambda passed to '{{(std::)?}}thread' runs on its own thread, but 'Ledger::add' computes for long (SHA256) while holding 'mu_', a lock every task shares: {{.+}} [cpu-on-thread-pool]
  });
  worker.join();
}
