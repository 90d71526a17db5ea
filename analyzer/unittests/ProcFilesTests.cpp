//===--- ProcFilesTests.cpp - What /proc says of a thread -----------------===//
//
// boundwise measure's parsing of /proc text: a thread's stat (a name with
// spaces and parentheses), schedstat, status and children, and io.
//
//===----------------------------------------------------------------------===//
#include "analyzer/measure/ProcFiles.h"
#include "gtest/gtest.h"

#include <cstring>
#include <unistd.h>

using namespace boundwise;

TEST(ProcFilesTest, StatNameMayHoldSpacesAndParentheses) {
  double Ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  ThreadUsage Thread;
  ASSERT_TRUE(parseStat("4242 (my (odd) name) R 1 2 3 4 5 6 7 8 9 10 250 "
                        "50 0 0 20 0 1 0 100",
                        Thread));
  EXPECT_EQ(Thread.Name, "my (odd) name");
  EXPECT_DOUBLE_EQ(Thread.UserSeconds, 250 / Ticks);
  EXPECT_DOUBLE_EQ(Thread.SystemSeconds, 50 / Ticks);
}

TEST(ProcFilesTest, StatWithoutItsFieldsIsRejected) {
  ThreadUsage Thread;
  EXPECT_FALSE(parseStat("4242 (short) R 1 2 3", Thread));
  EXPECT_FALSE(parseStat("no parentheses at all", Thread));
}

TEST(ProcFilesTest, SchedstatGivesTimeOnACpuAndWaitingForOne) {
  ThreadUsage Thread;
  ASSERT_TRUE(parseSchedstat("1500000000 250000000 42\n", Thread));
  EXPECT_DOUBLE_EQ(Thread.OnCpuSeconds, 1.5);
  EXPECT_DOUBLE_EQ(Thread.CpuWaitSeconds, 0.25);
  EXPECT_DOUBLE_EQ(Thread.cpuSeconds(), 1.5);
  EXPECT_FALSE(parseSchedstat("garbage", Thread));
}

TEST(ProcFilesTest, StatusGivesBothKindsOfSwitches) {
  ThreadUsage Thread;
  parseSwitches("Name:\tworker\nvoluntary_ctxt_switches:\t30\n"
                "nonvoluntary_ctxt_switches:\t10\n",
                Thread);
  EXPECT_EQ(Thread.VoluntarySwitches, 30u);
  EXPECT_EQ(Thread.InvoluntarySwitches, 10u);
  // A quarter of the switches were preemptions: a quarter of the wait.
  Thread.CpuWaitSeconds = 2;
  EXPECT_DOUBLE_EQ(Thread.preemptedWaitSeconds(), 0.5);
}

TEST(ProcFilesTest, ChildrenAreSpaceSeparatedPids) {
  llvm::SmallVector<int, 4> Pids;
  appendPids("12 345 6789 \n", Pids);
  EXPECT_EQ(Pids, (llvm::SmallVector<int, 4>{12, 345, 6789}));
}

TEST(ProcFilesTest, IoCountersByName) {
  const char *Text = "rchar: 100\nwchar: 200\nsyscr: 3\nsyscw: 4\n"
                     "read_bytes: 4096\nwrite_bytes: 8192\n"
                     "cancelled_write_bytes: 0\n";
  IoCounters Io = parseIo(Text);
  EXPECT_EQ(Io.CharsRead, 100u);
  EXPECT_EQ(Io.CharsWritten, 200u);
  EXPECT_EQ(Io.StorageRead, 4096u);
  EXPECT_EQ(Io.StorageWritten, 8192u);
  EXPECT_EQ(Io.TextSize, strlen(Text));
}
