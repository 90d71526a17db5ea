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
    for (const ChainStart &Start :
         chainStarts(*Summary, pythonEntryMode(Entry), isBlocking,
                     State.Summaries)) {
      std::string What =
          Start.Op ? "it " + opPhrase(*Start.Op)
                   : "'" + Start.Callee->Name + "' " +
                         describeReaches(Start, isBlocking, State.Summaries);
      Finding Result = chainFinding(
          RuleName, Start,
          EntryText + ", but " + What +
              " and every Python thread waits meanwhile; " +
              advice(Entry, Touches),
          Touches ? "processes" : "threads", State);
      if (!Touches)
        Result.Fixes = releaseFix(Entry);
      Out.push_back(std::move(Result));
    }
  }
}
