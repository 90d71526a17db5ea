//===--- CpuHoldingGil.cpp - cpu-holding-gil rule -------------------------===//
#include "analyzer/rules/CpuHoldingGil.h"
#include "analyzer/ChainReport.h"
#include "analyzer/DeclLookup.h"

using namespace boundwise;

static constexpr llvm::StringLiteral RuleName = "cpu-holding-gil";

/// How to let Python threads compute in parallel.
static std::string advice(const AsyncContext &Entry, bool TouchesPython) {
  // CPython's macros release the GIL around a part, so they fit either way.
  if (TouchesPython && Entry.Api != "PyMethodDef")
    return "it touches Python objects, so the GIL cannot be released for the "
           "whole call: use processes (multiprocessing) on the Python side";
  return releaseAdvice(Entry);
}

void CpuHoldingGil::check(const AnalysisState &State,
                             std::vector<Finding> &Out) const {
  forEachStart(
      State, isCpu,
      [](const AsyncContext &C) { return C.Kind == ContextKind::PythonEntry; },
      pythonEntryMode,
      [&](const AsyncContext &Entry, const FunctionSummary &Summary,
          const ChainStart &Start) {
        bool Touches =
            touchesPythonWhenReleased(Entry, Summary, State.Summaries);
        Finding Result = chainFinding(
            RuleName, Start,
            describeContext(Entry, Summary.Name) + ", but " +
                describeStart(Start, isCpu, State.Summaries) +
                ": Python threads calling it run one at a time; " + advice(Entry, Touches),
            Touches ? "processes" : "threads", State);
        if (!Touches)
          Result.Fixes = releaseFix(Entry);
        Out.push_back(std::move(Result));
      });
}
