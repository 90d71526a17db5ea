//===--- ProcFiles.cpp - What /proc says of a thread ----------------------===//
#include "analyzer/measure/ProcFiles.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallString.h"
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace boundwise;
using namespace llvm;

bool boundwise::readProcFile(const Twine &Path, std::string &Text) {
  SmallString<128> Storage;
  int Fd = open(Path.toNullTerminatedStringRef(Storage).data(),
                O_RDONLY | O_CLOEXEC);
  if (Fd < 0)
    return false;
  Text.clear();
  char Buffer[4096];
  ssize_t Read;
  do {
    Read = read(Fd, Buffer, sizeof(Buffer));
    if (Read > 0)
      Text.append(Buffer, static_cast<size_t>(Read));
  } while (Read > 0 || (Read < 0 && errno == EINTR));
  close(Fd);
  return Read == 0;
}

bool boundwise::parseStat(StringRef Text, ThreadUsage &Thread) {
  size_t Open = Text.find('(');
  size_t Close = Text.rfind(')');
  if (Open == StringRef::npos || Close == StringRef::npos || Close < Open)
    return false;
  Thread.Name = Text.slice(Open + 1, Close).str();
  SmallVector<StringRef, 52> Fields;
  Text.drop_front(Close + 1).split(Fields, ' ', /*MaxSplit=*/-1,
                                   /*KeepEmpty=*/false);
  // Fields[0] is field 3 (state), so utime (14) and stime (15) are 11, 12.
  unsigned long long UserTicks, SystemTicks;
  if (Fields.size() < 13 || Fields[11].getAsInteger(10, UserTicks) ||
      Fields[12].getAsInteger(10, SystemTicks))
    return false;
  static const double TicksPerSecond =
      static_cast<double>(sysconf(_SC_CLK_TCK));
  Thread.UserSeconds = static_cast<double>(UserTicks) / TicksPerSecond;
  Thread.SystemSeconds = static_cast<double>(SystemTicks) / TicksPerSecond;
  return true;
}

bool boundwise::parseSchedstat(StringRef Text, ThreadUsage &Thread) {
  SmallVector<StringRef, 3> Fields;
  Text.trim().split(Fields, ' ', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  unsigned long long RunNanoseconds, WaitNanoseconds;
  if (Fields.size() < 2 || Fields[0].getAsInteger(10, RunNanoseconds) ||
      Fields[1].getAsInteger(10, WaitNanoseconds))
    return false;
  Thread.OnCpuSeconds = static_cast<double>(RunNanoseconds) / 1e9;
  Thread.CpuWaitSeconds = static_cast<double>(WaitNanoseconds) / 1e9;
  return true;
}

/// Calls \p Each with every `key: number` line of \p Text (status, io);
/// lines whose value is not a number are skipped.
static void forEachCount(StringRef Text,
                         function_ref<void(StringRef, uint64_t)> Each) {
  SmallVector<StringRef, 64> Lines;
  Text.split(Lines, '\n', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef Line : Lines) {
    auto [Key, Value] = Line.split(':');
    uint64_t Number;
    if (!Value.trim().getAsInteger(10, Number))
      Each(Key, Number);
  }
}

void boundwise::parseSwitches(StringRef Text, ThreadUsage &Thread) {
  forEachCount(Text, [&](StringRef Key, uint64_t Number) {
    if (Key == "voluntary_ctxt_switches")
      Thread.VoluntarySwitches = Number;
    else if (Key == "nonvoluntary_ctxt_switches")
      Thread.InvoluntarySwitches = Number;
  });
}

void boundwise::appendPids(StringRef Text, SmallVectorImpl<int> &Pids) {
  SmallVector<StringRef, 8> Fields;
  Text.split(Fields, ' ', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef Field : Fields) {
    int Pid;
    if (!Field.trim().getAsInteger(10, Pid))
      Pids.push_back(Pid);
  }
}

IoCounters boundwise::parseIo(StringRef Text) {
  IoCounters Counters;
  Counters.TextSize = Text.size();
  forEachCount(Text, [&](StringRef Key, uint64_t Number) {
    if (Key == "rchar")
      Counters.CharsRead = Number;
    else if (Key == "wchar")
      Counters.CharsWritten = Number;
    else if (Key == "read_bytes")
      Counters.StorageRead = Number;
    else if (Key == "write_bytes")
      Counters.StorageWritten = Number;
  });
  return Counters;
}
