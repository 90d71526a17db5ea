//===--- Scheduler.h - A bounded pool, each file's work in order -*- C++
//-*-===//
//
/// \file
/// Runs the work of open files on a fixed pool of threads, as clangd's
/// TUScheduler does with its -j: a file's tasks run in the order they were
/// scheduled and never two at once, so a file's state (its preamble) has
/// one owner at a time, and nothing runs on the thread that reads messages.
/// An update (a new version to analyse) waits out a debounce delay; an
/// update not yet started is replaced by a newer one, and a read (hover,
/// code actions) runs after the updates scheduled before it. With no
/// threads, everything runs at once on the caller's thread (`-sync`,
/// `-lit-test`).
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_SCHEDULER_H
#define BOUNDWISE_LSP_SCHEDULER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/FunctionExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/thread.h"
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

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
    /// The most tasks running at once; 0 is the number of cores.
    unsigned Workers = 0;
    DebouncePolicy Debounce;
  };

  explicit Scheduler(Options Opts);
  /// Stops as stop() does, waiting as long as the running tasks take.
  ~Scheduler();

  /// Schedules the analysis of a new version of \p File. It replaces the
  /// file's last task when that is an update not yet started.
  void update(llvm::StringRef File, llvm::unique_function<void()> Action);
  /// Schedules \p Action after the tasks of \p File scheduled so far.
  void read(llvm::StringRef File, llvm::unique_function<void()> Action);
  /// \p File was closed: its queued updates are dropped (its reads still
  /// run, to be answered) and its queue goes once it is empty.
  void cancel(llvm::StringRef File);
  /// Blocks until no task is queued or running.
  void blockUntilIdle();

  /// Drops every queued task and waits up to \p Grace for the running ones.
  /// False when some still run: their threads are then abandoned (detached),
  /// and the caller must keep alive whatever those tasks use, this
  /// scheduler included, until the process ends.
  bool stop(Clock::duration Grace);

  /// How many threads the pool has started (for tests and logs).
  unsigned threadCount();

  /// Called from inside an update's action: \p Time of it went to one-off
  /// work (building a preamble), which the debounce must not take for the
  /// time a rebuild takes, as clangd times only its AST builds.
  static void excludeFromRebuildTime(Clock::duration Time);

private:
  struct Task {
    bool IsUpdate;
    Clock::time_point Scheduled;
    llvm::unique_function<void()> Action;
  };
  /// One file's tasks, in order.
  struct FileQueue {
    std::deque<Task> Tasks;
    /// A pool thread runs one of its tasks: the next must wait.
    bool Running = false;
    /// Closed: the queue goes once empty.
    bool Closed = false;
    std::vector<Clock::duration> RebuildTimes;
  };

  void enqueue(llvm::StringRef File, Task New);
  /// Marks the file closed and takes its queued updates out (to be
  /// destroyed unlocked); the queue goes now if nothing else is left.
  std::vector<Task> closeQueue(llvm::StringMap<FileQueue>::iterator It);
  /// Starts a pool thread when none is free and the pool is not full.
  void growPool();
  /// When the front task of \p Queue may start.
  Clock::time_point readyAt(const FileQueue &Queue) const;
  /// The file whose front task may start now, if any; else null, with
  /// \p WakeAt set to when the next one may (left alone when none is
  /// queued). Called with Mutex held.
  llvm::StringMapEntry<FileQueue> *nextReady(Clock::time_point &WakeAt);
  void runTasks();
  void recordRun(llvm::StringRef File, const Task &Done, Clock::duration Took);
  bool isIdle() const;

  const Options Opts;
  std::mutex Mutex;
  std::condition_variable Changed;
  llvm::StringMap<FileQueue> Files;
  unsigned Running = 0;
  unsigned IdleThreads = 0;
  bool Stopping = false;
  /// A task ended or a file closed since the pool last gave memory back.
  bool MemoryFreed = false;
  std::vector<llvm::thread> Threads;
};

} // namespace lsp
} // namespace boundwise

#endif
