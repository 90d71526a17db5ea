//===--- Dataflow.h - Forward analyses over a function's CFG ----*- C++ -*-===//
//
/// \file
/// The engine the flow-sensitive trackers share: a forward worklist over the
/// blocks of a function's `clang::CFG`, joining the states of a block's
/// predecessors, until nothing changes; then one more pass in which the
/// tracker records what it found at each element. A tracker provides:
///
///   using State = ...;            // equality-comparable
///   State entry();                // the state the body is entered in
///   void join(State &Into, const State &From);   // at a merge point
///   void transfer(const clang::CFGElement &, State &, bool Record);
///   void atTerminator(const clang::Stmt *, const State &);  // when recording
///
/// States only shrink at joins (the trackers intersect), so the iteration
/// ends.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_DATAFLOW_H
#define BOUNDWISE_ANALYZER_DATAFLOW_H

#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace boundwise {

/// The CFG of \p Function's body (a coroutine's own body, without the
/// promise's machinery), with every expression an element and the
/// destructors of scoped objects where their scopes end; trivially false
/// branches are pruned. Null when the body has none or the CFG cannot be
/// built.
std::unique_ptr<clang::CFG> buildBodyCFG(const clang::FunctionDecl *Function,
                                         clang::ASTContext &Context);

/// Runs \p Tracker forward over \p Graph to a fixed point, then once more
/// with recording on. Returns the states the function returns in, one per
/// path into the exit.
template <typename TrackerT>
std::vector<typename TrackerT::State> runForward(const clang::CFG &Graph,
                                                 TrackerT &Tracker) {
  using State = typename TrackerT::State;
  std::vector<std::optional<State>> Out(Graph.getNumBlockIDs());
  auto InState = [&](const clang::CFGBlock &Block) -> std::optional<State> {
    if (&Block == &Graph.getEntry())
      return Tracker.entry();
    std::optional<State> In;
    for (const clang::CFGBlock::AdjacentBlock &Pred : Block.preds()) {
      const clang::CFGBlock *From = Pred.getReachableBlock();
      if (!From || !Out[From->getBlockID()])
        continue;
      if (!In)
        In = *Out[From->getBlockID()];
      else
        Tracker.join(*In, *Out[From->getBlockID()]);
    }
    return In;
  };
  clang::PostOrderCFGView Order(&Graph);
  clang::ForwardDataflowWorklist Work(Graph, &Order);
  Work.enqueueBlock(&Graph.getEntry());
  while (const clang::CFGBlock *Block = Work.dequeue()) {
    std::optional<State> State = InState(*Block);
    if (!State)
      continue;
    for (const clang::CFGElement &Element : *Block)
      Tracker.transfer(Element, *State, /*Record=*/false);
    std::optional<typename TrackerT::State> &Previous =
        Out[Block->getBlockID()];
    if (Previous && *Previous == *State)
      continue;
    Previous = std::move(State);
    Work.enqueueSuccessors(Block);
  }
  for (const clang::CFGBlock *Block : Order) {
    std::optional<State> State = InState(*Block);
    if (!State)
      continue;
    for (const clang::CFGElement &Element : *Block)
      Tracker.transfer(Element, *State, /*Record=*/true);
    if (const clang::Stmt *Terminator = Block->getTerminatorStmt())
      Tracker.atTerminator(Terminator, *State);
  }
  std::vector<State> Exits;
  for (const clang::CFGBlock::AdjacentBlock &Pred : Graph.getExit().preds())
    if (const clang::CFGBlock *From = Pred.getReachableBlock())
      if (Out[From->getBlockID()])
        Exits.push_back(*Out[From->getBlockID()]);
  return Exits;
}

} // namespace boundwise

#endif
