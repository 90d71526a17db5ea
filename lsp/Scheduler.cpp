//===--- Scheduler.cpp - A bounded pool, each file's work in order --------===//
#include "lsp/Scheduler.h"
#include "analyzer/CrashRecovery.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Threading.h"
#include <algorithm>
#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace boundwise::lsp;

Clock::duration
DebouncePolicy::compute(llvm::ArrayRef<Clock::duration> History) const {
  if (History.empty())
    return Max;
  std::vector<Clock::duration> Sorted(History.begin(), History.end());
  auto Middle = Sorted.begin() + Sorted.size() / 2;
  std::nth_element(Sorted.begin(), Middle, Sorted.end());
  auto Scaled =
      std::chrono::duration_cast<Clock::duration>(*Middle * RebuildRatio);
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

Scheduler::Scheduler(Options Opts) : Opts(Opts) {}

Scheduler::~Scheduler() { stop(Clock::duration::max()); }

void Scheduler::update(llvm::StringRef File,
                       llvm::unique_function<void()> Action) {
  if (!Opts.Async) {
    Action();
    return;
  }
  enqueue(File, {/*IsUpdate=*/true, Clock::now(), std::move(Action)});
}

void Scheduler::read(llvm::StringRef File,
                     llvm::unique_function<void()> Action) {
  if (!Opts.Async) {
    Action();
    return;
  }
  enqueue(File, {/*IsUpdate=*/false, Clock::now(), std::move(Action)});
}

void Scheduler::enqueue(llvm::StringRef File, Task New) {
  // Dropped tasks are destroyed unlocked: a read's reply goes out then.
  std::optional<Task> Dropped;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Stopping) {
      Dropped = std::move(New);
    } else {
      FileQueue &Queue = Files[File];
      Queue.Closed = false;
      // Nothing waits for an update that has not started: the newer
      // version replaces it.
      if (New.IsUpdate && !Queue.Tasks.empty() && Queue.Tasks.back().IsUpdate)
        Dropped = std::exchange(Queue.Tasks.back(), std::move(New));
      else
        Queue.Tasks.push_back(std::move(New));
      growPool();
    }
  }
  Changed.notify_all();
}

void Scheduler::growPool() {
  unsigned Limit =
      Opts.Workers
          ? Opts.Workers
          : llvm::heavyweight_hardware_concurrency().compute_thread_count();
  if (IdleThreads || Threads.size() >= Limit)
    return;
  // A parse of deeply nested code needs a large stack, and the recovery of
  // one nested deeper still needs a signal stack.
  Threads.emplace_back(std::optional<unsigned>(AnalysisStackSize), [this] {
    AlternateSignalStack SignalStack;
    runTasks();
  });
}

void Scheduler::cancel(llvm::StringRef File) {
  if (!Opts.Async)
    return;
  std::vector<Task> Dropped;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    // The document's state went with it.
    MemoryFreed = true;
    auto It = Files.find(File);
    if (It != Files.end())
      Dropped = closeQueue(It);
  }
  Changed.notify_all();
}

std::vector<Scheduler::Task>
Scheduler::closeQueue(llvm::StringMap<FileQueue>::iterator It) {
  FileQueue &Queue = It->second;
  Queue.Closed = true;
  std::vector<Task> Dropped;
  std::deque<Task> Kept;
  for (Task &Queued : Queue.Tasks)
    (Queued.IsUpdate ? Dropped.emplace_back(std::move(Queued))
                     : Kept.emplace_back(std::move(Queued)));
  Queue.Tasks = std::move(Kept);
  if (Queue.Tasks.empty() && !Queue.Running)
    Files.erase(It);
  return Dropped;
}

Clock::time_point Scheduler::readyAt(const FileQueue &Queue) const {
  const Task &Front = Queue.Tasks.front();
  // A read waits for nothing; an update followed by a read is wanted now;
  // a file's first version has nothing to coalesce with.
  if (!Front.IsUpdate || Queue.Tasks.size() > 1 || Queue.RebuildTimes.empty())
    return Front.Scheduled;
  return Front.Scheduled + Opts.Debounce.compute(Queue.RebuildTimes);
}

