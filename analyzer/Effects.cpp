//===--- Effects.cpp - Propagation of effect summaries --------------------===//
#include "analyzer/Effects.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <deque>
#include <iterator>

using namespace boundwise;

bool boundwise::countsIn(Mode M, const PointState &State) {
  // A fork's child is another process: its work stalls no event loop and
  // holds no GIL or lock of the parent (process-for-io judges it at the
  // fork).
  if (!State.ForkChildOf.empty())
    return false;
  switch (M) {
  case Mode::Any:
    return true;
  case Mode::GilHeld:
    return State.Gil != GilState::Released;
  case Mode::GilReleased:
    return State.Gil != GilState::Held;
  case Mode::GilAcquired:
    return State.Gil == GilState::Held;
  case Mode::Released:
    return State.Gil == GilState::Released;
  case Mode::UnderLock:
    return !State.Lock.empty();
  }
  llvm_unreachable("covered switch");
}

std::optional<Mode> boundwise::modeAcross(Mode M, const PointState &State) {
  if (!State.ForkChildOf.empty())
    return std::nullopt;
  switch (M) {
  case Mode::Any:
    return Mode::Any;
  case Mode::GilHeld:
    // A callee entered after a release runs without the GIL; its own
    // re-acquired regions are not followed.
    if (State.Gil == GilState::Released)
      return std::nullopt;
    return Mode::GilHeld;
  case Mode::GilReleased:
    if (State.Gil == GilState::Held)
      return std::nullopt;
    return Mode::GilReleased;
  case Mode::GilAcquired:
    if (State.Gil == GilState::Held)
      return Mode::GilHeld;
    if (State.Gil == GilState::Released)
      return std::nullopt;
    return Mode::GilAcquired;
  case Mode::Released:
    if (State.Gil == GilState::Released)
      return Mode::GilReleased;
    return std::nullopt;
  case Mode::UnderLock:
    if (!State.Lock.empty())
      return Mode::Any;
    return Mode::UnderLock;
  }
  llvm_unreachable("covered switch");
}

const BlockingReach *FunctionSummary::reachOf(Category Cat, Mode M) const {
  for (const BlockingReach &Reach : Reaches)
    if (Reach.Cat == Cat && Reach.In == M)
      return &Reach;
  return nullptr;
}

const BlockingReach *
FunctionSummary::shortestReach(llvm::function_ref<bool(Category)> Accept,
                               Mode M) const {
  const BlockingReach *Best = nullptr;
  for (const BlockingReach &Reach : Reaches)
    if (Reach.In == M && Accept(Reach.Cat) &&
        (!Best || Reach.Depth < Best->Depth))
      Best = &Reach;
  return Best;
}

FunctionSummary &SummaryIndex::getOrCreate(llvm::StringRef Usr) {
  FunctionSummary &Summary = Functions[Usr.str()];
  Summary.Usr = Usr.str();
  return Summary;
}

const FunctionSummary *SummaryIndex::find(llvm::StringRef Usr) const {
  auto It = Functions.find(Usr.str());
  return It == Functions.end() ? nullptr : &It->second;
}

void SummaryIndex::addReachedFrom(const SummaryIndex &Project,
                                  std::vector<std::string> Roots) {
  std::vector<std::string> Work = std::move(Roots);
  for (const auto &[Usr, Summary] : Functions)
    for (const CallEdge &Call : Summary.Calls)
      Work.push_back(Call.CalleeUsr);
  while (!Work.empty()) {
    std::string Usr = std::move(Work.back());
    Work.pop_back();
    if (Functions.count(Usr))
      continue;
    const FunctionSummary *Defined = Project.find(Usr);
    if (!Defined)
      continue;
    FunctionSummary &Added = Functions[Usr] = *Defined;
    for (const CallEdge &Call : Added.Calls)
      Work.push_back(Call.CalleeUsr);
  }
}

void SummaryIndex::merge(SummaryIndex &&Other) {
  for (auto &[Usr, Summary] : Other.Functions)
    Functions.try_emplace(Usr, std::move(Summary));
  SourceFiles.insert(Other.SourceFiles.begin(), Other.SourceFiles.end());
}

std::string boundwise::virtualDispatchUsr(llvm::StringRef Identity) {
  return ("virtual:" + Identity).str();
}

