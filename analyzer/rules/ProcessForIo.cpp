//===--- ProcessForIo.cpp - process-for-io rule ---------------------------===//
#include "analyzer/rules/ProcessForIo.h"
#include "analyzer/ChainReport.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/LineSource.h"

using namespace boundwise;

static constexpr llvm::StringLiteral RuleName = "process-for-io";

static constexpr llvm::StringLiteral Prescription =
    "a process per wait costs memory and start-up for nothing; use threads "
    "for dozens to hundreds of waits, async for thousands (libcurl multi, "
    "Asio)";

static std::string perItem(const AsyncContext &Spawn) {
  return Spawn.InLoop ? " for each item of this loop" : "";
}

/// `system("curl ...")`: a command whose program only does I/O.
static void checkCommand(const AsyncContext &Spawn, const AnalysisState &State,
                         std::vector<Finding> &Out) {
  if (Spawn.Program.empty() ||
      !State.Lookup.catalog().isIoOnlyProgram(Spawn.Program))
    return;
  Finding Result;
  Result.Rule = RuleName.str();
  Result.Loc = State.Lines.locate(Spawn.SubmitLoc);
  Result.Message = "'" + Spawn.Api + "' starts a process ('" + Spawn.Program +
                   "')" + perItem(Spawn) +
                   " whose work is pure I/O: " + Prescription.str();
  Result.SuggestedModel = ConcurrencyModel::Threads;
  Out.push_back(std::move(Result));
}

/// The places in \p Function where the child of the fork at \p Site starts
/// a chain to an operation of a category \p Accept takes.
static std::vector<ChainStart> childStarts(const FunctionSummary &Function,
                                           const std::string &Site,
                                           CategoryFilter Accept,
                                           const SummaryIndex &Summaries) {
  std::vector<ChainStart> Starts;
  for (const EffectOp &Op : Function.Ops)
    if (Op.State.ForkChildOf == Site && Accept(Op.Cat))
      Starts.push_back({&Op, nullptr, nullptr, Mode::Any, Op.Cat});
  for (const CallEdge &Call : Function.Calls) {
    const FunctionSummary *Callee = Summaries.find(Call.CalleeUsr);
    if (Call.State.ForkChildOf != Site || !Callee)
      continue;
    if (const BlockingReach *Reach = Callee->shortestReach(Accept))
      Starts.push_back({nullptr, &Call, Callee, Mode::Any, Reach->Cat});
  }
  return Starts;
}

/// fork(): the child's code blocks on I/O and computes nothing heavy. A
/// child that execs is the program it runs (checkCommand judges it).
static void checkForkChild(const AsyncContext &Spawn,
                           const AnalysisState &State,
                           std::vector<Finding> &Out) {
  const FunctionSummary *Summary =
      State.Summaries.find(State.Lookup.identity(Spawn.Function));
  if (!Summary)
    return;
  const SourcePoint &At = Spawn.SubmitLoc;
  std::string Site =
      At.File + ":" + std::to_string(At.Line) + ":" + std::to_string(At.Column);
  if (Summary->ExecingForkChildren.count(Site))
    return;
  auto IsCpu = [](Category Cat) { return Cat == Category::Cpu; };
  if (!childStarts(*Summary, Site, IsCpu, State.Summaries).empty())
    return;
  std::vector<ChainStart> Waits =
      childStarts(*Summary, Site, isBlocking, State.Summaries);
  if (Waits.empty())
    return;
  const ChainStart &First = Waits.front();
  const EffectOp *Op = lastOp(First, State.Summaries);
  Finding Result = chainFinding(RuleName, First,
                                "the child forked here" + perItem(Spawn) +
                                    " only " + categoryVerb(Op->Cat).str() +
                                    " (" + Op->Api + "): " + Prescription.str(),
                                ConcurrencyModel::Threads, State);
  // Reported at the fork; the first step of the child is the first note.
  std::string FirstStep = First.Op ? opPhrase(*First.Op) + " (" +
                                         categoryNoun(First.Op->Cat).str() + ")"
                                   : "calls '" + First.Callee->Name + "'";
  Result.Notes.insert(Result.Notes.begin(),
                      {State.Lines.locate(First.loc()),
                       "'" + Summary->Name + "' " + FirstStep});
  Result.Loc = State.Lines.locate(Spawn.SubmitLoc);
  Out.push_back(std::move(Result));
}

void ProcessForIo::check(const AnalysisState &State,
                         std::vector<Finding> &Out) const {
  for (const AsyncContext &Spawn : State.Contexts) {
    if (Spawn.Kind != ContextKind::ProcessSpawn)
      continue;
    if (Spawn.Spawning == SpawnKind::Fork)
      checkForkChild(Spawn, State, Out);
    else
      checkCommand(Spawn, State, Out);
  }
}
