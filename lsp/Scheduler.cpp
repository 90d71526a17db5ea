//===--- Scheduler.cpp - One worker per open file, with debounce ----------===//
#include "lsp/Scheduler.h"

#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <deque>
#include <thread>

using namespace boundwise::lsp;

Clock::duration
DebouncePolicy::compute(llvm::ArrayRef<Clock::duration> History) const {
  if (History.empty())
    return Max;
  std::vector<Clock::duration> Sorted(History.begin(), History.end());
  auto Middle = Sorted.begin() + Sorted.size() / 2;
  std::nth_element(Sorted.begin(), Middle, Sorted.end());
  auto Scaled = std::chrono::duration_cast<Clock::duration>(*Middle *
                                                            RebuildRatio);
  return std::clamp(Scaled, Min, Max);
}

DebouncePolicy DebouncePolicy::fixed(Clock::duration Delay) {
  DebouncePolicy Policy;
  Policy.Min = Policy.Max = Delay;
  return Policy;
}

/// What the update running on this thread spent on one-off work.
static thread_local Clock::duration OneOffWork{};

void Scheduler::excludeFromRebuildTime(Clock::duration Time) {
  OneOffWork += Time;
}

/// One file's queue and thread.
class Scheduler::Worker {
public:
  explicit Worker(DebouncePolicy Debounce)
      : Debounce(Debounce), Thread([this] { run(); }) {}

  ~Worker() {
    stop();
    Thread.join();
  }

  void enqueue(bool IsUpdate, llvm::unique_function<void()> Action) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Queue.push_back({IsUpdate, Clock::now(), std::move(Action)});
    Changed.notify_all();
  }

  void stop() {
    std::lock_guard<std::mutex> Lock(Mutex);
    Stopping = true;
    Changed.notify_all();
  }

  void waitUntilIdle() {
    std::unique_lock<std::mutex> Lock(Mutex);
    Changed.wait(Lock, [&] { return Queue.empty() && !Running; });
  }

private:
  struct Task {
    bool IsUpdate;
    Clock::time_point Scheduled;
    llvm::unique_function<void()> Action;
  };

  /// Whether the front update must not run: a newer update follows it.
  bool frontIsObsolete() const {
    return Queue.front().IsUpdate && Queue.size() > 1 && Queue[1].IsUpdate;
  }

  void run() {
    std::unique_lock<std::mutex> Lock(Mutex);
    while (true) {
      Changed.wait(Lock, [&] { return !Queue.empty() || Stopping; });
      if (Queue.empty())
        return;
      // A closed file needs no analysis, and a newer version replaces this
      // one.
      if (frontIsObsolete() || (Stopping && Queue.front().IsUpdate)) {
        Queue.pop_front();
        Changed.notify_all();
        continue;
      }
      // The first version of a file has nothing to coalesce with, and a
      // read queued behind an update wants its result now.
      if (Queue.front().IsUpdate && !RebuildTimes.empty() &&
          Queue.size() == 1) {
        Clock::time_point Deadline =
            Queue.front().Scheduled + Debounce.compute(RebuildTimes);
        Changed.wait_until(Lock, Deadline,
                           [&] { return Queue.size() > 1 || Stopping; });
        if (Queue.size() > 1 || Stopping)
          continue;
      }
      Task Next = std::move(Queue.front());
      Queue.pop_front();
      Running = true;
      Lock.unlock();
      Clock::time_point Start = Clock::now();
      OneOffWork = {};
      Next.Action();
      Clock::duration Took = Clock::now() - Start;
      Took -= std::min(Took, OneOffWork);
      Lock.lock();
      Running = false;
      if (Next.IsUpdate) {
        RebuildTimes.push_back(Took);
        if (RebuildTimes.size() > 15)
          RebuildTimes.erase(RebuildTimes.begin());
      }
      Changed.notify_all();
    }
  }

  DebouncePolicy Debounce;
  std::mutex Mutex;
  std::condition_variable Changed;
  std::deque<Task> Queue;
  std::vector<Clock::duration> RebuildTimes;
  bool Running = false;
  bool Stopping = false;
  std::thread Thread;
};

Scheduler::Scheduler(Options Opts) : Opts(Opts) {}

Scheduler::~Scheduler() {
  std::lock_guard<std::mutex> Lock(Mutex);
  Workers.clear();
  Retired.clear();
}

Scheduler::Worker &Scheduler::workerFor(llvm::StringRef File) {
  std::unique_ptr<Worker> &Slot = Workers[File];
  if (!Slot)
    Slot = std::make_unique<Worker>(Opts.Debounce);
  return *Slot;
}

void Scheduler::update(llvm::StringRef File,
                       llvm::unique_function<void()> Action) {
  if (!Opts.Async) {
    Action();
    return;
  }
  std::lock_guard<std::mutex> Lock(Mutex);
  workerFor(File).enqueue(/*IsUpdate=*/true, std::move(Action));
}

void Scheduler::read(llvm::StringRef File,
                     llvm::unique_function<void()> Action) {
  if (!Opts.Async) {
    Action();
    return;
  }
  std::lock_guard<std::mutex> Lock(Mutex);
  workerFor(File).enqueue(/*IsUpdate=*/false, std::move(Action));
}

void Scheduler::remove(llvm::StringRef File) {
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Workers.find(File);
  if (It == Workers.end())
    return;
  // Queued reads still get their replies; the worker ends after them.
  It->second->stop();
  Retired.push_back(std::move(It->second));
  Workers.erase(It);
}

void Scheduler::blockUntilIdle() {
  std::vector<Worker *> All;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    for (auto &Entry : Workers)
      All.push_back(Entry.second.get());
    for (auto &Old : Retired)
      All.push_back(Old.get());
  }
  for (Worker *W : All)
    W->waitUntilIdle();
}