void SummaryIndex::addVirtualDispatches() {
  std::map<std::string, std::vector<const FunctionSummary *>> Overriders;
  std::map<std::string, std::string> Names;
  for (const auto &[Usr, Summary] : Functions)
    for (const auto &[Base, Name] : Summary.Overrides)
      if (Usr == Summary.Identity) {
        Overriders[Base].push_back(&Summary);
        Names[Base] = Name;
      }
  for (const auto &[Base, Methods] : Overriders) {
    if (Methods.size() != 1 || Functions.count(Base))
      continue;
    FunctionSummary Dispatch;
    Dispatch.Usr = Dispatch.Identity = virtualDispatchUsr(Base);
    Dispatch.Name = Names[Base];
    Dispatch.Loc = Methods.front()->Loc;
    CallEdge Call;
    Call.CalleeUsr = Methods.front()->Usr;
    Call.Loc = Methods.front()->Loc;
    Dispatch.Calls.push_back(std::move(Call));
    Functions.try_emplace(Dispatch.Usr, std::move(Dispatch));
  }
}

std::string boundwise::absolutePathIn(llvm::StringRef Directory,
                                      llvm::StringRef File) {
  llvm::SmallString<256> Path(File);
  if (!Path.empty() && !llvm::sys::path::is_absolute(Path) &&
      !Directory.empty()) {
    Path = Directory;
    llvm::sys::path::append(Path, File);
  }
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

void SummaryIndex::makePathsAbsolute(llvm::StringRef Directory) {
  auto Rebase = [&](SourcePoint &Point) {
    Point.File = absolutePathIn(Directory, Point.File);
  };
  for (auto &[Usr, Summary] : Functions) {
    Rebase(Summary.Loc);
    for (EffectOp &Op : Summary.Ops)
      Rebase(Op.Loc);
    for (CallEdge &Call : Summary.Calls)
      Rebase(Call.Loc);
    for (ParamLoop &Loop : Summary.ParamLoops)
      Rebase(Loop.Loc);
  }
}

void SummaryIndex::addCallSiteLoops(uint64_t HeavyIterations) {
  for (auto &[Usr, Caller] : Functions) {
    for (const CallEdge &Call : Caller.Calls) {
      const FunctionSummary *Callee = find(Call.CalleeUsr);
      if (!Callee || &Caller == Callee)
        continue;
      for (const ParamLoop &Loop : Callee->ParamLoops) {
        for (auto [Param, Value] : Call.ConstantArgs) {
          if (Param != Loop.Param || Value <= 0 ||
              static_cast<uint64_t>(Value) * Loop.Factor < HeavyIterations)
            continue;
          std::string Bound = std::to_string(Value);
          Caller.Ops.push_back(
              {Category::Cpu,
               "a loop bound of " + Bound,
               "calls '" + Callee->Name + "' with a loop bound of " + Bound,
               {},
               Call.Loc,
               Call.State,
               /*IsLoop=*/true});
        }
      }
    }
  }
}

static constexpr Category AllCategories[] = {
    Category::Network,  Category::File,     Category::Sleep, Category::Wait,
    Category::Database, Category::Declared, Category::Cpu,   Category::Python};
static constexpr Mode AllModes[] = {Mode::Any,         Mode::GilHeld,
                                    Mode::GilReleased, Mode::GilAcquired,
                                    Mode::Released,    Mode::UnderLock};

namespace {
/// The graph the search walks: one node per function and mode, numbered
/// Function * ModeCount + Mode, with the call edges reversed.
struct ReverseGraph {
  std::vector<FunctionSummary *> Functions;
  /// For each node, the caller nodes that enter it, with their edge index.
  std::vector<std::vector<std::pair<unsigned, int>>> Callers;
};
} // namespace

static constexpr unsigned ModeCount = std::size(AllModes);

static unsigned modeIndex(Mode M) {
  return static_cast<unsigned>(
      std::find(std::begin(AllModes), std::end(AllModes), M) -
      std::begin(AllModes));
}

static ReverseGraph
buildReverseGraph(std::map<std::string, FunctionSummary> &Summaries) {
  ReverseGraph Graph;
  std::map<llvm::StringRef, unsigned> Index;
  for (auto &[Usr, Summary] : Summaries) {
    Index[Usr] = Graph.Functions.size();
    Graph.Functions.push_back(&Summary);
  }
  Graph.Callers.resize(Graph.Functions.size() * ModeCount);
  for (unsigned Caller = 0; Caller < Graph.Functions.size(); ++Caller) {
    const std::vector<CallEdge> &Calls = Graph.Functions[Caller]->Calls;
    for (size_t I = 0; I < Calls.size(); ++I) {
      auto Callee = Index.find(Calls[I].CalleeUsr);
      if (Callee == Index.end())
        continue;
      for (unsigned M = 0; M < ModeCount; ++M)
        if (std::optional<Mode> Next = modeAcross(AllModes[M], Calls[I].State))
          Graph.Callers[Callee->second * ModeCount + modeIndex(*Next)]
              .push_back({Caller * ModeCount + M, static_cast<int>(I)});
    }
  }
  return Graph;
}

/// Breadth-first search from the functions that have an operation of \p Cat
/// counting in a mode, along call edges backwards: the first time a node is
/// reached is along its shortest chain, and a cycle cannot loop because each
/// node is settled once.
static void propagateCategory(const ReverseGraph &Graph, Category Cat) {
  std::vector<bool> Settled(Graph.Callers.size());
  std::deque<std::pair<unsigned, unsigned>> Queue;
  for (unsigned F = 0; F < Graph.Functions.size(); ++F) {
    FunctionSummary &Summary = *Graph.Functions[F];
    for (unsigned M = 0; M < ModeCount; ++M) {
      for (size_t I = 0; I < Summary.Ops.size(); ++I) {
        const EffectOp &Op = Summary.Ops[I];
        if (Op.Cat != Cat || !countsIn(AllModes[M], Op.State))
          continue;
        Summary.Reaches.push_back(
            {Cat, AllModes[M], 0, static_cast<int>(I), -1});
        Settled[F * ModeCount + M] = true;
        Queue.push_back({F * ModeCount + M, 0});
        break;
      }
    }
  }
  while (!Queue.empty()) {
    auto [Callee, Depth] = Queue.front();
    Queue.pop_front();
    for (auto [Caller, Edge] : Graph.Callers[Callee]) {
      if (Settled[Caller])
        continue;
      Settled[Caller] = true;
      Graph.Functions[Caller / ModeCount]->Reaches.push_back(
          {Cat, AllModes[Caller % ModeCount], Depth + 1, -1, Edge});
      Queue.push_back({Caller, Depth + 1});
    }
  }
}

void SummaryIndex::propagate() {
  for (auto &[Usr, Summary] : Functions)
    Summary.Reaches.clear();
  ReverseGraph Graph = buildReverseGraph(Functions);
  for (Category Cat : AllCategories)
    propagateCategory(Graph, Cat);
}

std::vector<std::pair<Category, const EffectOp *>>
SummaryIndex::nearestOps(const FunctionSummary &Function, Mode M,
                         llvm::function_ref<bool(Category)> Accept) const {
  std::vector<const BlockingReach *> Reaches;
  for (const BlockingReach &Reach : Function.Reaches)
    if (Reach.In == M && Accept(Reach.Cat))
      Reaches.push_back(&Reach);
  llvm::stable_sort(Reaches,
                    [](const BlockingReach *A, const BlockingReach *B) {
                      return A->Depth < B->Depth;
                    });
  std::vector<std::pair<Category, const EffectOp *>> Ops;
  for (const BlockingReach *Reach : Reaches) {
    std::vector<ChainStep> Chain = chain(Function.Usr, Reach->Cat, M);
    if (!Chain.empty())
      Ops.push_back({Reach->Cat, Chain.back().Op});
  }
  return Ops;
}

std::vector<ChainStep> SummaryIndex::chain(llvm::StringRef Usr, Category Cat,
                                           Mode M) const {
  std::vector<ChainStep> Steps;
  const FunctionSummary *Current = find(Usr);
  const BlockingReach *Reach = Current ? Current->reachOf(Cat, M) : nullptr;
  // Each step down is one call shorter, so the walk ends.
  while (Current && Reach) {
    if (Reach->Op >= 0) {
      Steps.push_back({Current, nullptr, &Current->Ops[Reach->Op]});
      break;
    }
    const CallEdge &Edge = Current->Calls[Reach->Edge];
    Steps.push_back({Current, &Edge, nullptr});
    std::optional<Mode> Next = modeAcross(Reach->In, Edge.State);
    Current = find(Edge.CalleeUsr);
    Reach = Current && Next ? Current->reachOf(Cat, *Next) : nullptr;
  }
  return Steps;
}
