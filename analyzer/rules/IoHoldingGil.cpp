//===--- IoHoldingGil.cpp - io-holding-gil rule ---------------------------===//
#include "analyzer/rules/IoHoldingGil.h"
#include "analyzer/ChainReport.h"

using namespace boundwise;

static constexpr llvm::StringLiteral RuleName = "io-holding-gil";

void IoHoldingGil::check(const AnalysisState &State,
                         std::vector<Finding> &Out) const {
  reportHeldGilWork(
      State, RuleName, isBlocking, " and every Python thread waits meanwhile; ",
      [](const AsyncContext &Entry) {
        return "it touches Python objects, so the GIL cannot be released for "
               "the whole call: release it (" +
               releaseScopeName(Entry) +
               ") only around the blocking part, or use processes "
               "(multiprocessing) on the Python side";
      },
      Out);
}
