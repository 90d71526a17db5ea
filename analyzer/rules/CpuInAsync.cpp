//===--- CpuInAsync.cpp - cpu-in-async rule -------------------------------===//
#include "analyzer/rules/CpuInAsync.h"
#include "analyzer/ChainReport.h"
#include "analyzer/DeclLookup.h"

using namespace boundwise;

static constexpr llvm::StringLiteral RuleName = "cpu-in-async";

static bool isCpu(Category Cat) { return Cat == Category::Cpu; }

void CpuInAsync::check(const AnalysisState &State,
                       std::vector<Finding> &Out) const {
  std::set<std::string> AsyncUsrs = asyncContextUsrs(State);
  for (const AsyncContext &Context : State.Contexts) {
    if (!Context.isAsync())
      continue;
    const FunctionSummary *Summary =
        State.Summaries.find(State.Lookup.identity(Context.Function));
    if (!Summary)
      continue;
    std::string ContextText = describeContext(Context, Summary->Name);
    std::string Advice = offloadAdvice(Context, State.Lookup.catalog(),
                                       "a thread pool sized to the cores");
    for (const ChainStart &Start : chainStarts(*Summary, Mode::Any, isCpu,
                                               State.Summaries, AsyncUsrs)) {
      std::string What =
          Start.Op ? "it " + opPhrase(*Start.Op)
                   : "'" + Start.Callee->Name + "' " +
                         describeReaches(Start, isCpu, State.Summaries);
      Out.push_back(chainFinding(RuleName, Start,
                                 ContextText + ", but " + What +
                                     " and stalls the event loop; offload "
                                     "it to a CPU pool: " +
                                     Advice,
                                 "threads", State));
    }
  }
}
