//===--- PropagationTests.cpp - Shortest chains over the call graph -------===//
//
// SummaryIndex::propagate on summaries built by hand: the shortest chain to
// each category, recursion that ends, and the GIL modes a call carries.
//
//===----------------------------------------------------------------------===//
#include "analyzer/Effects.h"
#include "gtest/gtest.h"

using namespace boundwise;

namespace {

void addOp(SummaryIndex &Index, llvm::StringRef Usr, Category Cat,
           llvm::StringRef Api, GilState Gil = GilState::Inherit) {
  EffectOp Op;
  Op.Cat = Cat;
  Op.Api = Api.str();
  Op.What = "does it";
  Op.State.Gil = Gil;
  Index.getOrCreate(Usr).Ops.push_back(std::move(Op));
}

void addCall(SummaryIndex &Index, llvm::StringRef Caller,
             llvm::StringRef Callee, GilState Gil = GilState::Inherit) {
  CallEdge Call;
  Call.CalleeUsr = Callee.str();
  Call.State.Gil = Gil;
  Index.getOrCreate(Caller).Calls.push_back(std::move(Call));
  Index.getOrCreate(Callee);
}

/// The functions along the chain from \p Usr to \p Cat, and its operation.
std::vector<std::string> chainOf(const SummaryIndex &Index, llvm::StringRef Usr,
                                 Category Cat, Mode M = Mode::Any) {
  std::vector<std::string> Steps;
  for (const ChainStep &Step : Index.chain(Usr, Cat, M))
    Steps.push_back(Step.Op ? Step.Op->Api : Step.Call->CalleeUsr);
  return Steps;
}

} // namespace

TEST(PropagationTest, TheShortestChainWins) {
  SummaryIndex Index;
  addCall(Index, "handler", "long1");
  addCall(Index, "long1", "long2");
  addOp(Index, "long2", Category::Network, "recv");
  addCall(Index, "handler", "short");
  addOp(Index, "short", Category::Network, "send");
  Index.propagate();
  EXPECT_EQ(chainOf(Index, "handler", Category::Network),
            (std::vector<std::string>{"short", "send"}));
  EXPECT_TRUE(chainOf(Index, "handler", Category::File).empty());
}

TEST(PropagationTest, RecursionEnds) {
  SummaryIndex Index;
  addCall(Index, "a", "b");
  addCall(Index, "b", "a");
  addCall(Index, "b", "c");
  addOp(Index, "c", Category::Sleep, "sleep");
  Index.propagate();
  EXPECT_EQ(chainOf(Index, "a", Category::Sleep),
            (std::vector<std::string>{"b", "c", "sleep"}));
  EXPECT_EQ(chainOf(Index, "b", Category::Sleep),
            (std::vector<std::string>{"c", "sleep"}));
}

TEST(PropagationTest, AReleasedGilIsNotHeldWork) {
  SummaryIndex Index;
  // Released around the call: what the callee does holds no GIL.
  addCall(Index, "entry", "wait", GilState::Released);
  addOp(Index, "wait", Category::Network, "recv");
  // Released in the callee itself, around its own operation.
  addCall(Index, "entry2", "inner");
  addOp(Index, "inner", Category::Network, "recv", GilState::Released);
  Index.propagate();
  EXPECT_TRUE(
      chainOf(Index, "entry", Category::Network, Mode::GilHeld).empty());
  EXPECT_TRUE(
      chainOf(Index, "entry2", Category::Network, Mode::GilHeld).empty());
  EXPECT_EQ(chainOf(Index, "entry", Category::Network),
            (std::vector<std::string>{"wait", "recv"}));
}
