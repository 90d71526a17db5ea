//===--- IoHoldingGil.cpp - io-holding-gil rule ---------------------------===//
#include "analyzer/rules/IoHoldingGil.h"
#include "analyzer/ChainReport.h"
#include "analyzer/DeclLookup.h"

using namespace boundwise;

static constexpr llvm::StringLiteral RuleName = "io-holding-gil";

/// How to let Python threads run while the entry point waits.
static std::string advice(const AsyncContext &Entry, bool TouchesPython) {
  // CPython's macros release the GIL around a part, so they fit either way.
  if (TouchesPython && Entry.Api != "PyMethodDef")
    return "it touches Python objects, so the GIL cannot be released for the "
           "whole call: release it (py::gil_scoped_release) only around the "
           "blocking part, or use processes (multiprocessing) on the Python "
           "side";
  return releaseAdvice(Entry);
}

void IoHoldingGil::check(const AnalysisState &State,
                            std::vector<Finding> &Out) const {
  forEachStart(
      State, isBlocking,
      [](const AsyncContext &C) { return C.Kind == ContextKind::PythonEntry; },
      pythonEntryMode,
      [&](const AsyncContext &Entry, const FunctionSummary &Summary,
          const ChainStart &Start) {
        bool Touches =
            touchesPythonWhenReleased(Entry, Summary, State.Summaries);
        Finding Result = chainFinding(
            RuleName, Start,
            describeContext(Entry, Summary.Name) + ", but " +
                describeStart(Start, isBlocking, State.Summaries) +
                " and every Python thread waits meanwhile; " + advice(Entry, Touches),
            Touches ? "processes" : "threads", State);
        if (!Touches)
          Result.Fixes = releaseFix(Entry);
        Out.push_back(std::move(Result));
      });
}
