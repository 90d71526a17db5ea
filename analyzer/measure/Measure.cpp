//===--- Measure.cpp - What a running program waits for -------------------===//
//
/// \file
/// The child is started with fork and execvp; a close-on-exec pipe tells the
/// parent whether the exec failed. While it runs, /proc is sampled every
/// 20 ms for each thread of the child and of its descendants (found through
/// the `children` files): the CPU time (stat, schedstat), the time spent
/// runnable but waiting for a CPU (schedstat's run_delay) and the context
/// switches (status), keeping the last value seen per thread. The totals
/// come from the kernel when the child is reaped: wait4's rusage, and our
/// own /proc/self/io, to which the kernel adds a reaped child's I/O counters
/// (with those of the children it reaped) as it adds its CPU times to
/// RUSAGE_CHILDREN. So the bytes are exact, with no double counting of a
/// child both sampled and added to its parent, and nothing missed from
/// children too short-lived to be sampled.
//
//===----------------------------------------------------------------------===//
#include "analyzer/measure/Measure.h"
#include "analyzer/ModelSentences.h"
#include "analyzer/measure/ProcFiles.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vector>

using namespace boundwise;
using namespace llvm;
using nlohmann::json;

static const char Usage[] =
    "usage: boundwise measure [--format=text|json] [--output=FILE] -- "
    "<command> [args...]\n";

/// How often /proc is sampled while the child runs: often enough to see
/// threads that live a few tens of milliseconds, rarely enough to cost
/// nothing next to the program measured.
static constexpr int SampleIntervalMs = 20;

// The verdict is read from the cores the program wanted: CPU time plus the
// time its threads waited for a CPU after being preempted, over wall time.
// Counting that wait keeps a CPU-bound program CPU-bound on a loaded machine,
// where it gets less than the cores it wants (on this 2-core machine at a
// load of 7, a spinning thread had 0.4 of a core and wanted 1.0). Leaving
// out the waits after waking up keeps threads that take turns at a lock
// serialized: their wake-ups are latency, not demand.

/// Below half a core the program was blocked (I/O, sleep, a lock, another
/// process) more than half of its wall time. A sleeper measures about 0.00
/// and a spinning thread about 1.0: half a core of margin on either side.
static constexpr double IOBoundBelowCores = 0.5;
/// From one and a half cores on, the work clearly ran in parallel. Two
/// spinning threads measure about 2.0 and four threads serialized by one lock
/// about 1.0: again half a core of margin on either side.
static constexpr double ParallelFromCores = 1.5;
/// A thread counts as busy when it computed, or wanted to (CPU time and the
/// waits after preemption, which a loaded machine moves between the two),
/// at least this long and at least this share of the busiest thread: a main
/// thread that only started and joined workers, or ran an interpreter's
/// start-up (30 ms for CPython), is not one of N workers, while workers taking
/// turns at a GIL, which shares unevenly, still are (measured: 40% to 100% of
/// the busiest).
static constexpr double BusyThreadMinSeconds = 0.02;
static constexpr double BusyThreadShareOfBusiest = 1.0 / 3;
/// Shorter runs get a note: process start-up and the first samples weigh on
/// the figures.
static constexpr double ShortRunSeconds = 0.1;

static const char SingleThreadModel[] =
    "a CPU pool sized to the cores, or processes";
static const char ParallelModel[] =
    "it already runs in parallel: keep a pool sized to the cores";

static const char IoCountersUsed[] =
    "rchar/wchar (bytes of read and write system calls: files, pipes, "
    "sockets, terminals) and read_bytes/write_bytes (bytes from and to "
    "storage) of the child and the descendants it waited for";

namespace {

enum class ReportFormat { Text, Json };

struct MeasureOptions {
  ReportFormat Format = ReportFormat::Text;
  /// Empty: the report goes to stderr.
  std::string OutputPath;
  std::vector<std::string> Command;
};

/// What the samples of /proc saw while the child ran.
struct Samples {
  /// By thread id, in the order first seen.
  MapVector<int, ThreadUsage> Threads;
  unsigned PeakThreads = 0;
  unsigned Count = 0;
  bool HaveCpuWait = false;
};

struct Measurement {
  std::vector<std::string> Command;
  int ExitCode = 0;
  /// The signal that killed the child, or 0.
  int Signal = 0;
  double WallSeconds = 0;
  double UserSeconds = 0;
  double SystemSeconds = 0;
  long VoluntarySwitches = 0;
  long InvoluntarySwitches = 0;
  std::optional<IoCounters> Io;
  Samples Seen;

