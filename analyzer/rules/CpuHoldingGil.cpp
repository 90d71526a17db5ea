//===--- CpuHoldingGil.cpp - cpu-holding-gil rule -------------------------===//
#include "analyzer/rules/CpuHoldingGil.h"
#include "analyzer/ChainReport.h"

using namespace boundwise;

static constexpr llvm::StringLiteral RuleName = "cpu-holding-gil";

void CpuHoldingGil::check(const AnalysisState &State,
                          std::vector<Finding> &Out) const {
  reportHeldGilWork(
      State, RuleName, isCpu, ": Python threads calling it run one at a time; ",
      [](const AsyncContext &) {
        return std::string(
            "it touches Python objects, so the GIL cannot be released for the "
            "whole call: use processes (multiprocessing) on the Python side");
      },
      Out);
}
