//===--- CpuInAsync.cpp - cpu-in-async rule -------------------------------===//
#include "analyzer/rules/CpuInAsync.h"
#include "analyzer/ChainReport.h"
#include "analyzer/DeclLookup.h"

using namespace boundwise;

static constexpr llvm::StringLiteral RuleName = "cpu-in-async";

void CpuInAsync::check(const AnalysisState &State,
                       std::vector<Finding> &Out) const {
  forEachStart(
      State, isCpu, [](const AsyncContext &C) { return C.isAsync(); },
      [](const AsyncContext &) { return Mode::Any; },
      [&](const AsyncContext &Context, const FunctionSummary &Summary,
          const ChainStart &Start) {
        Out.push_back(chainFinding(
            RuleName, Start,
            describeContext(Context, Summary.Name) + ", but " +
                describeStart(Start, isCpu, State.Summaries) + " and stalls " +
                loopOf(Context).str() + "; offload it to a CPU pool: " +
                offloadAdvice(Context, State.Lookup.catalog(),
                              "a thread pool sized to the cores"),
            ConcurrencyModel::Threads, State));
      },
      Out);
}
