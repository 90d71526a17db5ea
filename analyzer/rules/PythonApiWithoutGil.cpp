//===--- PythonApiWithoutGil.cpp - python-api-without-gil rule ------------===//
#include "analyzer/rules/PythonApiWithoutGil.h"
#include "analyzer/ChainReport.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/LineSource.h"

using namespace boundwise;

static constexpr llvm::StringLiteral RuleName = "python-api-without-gil";

/// The part of a context that runs without the GIL: all of an entry point
/// under a releasing call_guard; the released regions of a function.
static std::optional<Mode> releasedMode(const AsyncContext &Context) {
  if (Context.Kind == ContextKind::PythonEntry && Context.ReleasedByGuard)
    return Mode::GilReleased;
  if (Context.Kind == ContextKind::GilReleasing)
    return Mode::Released;
  return std::nullopt;
}

/// A Python object taken by value under a releasing call_guard: its
/// reference count drops after the body, without the GIL.
static Finding valueParamFinding(const AsyncContext &Entry,
                                 const FunctionSummary &Summary,
                                 const AnalysisState &State) {
  Finding Result;
  Result.Rule = RuleName.str();
  Result.Level = Severity::Error;
  Result.Loc = State.Lines.locate(*Entry.PythonValueParam);
  Result.Message = "'" + Summary.Name + "' takes a '" +
                   Entry.PythonValueParamType +
                   "' by value, whose reference count drops when the call "
                   "returns, while the GIL is released (" +
                   Entry.ReleasedBy +
                   "): touching Python objects without the GIL crashes; take "
                   "it by const reference";
  return Result;
}

void PythonApiWithoutGil::check(const AnalysisState &State,
                                std::vector<Finding> &Out) const {
  for (const AsyncContext &Context : State.Contexts) {
    std::optional<Mode> M = releasedMode(Context);
    if (!M)
      continue;
    const FunctionSummary *Summary =
        State.Summaries.find(State.Lookup.identity(Context.Function));
    if (!Summary)
      continue;
    if (Context.Kind == ContextKind::PythonEntry && Context.PythonValueParam)
      Out.push_back(valueParamFinding(Context, *Summary, State));
    for (const ChainStart &Start :
         chainStarts(*Summary, *M, isPython, State.Summaries)) {
      std::string What = Start.Op
                             ? opPhrase(*Start.Op)
                             : "calls '" + Start.Callee->Name +
                                   "', which touches Python objects (" +
                                   lastOp(Start, State.Summaries)->Api + ")";
      Finding Result = chainFinding(
          RuleName, Start,
          "'" + Summary->Name + "' " + What + " while the GIL is released (" +
              Context.ReleasedBy +
              "): touching Python objects without the GIL crashes; keep this "
              "part under the GIL (py::gil_scoped_acquire)",
          ConcurrencyModel::None, State);
      Result.Level = Severity::Error;
      Out.push_back(std::move(Result));
    }
  }
}
