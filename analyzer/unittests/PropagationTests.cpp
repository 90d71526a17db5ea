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

namespace {

/// A call to \p Callee, a function this index has no summary of: one
/// another file defines.
void addExternalCall(SummaryIndex &Index, llvm::StringRef Caller,
                     llvm::StringRef Callee) {
  CallEdge Call;
  Call.CalleeUsr = Callee.str();
  Index.getOrCreate(Caller).Calls.push_back(std::move(Call));
}

} // namespace

TEST(PropagationTest, ProjectSummariesFillTheCallsIntoOtherFiles) {
  SummaryIndex Project;
  addCall(Project, "load", "fetch");
  addOp(Project, "fetch", Category::Sleep, "sleep");
  addOp(Project, "unrelated", Category::Network, "recv");
  addOp(Project, "onTimer", Category::File, "fsync");
  SummaryIndex Local;
  addExternalCall(Local, "handler", "load");
  Local.addReachedFrom(Project, {"onTimer"});
  EXPECT_NE(Local.find("fetch"), nullptr);
  EXPECT_NE(Local.find("onTimer"), nullptr);
  EXPECT_EQ(Local.find("unrelated"), nullptr);
  Local.propagate();
  EXPECT_EQ(chainOf(Local, "handler", Category::Sleep),
            (std::vector<std::string>{"load", "fetch", "sleep"}));
  EXPECT_EQ(chainOf(Local, "onTimer", Category::File),
            (std::vector<std::string>{"fsync"}));
}

TEST(PropagationTest, ALocalSummaryComesBeforeTheProjects) {
  SummaryIndex Project;
  addOp(Project, "helper", Category::Sleep, "sleep");
  SummaryIndex Local;
  addCall(Local, "handler", "helper");
  addOp(Local, "helper", Category::Network, "recv");
  Local.addReachedFrom(Project, {});
  Local.propagate();
  EXPECT_TRUE(chainOf(Local, "handler", Category::Sleep).empty());
  EXPECT_EQ(chainOf(Local, "handler", Category::Network),
            (std::vector<std::string>{"helper", "recv"}));
}

TEST(PropagationTest, MergeKeepsTheFirstSummaryOfAFunction) {
  SummaryIndex First, Second;
  addOp(First, "inlineHelper", Category::Sleep, "sleep");
  addOp(Second, "inlineHelper", Category::Network, "recv");
  addOp(Second, "other", Category::Network, "send");
  First.merge(std::move(Second));
  ASSERT_NE(First.find("other"), nullptr);
  ASSERT_EQ(First.find("inlineHelper")->Ops.size(), 1u);
  EXPECT_EQ(First.find("inlineHelper")->Ops.front().Api, "sleep");
}

TEST(PropagationTest, RelativePathsBecomeAbsoluteInTheCommandsDirectory) {
  SummaryIndex Index;
  FunctionSummary &Summary = Index.getOrCreate("f");
  Summary.Loc = {"../src/a.cpp", 3, 1};
  EffectOp Op;
  Op.Loc = {"/abs/b.h", 4, 2};
  Summary.Ops.push_back(Op);
  Index.makePathsAbsolute("/project/build");
  EXPECT_EQ(Index.find("f")->Loc.File, "/project/src/a.cpp");
  EXPECT_EQ(Index.find("f")->Ops.front().Loc.File, "/abs/b.h");
}

TEST(PropagationTest, AForkChildsWorkIsNotTheParents) {
  SummaryIndex Index;
  EffectOp Open;
  Open.Cat = Category::File;
  Open.Api = "open";
  Open.State.ForkChildOf = "job.c:160:8";
  Index.getOrCreate("runJob").Ops.push_back(Open);
  CallEdge Child;
  Child.CalleeUsr = "setupChild";
  Child.State.ForkChildOf = "job.c:160:8";
  Index.getOrCreate("runJob").Calls.push_back(Child);
  addOp(Index, "setupChild", Category::Sleep, "sleep");
  Index.propagate();
  EXPECT_TRUE(chainOf(Index, "runJob", Category::File).empty());
  EXPECT_TRUE(chainOf(Index, "runJob", Category::Sleep).empty());
  EXPECT_FALSE(chainOf(Index, "setupChild", Category::Sleep).empty());
}

TEST(PropagationTest, AVirtualCallRunsTheProjectsOneOverride) {
  SummaryIndex Index;
  addExternalCall(Index, "onFlush", virtualDispatchUsr("Store::save"));
  addExternalCall(Index, "onEvict", virtualDispatchUsr("Cache::flush"));
  FunctionSummary &File = Index.getOrCreate("FileStore::save");
  File.Identity = "FileStore::save";
  File.Overrides["Store::save"] = "Store::save";
  addOp(Index, "FileStore::save", Category::File, "fsync");
  for (const char *Cache : {"DiskCache::flush", "MemoryCache::flush"}) {
    FunctionSummary &Override = Index.getOrCreate(Cache);
    Override.Identity = Cache;
    Override.Overrides["Cache::flush"] = "Cache::flush";
  }
  addOp(Index, "DiskCache::flush", Category::File, "fsync");
  Index.addVirtualDispatches();
  Index.propagate();
  EXPECT_EQ(chainOf(Index, "onFlush", Category::File),
            (std::vector<std::string>{virtualDispatchUsr("Store::save"),
                                      "FileStore::save", "fsync"}));
  EXPECT_TRUE(chainOf(Index, "onEvict", Category::File).empty());
}
