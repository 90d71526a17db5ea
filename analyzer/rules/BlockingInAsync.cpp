//===--- BlockingInAsync.cpp - blocking-in-async rule ---------------------===//
#include "analyzer/rules/BlockingInAsync.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/LineSource.h"

#include "llvm/ADT/STLExtras.h"
#include <set>

using namespace boundwise;

static constexpr llvm::StringLiteral RuleName = "blocking-in-async";

/// `use <the async form> or offload it: <how>`, for the library of the
/// context's event loop.
static std::string advice(const BlockingOp &Op, const AsyncContext &Context,
                          const Catalog &TheCatalog) {
  auto Alternative = Op.Alternative.find(Context.Library);
  if (Alternative == Op.Alternative.end())
    Alternative = Op.Alternative.find("generic");
  std::string Use = Alternative == Op.Alternative.end()
                        ? std::string("an asynchronous form")
                        : Alternative->second;
  std::string Offload = "move the call to a worker thread pool";
  if (const Advice *Library = TheCatalog.adviceFor(Context.Library)) {
    const std::string &Form = Context.Kind == ContextKind::Coroutine
                                  ? Library->Coroutine
                                  : Library->Handler;
    if (!Form.empty())
      Offload = Form;
  }
  return "use " + Use + " or offload it: " + Offload;
}

/// `'read_profile' calls 'std::ifstream', which opens a file (blocking
/// file I/O)`: the last step of a chain.
static std::string describeOp(const FunctionSummary &Function,
                              const BlockingOp &Op) {
  std::string Text =
      "'" + Function.Name + "' calls '" + Op.Api + "', which " + Op.What;
  if (Op.Cat != Category::Declared)
    Text += " (" + categoryNoun(Op.Cat).str() + ")";
  return Text;
}

/// The warning for a blocking operation made by the context itself.
static Finding directFinding(const std::string &ContextText,
                             const BlockingOp &Op, const AsyncContext &Context,
                             const AnalysisState &State) {
  Finding Result;
  Result.Rule = RuleName.str();
  Result.Loc = State.Lines.locate(Op.Loc);
  Result.Message = ContextText + ", but it calls '" + Op.Api + "', which " +
                   Op.What + " and stalls the event loop; " +
                   advice(Op, Context, State.Lookup.catalog());
  Result.SuggestedModel = "async";
  return Result;
}

/// `sleeps (sleep), blocks on the database (sqlite3_exec)`: every kind of
/// blocking \p Callee reaches, the nearest first.
static std::string describeReaches(const FunctionSummary &Callee,
                                   const SummaryIndex &Summaries) {
  std::vector<const BlockingReach *> Reaches;
  for (const BlockingReach &Reach : Callee.Reaches)
    Reaches.push_back(&Reach);
  llvm::stable_sort(Reaches, [](const BlockingReach *A, const BlockingReach *B) {
    return A->Depth < B->Depth;
  });
  std::string Text;
  for (const BlockingReach *Reach : Reaches) {
    std::vector<ChainStep> Chain = Summaries.chain(Callee.Usr, Reach->Cat);
    if (Chain.empty())
      continue;
    if (!Text.empty())
      Text += ", ";
    Text += categoryVerb(Reach->Cat).str() + " (" + Chain.back().Op->Api + ")";
  }
  return Text;
}

/// The warning for a call from the context that blocks further down, with
/// one note per further step of the shortest chain.
static Finding chainFinding(const std::string &ContextText,
                            const CallEdge &Call,
                            const std::vector<ChainStep> &Chain,
                            const AsyncContext &Context,
                            const AnalysisState &State) {
  const FunctionSummary &Callee = *Chain.front().Function;
  const BlockingOp &Op = *Chain.back().Op;
  Finding Result;
  Result.Rule = RuleName.str();
  Result.Loc = State.Lines.locate(Call.Loc);
  Result.Message = ContextText + ", but '" + Callee.Name + "' " +
                   describeReaches(Callee, State.Summaries) +
                   " and stalls the event loop; " +
                   advice(Op, Context, State.Lookup.catalog());
  Result.SuggestedModel = "async";
  for (const ChainStep &Step : Chain) {
    if (Step.Op) {
      Result.Notes.push_back({State.Lines.locate(Step.Op->Loc),
                              describeOp(*Step.Function, *Step.Op)});
      continue;
    }
    const FunctionSummary *Next = State.Summaries.find(Step.Call->CalleeUsr);
    Result.Notes.push_back({State.Lines.locate(Step.Call->Loc),
                            "'" + Step.Function->Name + "' calls '" +
                                (Next ? Next->Name : std::string("?")) + "'"});
  }
  return Result;
}

void BlockingInAsync::check(const AnalysisState &State,
                            std::vector<Finding> &Out) const {
  // A coroutine called from another context reports its own findings; the
  // caller's co_await of it is not a second finding.
  std::set<std::string> ContextUsrs;
  for (const AsyncContext &Context : State.Contexts)
    ContextUsrs.insert(State.Lookup.identity(Context.Function));

  for (const AsyncContext &Context : State.Contexts) {
    const FunctionSummary *Summary =
        State.Summaries.find(State.Lookup.identity(Context.Function));
    if (!Summary)
      continue;
    std::string ContextText = describeContext(Context, Summary->Name);
    for (const BlockingOp &Op : Summary->Ops)
      Out.push_back(directFinding(ContextText, Op, Context, State));
    for (const CallEdge &Call : Summary->Calls) {
      if (ContextUsrs.count(Call.CalleeUsr))
        continue;
      std::vector<ChainStep> Chain = State.Summaries.chain(Call.CalleeUsr);
      if (Chain.empty())
        continue;
      Out.push_back(chainFinding(ContextText, Call, Chain, Context, State));
    }
  }
}
