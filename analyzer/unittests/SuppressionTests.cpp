//===--- SuppressionTests.cpp - NOLINT comments ---------------------------===//
//
// Which findings clang-tidy's NOLINT comments suppress: on the line, on the
// line above, and inside NOLINTBEGIN/NOLINTEND regions, with rule globs.
//
//===----------------------------------------------------------------------===//
#include "analyzer/Suppression.h"
#include "llvm/ADT/SmallVector.h"
#include "gtest/gtest.h"

using namespace boundwise;

namespace {

/// Whether a finding of \p Rule on \p Line of \p Text is suppressed.
bool suppressed(llvm::StringRef Text, unsigned Line, llvm::StringRef Rule) {
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  Text.split(Lines, '\n');
  auto LineAt = [&](unsigned L) {
    return L >= 1 && L <= Lines.size() ? Lines[L - 1] : llvm::StringRef();
  };
  return isSuppressed(LineAt, Line, Rule, NolintRegions(Text));
}

const char *Lines = "f(); // NOLINT\n"
                    "g(); // NOLINT(cpu-*)\n"
                    "// NOLINTNEXTLINE(blocking-in-async)\n"
                    "h();\n"
                    "i(); // NOLINTNEXTLINE(cpu-*)\n"
                    "j();\n";

} // namespace

TEST(SuppressionTest, MarkersOnTheLineAndTheLineAbove) {
  EXPECT_TRUE(suppressed(Lines, 1, "blocking-in-async"));
  EXPECT_TRUE(suppressed(Lines, 2, "cpu-in-async"));
  EXPECT_FALSE(suppressed(Lines, 2, "blocking-in-async"));
  EXPECT_TRUE(suppressed(Lines, 4, "blocking-in-async"));
  EXPECT_FALSE(suppressed(Lines, 4, "cpu-in-async"));
  // NOLINTNEXTLINE is not a NOLINT of its own line.
  EXPECT_FALSE(suppressed(Lines, 5, "cpu-in-async"));
  EXPECT_TRUE(suppressed(Lines, 6, "cpu-in-async"));
}

TEST(SuppressionTest, RegionsNestAndEndPerRule) {
  const char *Regions = "// NOLINTBEGIN(cpu-in-async)\n" // 1
                        "a();\n"                         // 2
                        "// NOLINTBEGIN\n"               // 3
                        "b();\n"                         // 4
                        "// NOLINTEND\n"                 // 5
                        "c();\n"                         // 6
                        "// NOLINTEND(cpu-in-async)\n"   // 7
                        "d();\n";                        // 8
  EXPECT_TRUE(suppressed(Regions, 2, "cpu-in-async"));
  EXPECT_FALSE(suppressed(Regions, 2, "blocking-in-async"));
  EXPECT_TRUE(suppressed(Regions, 4, "blocking-in-async"));
  EXPECT_FALSE(suppressed(Regions, 6, "blocking-in-async"));
  EXPECT_TRUE(suppressed(Regions, 6, "cpu-in-async"));
  EXPECT_FALSE(suppressed(Regions, 8, "cpu-in-async"));
}

TEST(SuppressionTest, AnEndWithoutABeginEndsNothing) {
  const char *Stray = "// NOLINTEND\n"
                      "// NOLINTBEGIN\n"
                      "a();\n";
  EXPECT_TRUE(suppressed(Stray, 3, "cpu-in-async"));
}
