//===--- BlockingInAsync.cpp - blocking-in-async rule ---------------------===//
#include "analyzer/rules/BlockingInAsync.h"
#include "analyzer/ChainReport.h"
#include "analyzer/DeclLookup.h"

using namespace boundwise;

static constexpr llvm::StringLiteral RuleName = "blocking-in-async";

/// `use <the async form> or offload it: <how>`, for the library of the
/// context's event loop.
static std::string advice(const EffectOp &Op, const AsyncContext &Context,
                          const Catalog &TheCatalog) {
  auto Alternative = Op.Alternative.find(Context.Library);
  if (Alternative == Op.Alternative.end())
    Alternative = Op.Alternative.find("generic");
  std::string Use = Alternative == Op.Alternative.end()
                        ? std::string("an asynchronous form")
                        : Alternative->second;
  return "use " + Use + " or offload it: " +
         offloadAdvice(Context, TheCatalog,
                       "move the call to a worker thread pool");
}

void BlockingInAsync::check(const AnalysisState &State,
                            std::vector<Finding> &Out) const {
  // A coroutine called from another context reports its own findings; the
  // caller's co_await of it is not a second finding.
  std::set<std::string> AsyncUsrs = asyncContextUsrs(State);
  for (const AsyncContext &Context : State.Contexts) {
    if (!Context.isAsync())
      continue;
    const FunctionSummary *Summary =
        State.Summaries.find(State.Lookup.identity(Context.Function));
    if (!Summary)
      continue;
    std::string ContextText = describeContext(Context, Summary->Name);
    for (const ChainStart &Start : chainStarts(*Summary, Mode::Any, isBlocking,
                                               State.Summaries, AsyncUsrs)) {
      const EffectOp *Op = lastOp(Start, State.Summaries);
      std::string What =
          Start.Op ? "it " + opPhrase(*Op)
                   : "'" + Start.Callee->Name + "' " +
                         describeReaches(Start, isBlocking, State.Summaries);
      Out.push_back(chainFinding(
          RuleName,
          Start,
          ContextText + ", but " + What + " and stalls the event loop; " +
              advice(*Op, Context, State.Lookup.catalog()),
          "async", State));
    }
  }
}
