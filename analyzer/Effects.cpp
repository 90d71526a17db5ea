//===--- Effects.cpp - Propagation of effect summaries --------------------===//
#include "analyzer/Effects.h"

#include <deque>
#include <set>

using namespace boundwise;

const BlockingReach *FunctionSummary::shortestReach() const {
  const BlockingReach *Best = nullptr;
  for (const BlockingReach &Reach : Reaches)
    if (!Best || Reach.Depth < Best->Depth)
      Best = &Reach;
  return Best;
}

const BlockingReach *FunctionSummary::reachOf(Category Cat) const {
  for (const BlockingReach &Reach : Reaches)
    if (Reach.Cat == Cat)
      return &Reach;
  return nullptr;
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

static constexpr Category AllCategories[] = {
    Category::Network, Category::File,     Category::Sleep,
    Category::Wait,    Category::Database, Category::Declared};

/// Breadth-first search from the functions that block by themselves, along
/// call edges backwards: the first time a function is reached is along its
/// shortest chain, and a cycle cannot loop because each function is settled
/// once.
static void propagateCategory(
    std::map<std::string, FunctionSummary> &Functions, Category Cat,
    const std::map<std::string, std::vector<std::pair<FunctionSummary *, int>>>
        &Callers) {
  std::deque<FunctionSummary *> Queue;
  std::set<const FunctionSummary *> Settled;
  for (auto &[Usr, Summary] : Functions) {
    for (size_t I = 0; I < Summary.Ops.size(); ++I) {
      if (Summary.Ops[I].Cat != Cat)
        continue;
      Summary.Reaches.push_back({Cat, 0, static_cast<int>(I), -1});
      Settled.insert(&Summary);
      Queue.push_back(&Summary);
      break;
    }
  }
  while (!Queue.empty()) {
    FunctionSummary *Callee = Queue.front();
    Queue.pop_front();
    auto It = Callers.find(Callee->Usr);
    if (It == Callers.end())
      continue;
    unsigned Depth = Callee->Reaches.back().Depth + 1;
    for (auto [Caller, Edge] : It->second) {
      if (!Settled.insert(Caller).second)
        continue;
      Caller->Reaches.push_back({Cat, Depth, -1, Edge});
      Queue.push_back(Caller);
    }
  }
}

void SummaryIndex::propagate() {
  std::map<std::string, std::vector<std::pair<FunctionSummary *, int>>>
      Callers;
  for (auto &[Usr, Summary] : Functions) {
    Summary.Reaches.clear();
    for (size_t I = 0; I < Summary.Calls.size(); ++I)
      Callers[Summary.Calls[I].CalleeUsr].push_back(
          {&Summary, static_cast<int>(I)});
  }
  for (Category Cat : AllCategories)
    propagateCategory(Functions, Cat, Callers);
}

std::vector<ChainStep> SummaryIndex::chain(llvm::StringRef Usr,
                                           std::optional<Category> Cat) const {
  std::vector<ChainStep> Steps;
  const FunctionSummary *Current = find(Usr);
  if (!Current)
    return Steps;
  const BlockingReach *Reach =
      Cat ? Current->reachOf(*Cat) : Current->shortestReach();
  // Each step down is one call shorter, so the walk ends.
  while (Current && Reach) {
    if (Reach->Op >= 0) {
      Steps.push_back({Current, nullptr, &Current->Ops[Reach->Op]});
      break;
    }
    const CallEdge &Edge = Current->Calls[Reach->Edge];
    Steps.push_back({Current, &Edge, nullptr});
    Category Along = Reach->Cat;
    Current = find(Edge.CalleeUsr);
    Reach = Current ? Current->reachOf(Along) : nullptr;
  }
  return Steps;
}
