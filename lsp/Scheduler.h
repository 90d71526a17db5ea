//===--- Scheduler.h - One worker per open file, with debounce --*- C++ -*-===//
//
/// \file
/// Runs each file's work in order on that file's own thread, as clangd's
/// TUScheduler does, so that files never wait for each other and nothing
/// runs on the thread that reads messages. An update (a new version to
/// analyse) waits out a debounce delay; an update followed by another is
/// dropped unrun, and a read (hover, code actions) runs after the updates
/// scheduled before it. With no threads, everything runs at once on the
/// caller's thread (`-sync`, `-lit-test`).
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_SCHEDULER_H
#define BOUNDWISE_LSP_SCHEDULER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/FunctionExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace boundwise {
namespace lsp {

using Clock = std::chrono::steady_clock;

/// How long an update waits for a newer one before it runs: the median of
/// recent analysis times times RebuildRatio, clamped to [Min, Max].
struct DebouncePolicy {
  Clock::duration Min = std::chrono::milliseconds(50);
  Clock::duration Max = std::chrono::milliseconds(500);
  float RebuildRatio = 1;

  Clock::duration compute(llvm::ArrayRef<Clock::duration> History) const;
  /// Always \p Delay: for tests.
  static DebouncePolicy fixed(Clock::duration Delay);
};

class Scheduler {
public:
  struct Options {
    /// False runs every task at once on the calling thread.
    bool Async = true;
    DebouncePolicy Debounce;
  };

  explicit Scheduler(Options Opts);
  /// Waits for running tasks; queued ones are dropped.
  ~Scheduler();

  /// Schedules the analysis of a new version of \p File. A later update of
  /// the same file that arrives while this one waits replaces it.
  void update(llvm::StringRef File, llvm::unique_function<void()> Action);
  /// Schedules \p Action after the updates of \p File scheduled so far.
  void read(llvm::StringRef File, llvm::unique_function<void()> Action);
  /// Stops \p File's worker once its queue is done.
  void remove(llvm::StringRef File);
  /// Blocks until every queue is empty and no task runs.
  void blockUntilIdle();

  /// Called from inside an update's action: \p Time of it went to one-off
  /// work (building a preamble), which the debounce must not take for the
  /// time a rebuild takes, as clangd times only its AST builds.
  static void excludeFromRebuildTime(Clock::duration Time);

private:
  class Worker;
  Worker &workerFor(llvm::StringRef File);

  Options Opts;
  std::mutex Mutex;
  llvm::StringMap<std::unique_ptr<Worker>> Workers;
  /// Workers of closed files, finishing their queues.
  std::vector<std::unique_ptr<Worker>> Retired;
};

} // namespace lsp
} // namespace boundwise

#endif