  double cpuSeconds() const { return UserSeconds + SystemSeconds; }
};

enum class VerdictKind { IOBound, CPUBoundOneCore, CPUParallel };

struct Verdict {
  VerdictKind Kind = VerdictKind::IOBound;
  double CoresBusy = 0;
  double CoresWanted = 0;
  double CpuWaitSeconds = 0;
  double PreemptedWaitSeconds = 0;
  unsigned BusyThreads = 0;
  std::string Detail;
  std::string Model;
  std::vector<std::string> Notes;
};

} // namespace

//===----------------------------------------------------------------------===//
// Arguments
//===----------------------------------------------------------------------===//

static int usageError(const Twine &Message) {
  errs() << "boundwise: error: " << Message << "\n" << Usage;
  return 2;
}

static bool isHelpOption(StringRef Arg) {
  return Arg == "--help" || Arg == "-help" || Arg == "-h";
}

/// One option before `--`; LLVM's command line takes `-x` and `--x` alike.
static bool parseOption(StringRef Arg, MeasureOptions &Options,
                        std::string &Error) {
  StringRef Name = Arg;
  bool IsOption = Name.consume_front("--") || Name.consume_front("-");
  if (IsOption && Name.consume_front("format=")) {
    if (Name == "text" || Name == "json") {
      Options.Format = Name == "json" ? ReportFormat::Json : ReportFormat::Text;
      return true;
    }
    Error = ("unknown format '" + Name + "' for measure: text or json").str();
    return false;
  }
  if (IsOption && Name.consume_front("output=") && !Name.empty()) {
    Options.OutputPath = Name.str();
    return true;
  }
  Error = ("unknown option '" + Arg + "' for measure").str();
  return false;
}

