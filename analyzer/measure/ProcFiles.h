//===--- ProcFiles.h - What /proc says of a thread -----------*- C++ -*-===//
//
/// \file
/// The /proc files `boundwise measure` samples, read and parsed: a thread's
/// stat, schedstat, status and children, and a process's io. Parsing is
/// kept apart from sampling so that it can be tested on text.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_MEASURE_PROCFILES_H
#define BOUNDWISE_ANALYZER_MEASURE_PROCFILES_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include <cstdint>
#include <string>

namespace boundwise {

/// One thread of the child or of a descendant, as last seen in /proc.
struct ThreadUsage {
  int Pid = 0;
  int Tid = 0;
  std::string Name;
  /// From `stat`, in clock ticks (10 ms).
  double UserSeconds = 0;
  double SystemSeconds = 0;
  /// On a CPU, to the nanosecond (schedstat), or -1 when unknown.
  double OnCpuSeconds = -1;
  /// Runnable but not running: waiting for a CPU (schedstat's run_delay).
  double CpuWaitSeconds = 0;
  /// Blocking (a wait, a lock, I/O) and being preempted.
  uint64_t VoluntarySwitches = 0;
  uint64_t InvoluntarySwitches = 0;

  double cpuSeconds() const {
    return OnCpuSeconds >= 0 ? OnCpuSeconds : UserSeconds + SystemSeconds;
  }

  /// The share of the wait for a CPU that came after being preempted while
  /// computing, taking each switch to cost the same wait. The rest came
  /// after waking up: latency, not demand. A thread waiting for a GIL wakes
  /// every 5 ms, runs for microseconds and sleeps again; on a loaded machine
  /// each wake-up waits milliseconds for a CPU it barely uses.
  double preemptedWaitSeconds() const {
    uint64_t Switches = VoluntarySwitches + InvoluntarySwitches;
    if (Switches == 0)
      return CpuWaitSeconds;
    return CpuWaitSeconds * static_cast<double>(InvoluntarySwitches) /
           static_cast<double>(Switches);
  }

  /// The time it computed or wanted to: unlike CPU time, the same on a
  /// loaded machine as on an idle one.
  double wantedSeconds() const { return cpuSeconds() + preemptedWaitSeconds(); }
};

/// Counters of /proc/<pid>/io.
struct IoCounters {
  uint64_t CharsRead = 0;
  uint64_t CharsWritten = 0;
  uint64_t StorageRead = 0;
  uint64_t StorageWritten = 0;
  /// Length of the text read: reading it counts in our own rchar.
  uint64_t TextSize = 0;
};

/// Reads a /proc file whole. False when it cannot be opened or read: the
/// task exited meanwhile, or the kernel does not have it.
bool readProcFile(const llvm::Twine &Path, std::string &Text);

/// The name and CPU times of a thread from its `stat`: "tid (comm) state
/// ..." with utime and stime as fields 14 and 15, in clock ticks. The name
/// may hold spaces and parentheses, so fields are counted after the last ')'.
bool parseStat(llvm::StringRef Text, ThreadUsage &Thread);

/// The time a thread ran and the time it was runnable but waiting for a
/// CPU, from its `schedstat`: "<ns on a CPU> <ns on a run queue> <slices>".
bool parseSchedstat(llvm::StringRef Text, ThreadUsage &Thread);

/// A thread's context switches, from its `status`.
void parseSwitches(llvm::StringRef Text, ThreadUsage &Thread);

/// The pids in a `children` file (space-separated).
void appendPids(llvm::StringRef Text, llvm::SmallVectorImpl<int> &Pids);

/// The counters of an `io` file (`rchar: 12` lines); TextSize is its size.
IoCounters parseIo(llvm::StringRef Text);

} // namespace boundwise

#endif
