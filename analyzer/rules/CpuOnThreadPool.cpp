//===--- CpuOnThreadPool.cpp - cpu-on-thread-pool rule --------------------===//
#include "analyzer/rules/CpuOnThreadPool.h"
#include "analyzer/ChainReport.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/LineSource.h"

using namespace boundwise;

static constexpr llvm::StringLiteral RuleName = "cpu-on-thread-pool";

/// The shared lock held along \p Start's chain: at the start, or at the
/// first step below that holds one.
static std::string lockAlong(const ChainStart &Start,
                             const SummaryIndex &Summaries) {
  if (!Start.state().Lock.empty() || !Start.Callee)
    return Start.state().Lock;
  for (const ChainStep &Step :
       Summaries.chain(Start.Callee->Usr, Start.Cat, Start.CalleeMode)) {
    const PointState &Here = Step.Op ? Step.Op->State : Step.Call->State;
    if (!Here.Lock.empty())
      return Here.Lock;
  }
  return "";
}

/// `it computes for long (SHA256)` or `'hash_all' computes for long (...)`.
static std::string whoComputes(const ChainStart &Start,
                               const SummaryIndex &Summaries) {
  if (Start.Op)
    return "it computes for long (" + Start.Op->Api + ")";
  return "'" + Start.Callee->Name + "' " +
         describeReaches(Start, isCpu, Summaries);
}

static void checkSerialized(const AsyncContext &Task,
                            const FunctionSummary &Summary,
                            const AnalysisState &State,
                            std::vector<Finding> &Out) {
  std::string TaskText = describeContext(Task, Summary.Name);
  for (const ChainStart &Start :
       chainStarts(Summary, Mode::UnderLock, isCpu, State.Summaries))
    Out.push_back(chainFinding(
        RuleName, Start,
        TaskText + ", but " + whoComputes(Start, State.Summaries) +
            " while holding '" + lockAlong(Start, State.Summaries) +
            "', a lock every task shares: the tasks run one at a time; hold "
            "the lock only to merge results",
        ConcurrencyModel::Threads, State));
  for (const ChainStart &Start :
       chainStarts(Summary, Mode::GilAcquired, isCpu, State.Summaries))
    Out.push_back(chainFinding(
        RuleName, Start,
        TaskText + ", but " + whoComputes(Start, State.Summaries) +
            " while holding the GIL: the tasks run one at a time; release "
            "the GIL (py::gil_scoped_release) around the computation, or use "
            "processes",
        ConcurrencyModel::Processes, State));
}

/// A thread per item of a loop, for CPU work: more threads than cores.
static void checkThreadPerItem(const AsyncContext &Task,
                               const FunctionSummary &Summary,
                               const AnalysisState &State,
                               std::vector<Finding> &Out) {
  std::vector<ChainStep> Chain =
      State.Summaries.chain(Summary.Usr, Category::Cpu);
  if (Chain.empty())
    return;
  for (const SourcePoint &Site : Task.ThreadPerItemSites) {
    Finding Result;
    Result.Rule = RuleName.str();
    Result.Loc = State.Lines.locate(Site);
    Result.Message =
        "a new thread is started per item of this loop, and '" + Summary.Name +
        "' computes for long (" + Chain.back().Op->Api +
        "): more threads than cores only adds overhead; use a pool sized to "
        "the cores (std::thread::hardware_concurrency())";
    Result.SuggestedModel = ConcurrencyModel::Threads;
    Result.Notes = chainNotes(Summary.Usr, Category::Cpu, Mode::Any, State);
    Out.push_back(std::move(Result));
  }
}

void CpuOnThreadPool::check(const AnalysisState &State,
                            std::vector<Finding> &Out) const {
  for (const AsyncContext &Task : State.Contexts) {
    if (Task.Kind != ContextKind::PoolTask)
      continue;
    const FunctionSummary *Summary =
        State.Summaries.find(State.Lookup.identity(Task.Function));
    if (!Summary)
      continue;
    checkSerialized(Task, *Summary, State, Out);
    checkThreadPerItem(Task, *Summary, State, Out);
  }
}
