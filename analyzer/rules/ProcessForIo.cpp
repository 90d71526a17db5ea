//===--- ProcessForIo.cpp - process-for-io rule ---------------------------===//
#include "analyzer/rules/ProcessForIo.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/LineSource.h"
#include "analyzer/ChainReport.h"

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
                   "')" + perItem(Spawn) + " whose work is pure I/O: " +
                   Prescription.str();
  Result.SuggestedModel = "threads";
  Out.push_back(std::move(Result));
}

/// fork(): the child's branch blocks on I/O and computes nothing heavy.
static void checkForkChild(const AsyncContext &Spawn,
                           const AnalysisState &State,
                           std::vector<Finding> &Out) {
  const FunctionSummary *Summary =
      State.Summaries.find(State.Lookup.identity(Spawn.Function));
  if (!Summary || Summary->reachOf(Category::Cpu, Mode::ForkChild))
    return;
  const BlockingReach *Reach =
      Summary->shortestReach(isBlocking, Mode::ForkChild);
  if (!Reach)
    return;
  std::vector<ChainStep> Chain =
      State.Summaries.chain(Summary->Usr, Reach->Cat, Mode::ForkChild);
  Finding Result;
  Result.Rule = RuleName.str();
  Result.Loc = State.Lines.locate(Spawn.SubmitLoc);
  Result.Message = "the child forked here" + perItem(Spawn) + " only " +
                   categoryVerb(Reach->Cat).str() + " (" +
                   Chain.back().Op->Api + "): " + Prescription.str();
  Result.SuggestedModel = "threads";
  Result.Notes =
      chainNotes(Summary->Usr, Reach->Cat, Mode::ForkChild, State);
  Out.push_back(std::move(Result));
}

void ProcessForIo::check(const AnalysisState &State,
                         std::vector<Finding> &Out) const {
  for (const AsyncContext &Spawn : State.Contexts) {
    if (Spawn.Kind != ContextKind::ProcessSpawn)
      continue;
    if (Spawn.SpawnKind == "fork")
      checkForkChild(Spawn, State, Out);
    else
      checkCommand(Spawn, State, Out);
  }
}
