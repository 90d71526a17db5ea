//===--- CpuHoldingGil.cpp - cpu-holding-gil rule -------------------------===//
#include "analyzer/rules/CpuHoldingGil.h"
#include "analyzer/ChainReport.h"
#include "analyzer/DeclLookup.h"

using namespace boundwise;

static constexpr llvm::StringLiteral RuleName = "cpu-holding-gil";

static bool isCpu(Category Cat) { return Cat == Category::Cpu; }

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
  for (const AsyncContext &Entry : State.Contexts) {
    if (Entry.Kind != ContextKind::PythonEntry)
      continue;
    const FunctionSummary *Summary =
        State.Summaries.find(State.Lookup.identity(Entry.Function));
    if (!Summary)
      continue;
    bool Touches =
        touchesPythonWhenReleased(Entry, *Summary, State.Summaries);
    std::string EntryText = describeContext(Entry, Summary->Name);
    for (const ChainStart &Start : chainStarts(
             *Summary, pythonEntryMode(Entry), isCpu, State.Summaries)) {
      std::string What =
          Start.Op ? "it " + opPhrase(*Start.Op)
                   : "'" + Start.Callee->Name + "' " +
                         describeReaches(Start, isCpu, State.Summaries);
      Finding Result = chainFinding(
          RuleName, Start,
          EntryText + ", but " + What +
              ": Python threads calling it run one at a time; " +
              advice(Entry, Touches),
          Touches ? "processes" : "threads", State);
      if (!Touches)
        Result.Fixes = releaseFix(Entry);
      Out.push_back(std::move(Result));
    }
  }
}