llvm::StringMapEntry<Scheduler::FileQueue> *
Scheduler::nextReady(Clock::time_point &WakeAt) {
  Clock::time_point Now = Clock::now();
  llvm::StringMapEntry<FileQueue> *Best = nullptr;
  Clock::time_point BestTime = Clock::time_point::max();
  for (llvm::StringMapEntry<FileQueue> &Entry : Files) {
    const FileQueue &Queue = Entry.second;
    if (Queue.Running || Queue.Tasks.empty())
      continue;
    Clock::time_point Ready = readyAt(Queue);
    if (Ready > Now) {
      WakeAt = std::min(WakeAt, Ready);
      continue;
    }
    // The longest waiting goes first.
    if (Ready < BestTime) {
      Best = &Entry;
      BestTime = Ready;
    }
  }
  return Best;
}

/// Gives the memory of finished analyses back to the system, as clangd's
/// -malloc-trim does: glibc keeps freed memory otherwise, and a closed
/// document's preamble and AST would stay in the server's RSS.
static void releaseFreedMemory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

void Scheduler::runTasks() {
  std::unique_lock<std::mutex> Lock(Mutex);
  while (!Stopping) {
    Clock::time_point WakeAt = Clock::time_point::max();
    llvm::StringMapEntry<FileQueue> *Entry = nextReady(WakeAt);
    if (!Entry && MemoryFreed && Running == 0) {
      MemoryFreed = false;
      Lock.unlock();
      releaseFreedMemory();
      Lock.lock();
      continue;
    }
    if (!Entry) {
      ++IdleThreads;
      if (WakeAt == Clock::time_point::max())
        Changed.wait(Lock);
      else
        Changed.wait_until(Lock, WakeAt);
      --IdleThreads;
      continue;
    }
    std::string File = Entry->first().str();
    FileQueue &Queue = Entry->second;
    Task Next = std::move(Queue.Tasks.front());
    Queue.Tasks.pop_front();
    Queue.Running = true;
    ++Running;
    Lock.unlock();
    Clock::time_point Start = Clock::now();
    OneOffWork = {};
    Next.Action();
    Clock::duration Took = Clock::now() - Start;
    Took -= std::min(Took, OneOffWork);
    // What the task captured goes before the file's next task starts.
    Next.Action = nullptr;
    Lock.lock();
    MemoryFreed = true;
    recordRun(File, Next, Took);
    --Running;
    Changed.notify_all();
  }
}

void Scheduler::recordRun(llvm::StringRef File, const Task &Done,
                          Clock::duration Took) {
  auto It = Files.find(File);
  // stop() dropped every queue.
  if (It == Files.end())
    return;
  FileQueue &Queue = It->second;
  Queue.Running = false;
  if (Done.IsUpdate) {
    Queue.RebuildTimes.push_back(Took);
    if (Queue.RebuildTimes.size() > 15)
      Queue.RebuildTimes.erase(Queue.RebuildTimes.begin());
  }
  if (Queue.Closed && Queue.Tasks.empty())
    Files.erase(It);
}

bool Scheduler::isIdle() const {
  return Running == 0 && llvm::all_of(Files, [](const auto &Entry) {
           return Entry.second.Tasks.empty();
         });
}

void Scheduler::blockUntilIdle() {
  std::unique_lock<std::mutex> Lock(Mutex);
  Changed.wait(Lock, [&] { return isIdle(); });
}

unsigned Scheduler::threadCount() {
  std::lock_guard<std::mutex> Lock(Mutex);
  return Threads.size();
}

bool Scheduler::stop(Clock::duration Grace) {
  std::vector<Task> Dropped;
  std::unique_lock<std::mutex> Lock(Mutex);
  Stopping = true;
  for (llvm::StringMapEntry<FileQueue> &Entry : Files)
    for (Task &Queued : Entry.second.Tasks)
      Dropped.push_back(std::move(Queued));
  Files.clear();
  Changed.notify_all();
  auto Finished = [&] { return Running == 0; };
  bool AllFinished = true;
  if (Grace == Clock::duration::max())
    Changed.wait(Lock, Finished);
  else
    AllFinished = Changed.wait_for(Lock, Grace, Finished);
  std::vector<llvm::thread> Pool = std::move(Threads);
  Threads.clear();
  Lock.unlock();
  Dropped.clear();
  for (llvm::thread &Thread : Pool)
    AllFinished ? Thread.join() : Thread.detach();
  return AllFinished;
}