static bool parseArguments(ArrayRef<const char *> Args, MeasureOptions &Options,
                           std::string &Error) {
  const auto *Separator =
      find_if(Args, [](const char *Arg) { return StringRef(Arg) == "--"; });
  // Without `--` an option of the command could be taken for ours.
  if (Separator == Args.end()) {
    Error = "measure needs '--' before the command to run";
    return false;
  }
  for (const char *Arg : ArrayRef<const char *>(Args.begin(), Separator))
    if (!parseOption(Arg, Options, Error))
      return false;
  Options.Command.assign(Separator + 1, Args.end());
  if (Options.Command.empty()) {
    Error = "measure needs a command after '--'";
    return false;
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Starting and waiting for the child
//===----------------------------------------------------------------------===//

/// Starts \p Command with our stdin, stdout and stderr. Returns its pid, or
/// -1 with \p Errno saying why it could not be started.
static pid_t startChild(const std::vector<std::string> &Command, int &Errno) {
  // Built before fork: the child only calls async-signal-safe functions.
  std::vector<char *> Argv;
  for (const std::string &Arg : Command)
    Argv.push_back(const_cast<char *>(Arg.c_str()));
  Argv.push_back(nullptr);

  // The pipe closes on a successful exec; a failed one writes its errno.
  int Pipe[2];
  if (pipe2(Pipe, O_CLOEXEC) != 0) {
    Errno = errno;
    return -1;
  }
  pid_t Pid = fork();
  if (Pid < 0) {
    Errno = errno;
    close(Pipe[0]);
    close(Pipe[1]);
    return -1;
  }
  if (Pid == 0) {
    close(Pipe[0]);
    execvp(Argv[0], Argv.data());
    int Failure = errno;
    ssize_t Ignored = write(Pipe[1], &Failure, sizeof(Failure));
    (void)Ignored;
    _exit(127);
  }
  close(Pipe[1]);
  int Failure = 0;
  ssize_t Read;
  do
    Read = read(Pipe[0], &Failure, sizeof(Failure));
  while (Read < 0 && errno == EINTR);
  close(Pipe[0]);
  if (Read != static_cast<ssize_t>(sizeof(Failure)))
    return Pid;
  while (waitpid(Pid, nullptr, 0) < 0 && errno == EINTR) {
  }
  Errno = Failure;
  return -1;
}

/// A ^C or ^\ at the terminal reaches the child too; like time(1), we stay
/// to report how it ended.
static void ignoreTerminalSignals() {
  signal(SIGINT, SIG_IGN);
  signal(SIGQUIT, SIG_IGN);
}

/// A descriptor that becomes readable when \p Pid exits, or -1 on kernels
/// before 5.3.
static int openPidFd(pid_t Pid) {
#ifdef SYS_pidfd_open
  return static_cast<int>(syscall(SYS_pidfd_open, Pid, 0));
#else
  (void)Pid;
  return -1;
#endif
}

/// Whether the child has exited, leaving it unreaped: its /proc entries
/// stay readable for one last sample.
static bool hasExited(pid_t Pid) {
  siginfo_t Info;
  std::memset(&Info, 0, sizeof(Info));
  if (waitid(P_PID, Pid, &Info, WEXITED | WNOHANG | WNOWAIT) != 0)
    return errno != EINTR;
  return Info.si_pid == Pid;
}

/// Waits one sampling interval, or less if the child exits meanwhile, so
/// that the wall time ends when the child does.
static void waitForExitOrInterval(int PidFd) {
  if (PidFd >= 0) {
    pollfd Poll = {PidFd, POLLIN, 0};
    poll(&Poll, 1, SampleIntervalMs);
    return;
  }
  timespec Interval = {0, SampleIntervalMs * 1000000L};
  nanosleep(&Interval, nullptr);
}

static double secondsSince(const timespec &Start) {
  timespec Now;
  clock_gettime(CLOCK_MONOTONIC, &Now);
  return static_cast<double>(Now.tv_sec - Start.tv_sec) +
         static_cast<double>(Now.tv_nsec - Start.tv_nsec) / 1e9;
}

static double toSeconds(const timeval &Time) {
  return static_cast<double>(Time.tv_sec) +
         static_cast<double>(Time.tv_usec) / 1e6;
}

//===----------------------------------------------------------------------===//
// Sampling /proc
//===----------------------------------------------------------------------===//

/// Samples every thread of \p Pid into \p Seen, and adds the processes it
/// started to \p Children. Returns the number of threads seen.
static unsigned sampleProcess(int Pid, Samples &Seen,
                              SmallVectorImpl<int> &Children) {
  std::string TaskDir = ("/proc/" + Twine(Pid) + "/task").str();
  DIR *Dir = opendir(TaskDir.c_str());
  // The process exited since its parent listed it.
  if (!Dir)
    return 0;
  unsigned Threads = 0;
  std::string Text;
  while (dirent *Entry = readdir(Dir)) {
    int Tid;
    // "." and "..".
    if (StringRef(Entry->d_name).getAsInteger(10, Tid))
      continue;
    std::string ThreadDir = TaskDir + "/" + Entry->d_name;
    ThreadUsage Usage;
    Usage.Pid = Pid;
    Usage.Tid = Tid;
    // The thread exited since the directory was listed.
    if (!readProcFile(ThreadDir + "/stat", Text) || !parseStat(Text, Usage))
      continue;
    if (readProcFile(ThreadDir + "/schedstat", Text) &&
        parseSchedstat(Text, Usage))
      Seen.HaveCpuWait = true;
    if (readProcFile(ThreadDir + "/status", Text))
      parseSwitches(Text, Usage);
    Seen.Threads[Tid] = std::move(Usage);
    ++Threads;
    // Without CONFIG_PROC_CHILDREN only the child itself is followed.
    if (readProcFile(ThreadDir + "/children", Text))
      appendPids(Text, Children);
  }
  closedir(Dir);
  return Threads;
}

/// One sample of the child and its descendants.
static void sampleTree(int RootPid, Samples &Seen) {
  SmallVector<int, 8> Pending = {RootPid};
  unsigned Threads = 0;
  while (!Pending.empty())
    Threads += sampleProcess(Pending.pop_back_val(), Seen, Pending);
  Seen.PeakThreads = std::max(Seen.PeakThreads, Threads);
  ++Seen.Count;
}

/// Our own I/O counters, which include those of the children we reaped.
static std::optional<IoCounters> readOwnIo() {
  std::string Text;
  if (!readProcFile("/proc/self/io", Text))
    return std::nullopt;
  return parseIo(Text);
}

static uint64_t difference(uint64_t After, uint64_t Before) {
  return After > Before ? After - Before : 0;
}

/// The reaped child's share of our counters, between a reading just before
/// and one just after reaping it.
static IoCounters childIo(const IoCounters &Before, const IoCounters &After) {
  IoCounters Child;
  // Reading the first snapshot counts in the second one's rchar.
  Child.CharsRead =
      difference(After.CharsRead, Before.CharsRead + Before.TextSize);
  Child.CharsWritten = difference(After.CharsWritten, Before.CharsWritten);
  Child.StorageRead = difference(After.StorageRead, Before.StorageRead);
  Child.StorageWritten =
      difference(After.StorageWritten, Before.StorageWritten);
  return Child;
}

/// Runs the command to its end, sampling it. False, with \p Errno, when it
/// could not be started.
static bool runAndMeasure(const MeasureOptions &Options, Measurement &M,
                          int &Errno) {
  M.Command = Options.Command;
  timespec Start;
  clock_gettime(CLOCK_MONOTONIC, &Start);
  pid_t Pid = startChild(Options.Command, Errno);
  if (Pid < 0)
    return false;
  ignoreTerminalSignals();

  int PidFd = openPidFd(Pid);
  while (!hasExited(Pid)) {
    sampleTree(Pid, M.Seen);
    waitForExitOrInterval(PidFd);
  }
  M.WallSeconds = secondsSince(Start);
  // The exited main thread's final times; the other threads are gone.
  sampleTree(Pid, M.Seen);
  if (PidFd >= 0)
    close(PidFd);

  std::optional<IoCounters> IoBefore = readOwnIo();
  int Status = 0;
  rusage Usage;
  std::memset(&Usage, 0, sizeof(Usage));
  while (wait4(Pid, &Status, 0, &Usage) < 0 && errno == EINTR) {
  }
  std::optional<IoCounters> IoAfter = readOwnIo();

  // wait4's rusage covers the child and the descendants it waited for.
  M.UserSeconds = toSeconds(Usage.ru_utime);
  M.SystemSeconds = toSeconds(Usage.ru_stime);
  M.VoluntarySwitches = Usage.ru_nvcsw;
  M.InvoluntarySwitches = Usage.ru_nivcsw;
  if (IoBefore && IoAfter)
    M.Io = childIo(*IoBefore, *IoAfter);
  if (WIFSIGNALED(Status)) {
    M.Signal = WTERMSIG(Status);
    M.ExitCode = 128 + M.Signal;
  } else {
    M.ExitCode = WEXITSTATUS(Status);
  }
  return true;
}

//===----------------------------------------------------------------------===//
// The verdict
//===----------------------------------------------------------------------===//

static double totalCpuWait(const Samples &Seen) {
  double Total = 0;
  for (const auto &Entry : Seen.Threads)
    Total += Entry.second.CpuWaitSeconds;
  return Total;
}

static double totalPreemptedWait(const Samples &Seen) {
  double Total = 0;
  for (const auto &Entry : Seen.Threads)
    Total += Entry.second.preemptedWaitSeconds();
  return Total;
}

static bool isBusyThread(const ThreadUsage &Thread, double BusiestSeconds) {
  double Seconds = Thread.wantedSeconds();
  return Seconds >= BusyThreadMinSeconds &&
         Seconds >= BusyThreadShareOfBusiest * BusiestSeconds;
}

static unsigned countBusyThreads(const Samples &Seen) {
  double Busiest = 0;
  for (const auto &Entry : Seen.Threads)
    Busiest = std::max(Busiest, Entry.second.wantedSeconds());
  return static_cast<unsigned>(count_if(Seen.Threads, [&](const auto &Entry) {
    return isBusyThread(Entry.second, Busiest);
  }));
}

static void judgeKind(Verdict &V) {
  if (V.CoresWanted < IOBoundBelowCores) {
    V.Kind = VerdictKind::IOBound;
    V.Detail =
        formatv("mostly waiting: {0:F2} of a core wanted", V.CoresWanted).str();
    V.Model = IOBoundModelSentence;
    return;
  }
  if (V.CoresWanted >= ParallelFromCores) {
    V.Kind = VerdictKind::CPUParallel;
    V.Detail = formatv("{0} threads computing at the same time: about "
                       "{1:F1} cores wanted",
                       V.BusyThreads, V.CoresWanted)
                   .str();
    V.Model = ParallelModel;
    return;
  }
  V.Kind = VerdictKind::CPUBoundOneCore;
  if (V.BusyThreads > 1) {
    V.Detail = formatv("{0} threads but about one core busy: serialized, "
                       "e.g. by a GIL or a lock",
                       V.BusyThreads)
                   .str();
    V.Model = CpuBoundModelSentence;
    return;
  }
  V.Detail = "single-threaded";
  V.Model = SingleThreadModel;
}

static void addNotes(const Measurement &M, Verdict &V) {
  if (!M.Seen.HaveCpuWait)
    V.Notes.push_back("no schedstat in /proc: the time spent waiting for a "
                      "CPU is unknown, so a loaded machine makes a program "
                      "look less CPU-bound than it is");
  if (V.CpuWaitSeconds >= 0.25 * M.WallSeconds && V.CpuWaitSeconds > 0.01)
    V.Notes.push_back(formatv("the machine was busy: its threads waited "
                              "{0:F3} s for a CPU; the {1:F3} s after being "
                              "preempted count as CPU wanted",
                              V.CpuWaitSeconds, V.PreemptedWaitSeconds)
                          .str());
  if (!M.Io)
    V.Notes.push_back("no /proc/self/io (task I/O accounting): bytes read "
                      "and written are unknown");
  if (M.WallSeconds < ShortRunSeconds)
    V.Notes.push_back(formatv("it ran for only {0} ms: start-up weighs on "
                              "the figures and few samples were taken",
                              static_cast<int>(M.WallSeconds * 1000))
                          .str());
}

static Verdict judge(const Measurement &M) {
  Verdict V;
  double Wall = std::max(M.WallSeconds, 1e-6);
  V.CpuWaitSeconds = totalCpuWait(M.Seen);
  V.PreemptedWaitSeconds = totalPreemptedWait(M.Seen);
  V.CoresBusy = M.cpuSeconds() / Wall;
  V.CoresWanted = (M.cpuSeconds() + V.PreemptedWaitSeconds) / Wall;
  V.BusyThreads = countBusyThreads(M.Seen);
  judgeKind(V);
  addNotes(M, V);
  return V;
}

static StringRef kindName(VerdictKind Kind) {
  switch (Kind) {
  case VerdictKind::IOBound:
    return "I/O-bound";
  case VerdictKind::CPUBoundOneCore:
    return "CPU-bound on one core";
  case VerdictKind::CPUParallel:
    return "CPU-parallel";
  }
  llvm_unreachable("covered switch");
}

//===----------------------------------------------------------------------===//
// Reports
//===----------------------------------------------------------------------===//

/// Threads busiest first, then in the order seen.
static std::vector<const ThreadUsage *> threadsByCpu(const Samples &Seen) {
  std::vector<const ThreadUsage *> Threads;
  for (const auto &Entry : Seen.Threads)
    Threads.push_back(&Entry.second);
  llvm::stable_sort(Threads, [](const ThreadUsage *A, const ThreadUsage *B) {
    return A->cpuSeconds() > B->cpuSeconds();
  });
  return Threads;
}

static std::string joinCommand(const std::vector<std::string> &Command) {
  std::string Joined;
  for (const std::string &Arg : Command) {
    if (!Joined.empty())
      Joined += ' ';
    Joined += Arg;
  }
  return Joined;
}

static std::string describeEnd(const Measurement &M) {
  if (M.Signal)
    return formatv("killed by signal {0} ({1})", M.Signal, strsignal(M.Signal))
        .str();
  return formatv("exited with {0}", M.ExitCode).str();
}

static std::string formatBytes(uint64_t Bytes) {
  if (Bytes < 1024)
    return formatv("{0} B", Bytes).str();
  if (Bytes < 1024 * 1024)
    return formatv("{0:F1} KiB", static_cast<double>(Bytes) / 1024).str();
  return formatv("{0:F1} MiB", static_cast<double>(Bytes) / (1024 * 1024))
      .str();
}

/// Threads listed in the text report; JSON lists all.
static constexpr size_t TextThreadLimit = 10;

static void printThreadsText(const Measurement &M, const Verdict &V,
                             raw_ostream &OS) {
  OS << formatv("  threads           {0} at peak, {1} busy ({2} samples)\n",
                M.Seen.PeakThreads, V.BusyThreads, M.Seen.Count);
  std::vector<const ThreadUsage *> Threads = threadsByCpu(M.Seen);
  for (const ThreadUsage *T : ArrayRef(Threads).take_front(TextThreadLimit))
    OS << formatv("    {0}/{1} {2}: {3:F3} s CPU (user {4:F3}, system "
                  "{5:F3}), {6:F3} s waiting for a CPU, {7} voluntary and "
                  "{8} involuntary switches\n",
                  T->Pid, T->Tid, T->Name, T->cpuSeconds(), T->UserSeconds,
                  T->SystemSeconds, T->CpuWaitSeconds, T->VoluntarySwitches,
                  T->InvoluntarySwitches);
  if (Threads.size() > TextThreadLimit)
    OS << "    and " << Threads.size() - TextThreadLimit
       << " more (--format=json lists all)\n";
}

static void printText(const Measurement &M, const Verdict &V, raw_ostream &OS) {
  OS << "boundwise measure: " << joinCommand(M.Command) << " " << describeEnd(M)
     << "\n";
  OS << formatv("  wall time         {0:F3} s\n", M.WallSeconds);
  OS << formatv("  CPU time          {0:F3} s (user {1:F3} s, system {2:F3} "
                "s), with the children it waited for\n",
                M.cpuSeconds(), M.UserSeconds, M.SystemSeconds);
  OS << formatv("  cores busy        {0:F2} (CPU time / wall time)\n",
                V.CoresBusy);
  OS << formatv("  cores wanted      {0:F2} (also counting {1:F3} s "
                "preempted, waiting for a CPU to go on)\n",
                V.CoresWanted, V.PreemptedWaitSeconds);
  OS << formatv("  context switches  {0} voluntary (waits), {1} involuntary "
                "(preempted)\n",
                M.VoluntarySwitches, M.InvoluntarySwitches);
  if (M.Io)
    OS << "  bytes             read " << formatBytes(M.Io->CharsRead)
       << ", written " << formatBytes(M.Io->CharsWritten)
       << " (rchar/wchar: read and write calls); storage read "
       << formatBytes(M.Io->StorageRead) << ", written "
       << formatBytes(M.Io->StorageWritten) << " (read_bytes/write_bytes)\n";
  printThreadsText(M, V, OS);
  for (const std::string &Note : V.Notes)
    OS << "note: " << Note << "\n";
  OS << "verdict: " << kindName(V.Kind) << ": " << V.Detail << "\n";
  OS << "model that fits: " << V.Model << "\n";
}

/// \p Value to the nearest 1/\p Scale, for short numbers in JSON (dividing
/// by the scale, not multiplying by a unit, prints 0.009 and not
/// 0.009000000000000001).
static double rounded(double Value, double Scale) {
  return std::round(Value * Scale) / Scale;
}

static json threadJson(const ThreadUsage &T) {
  return json{
      {"pid", T.Pid},
      {"tid", T.Tid},
      {"name", T.Name},
      {"cpu_seconds", rounded(T.cpuSeconds(), 1000)},
      {"user_seconds", rounded(T.UserSeconds, 1000)},
      {"system_seconds", rounded(T.SystemSeconds, 1000)},
      {"cpu_wait_seconds", rounded(T.CpuWaitSeconds, 1000)},
      {"preempted_wait_seconds", rounded(T.preemptedWaitSeconds(), 1000)},
      {"voluntary_switches", T.VoluntarySwitches},
      {"involuntary_switches", T.InvoluntarySwitches}};
}

static json ioJson(const std::optional<IoCounters> &Io) {
  if (!Io)
    return nullptr;
  return json{{"counters", IoCountersUsed},
              {"read_bytes", Io->CharsRead},
              {"written_bytes", Io->CharsWritten},
              {"storage_read_bytes", Io->StorageRead},
              {"storage_written_bytes", Io->StorageWritten}};
}

static void printJson(const Measurement &M, const Verdict &V, raw_ostream &OS) {
  json Threads = json::array();
  for (const ThreadUsage *T : threadsByCpu(M.Seen))
    Threads.push_back(threadJson(*T));
  json Report = {
      {"command", M.Command},
      {"exit_code", M.ExitCode},
      {"signal", M.Signal ? json(M.Signal) : json(nullptr)},
      {"wall_seconds", rounded(M.WallSeconds, 1000)},
      {"user_seconds", rounded(M.UserSeconds, 1000)},
      {"system_seconds", rounded(M.SystemSeconds, 1000)},
      {"cpu_seconds", rounded(M.cpuSeconds(), 1000)},
      {"cpu_wait_seconds", rounded(V.CpuWaitSeconds, 1000)},
      {"preempted_wait_seconds", rounded(V.PreemptedWaitSeconds, 1000)},
      {"cores_busy", rounded(V.CoresBusy, 100)},
      {"cores_wanted", rounded(V.CoresWanted, 100)},
      {"context_switches",
       {{"voluntary", M.VoluntarySwitches},
        {"involuntary", M.InvoluntarySwitches}}},
      {"io", ioJson(M.Io)},
      {"threads",
       {{"peak", M.Seen.PeakThreads},
        {"busy", V.BusyThreads},
        {"samples", M.Seen.Count},
        {"sample_interval_ms", SampleIntervalMs},
        {"per_thread", std::move(Threads)}}},
      {"verdict", kindName(V.Kind).str()},
      {"detail", V.Detail},
      {"model", V.Model},
      {"notes", V.Notes}};
  // Thread names and arguments need not be UTF-8; never abort on them.
  OS << Report.dump(2, ' ', /*ensure_ascii=*/false,
                    json::error_handler_t::replace)
     << "\n";
}

//===----------------------------------------------------------------------===//
// The command
//===----------------------------------------------------------------------===//

int boundwise::runMeasure(int Argc, const char **Argv) {
  ArrayRef<const char *> Args(Argv + 2, Argv + std::max(Argc, 2));
  const auto *Separator =
      find_if(Args, [](const char *Arg) { return StringRef(Arg) == "--"; });
  if (any_of(ArrayRef<const char *>(Args.begin(), Separator), isHelpOption)) {
    outs() << Usage;
    return 0;
  }
  MeasureOptions Options;
  std::string Error;
  if (!parseArguments(Args, Options, Error))
    return usageError(Error);

  // Opened before the run, so that a bad path fails before the work does.
  std::unique_ptr<raw_fd_ostream> File;
  if (!Options.OutputPath.empty()) {
    std::error_code EC;
    File = std::make_unique<raw_fd_ostream>(Options.OutputPath, EC,
                                            sys::fs::OF_Text);
    if (EC) {
      errs() << "boundwise: error: cannot write '" << Options.OutputPath
             << "': " << EC.message() << "\n";
      return 2;
    }
  }

  Measurement M;
  int Errno = 0;
  if (!runAndMeasure(Options, M, Errno)) {
    errs() << "boundwise: error: cannot run '" << Options.Command.front()
           << "': " << std::strerror(Errno) << "\n";
    // The shells' codes, as env(1) and time(1) use them.
    return Errno == ENOENT ? 127 : 126;
  }
  Verdict V = judge(M);
  raw_ostream &OS = File ? static_cast<raw_ostream &>(*File) : errs();
  if (Options.Format == ReportFormat::Json)
    printJson(M, V, OS);
  else
    printText(M, V, OS);
  return M.ExitCode;
}
