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
  forEachStart(
      State, isBlocking, [](const AsyncContext &C) { return C.isAsync(); },
      [](const AsyncContext &) { return Mode::Any; },
      [&](const AsyncContext &Context, const FunctionSummary &Summary,
          const ChainStart &Start) {
        const EffectOp *Op = lastOp(Start, State.Summaries);
        Out.push_back(
            chainFinding(RuleName, Start,
                         describeContext(Context, Summary.Name) + ", but " +
                             describeStart(Start, isBlocking, State.Summaries) +
                             " and stalls " + loopOf(Context).str() + "; " +
                             advice(*Op, Context, State.Lookup.catalog()),
                         ConcurrencyModel::Async, State));
      },
      Out);
}
