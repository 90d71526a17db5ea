//===--- LivePathsTests.cpp - Dead and cold paths on the CFG --------------===//
//
// Which calls to work() of `f` run: branches a known parameter value rules
// out, and cold paths that end in a [[noreturn]] failure.
//
//===----------------------------------------------------------------------===//
#include "TestAST.h"
#include "analyzer/LivePaths.h"

using namespace boundwise;

namespace {

/// For each call to work() in `f`, whether it is live when `f`'s first
/// parameter is \p First (unknown without one).
std::vector<bool> liveWork(const std::string &Code,
                           std::optional<int64_t> First = std::nullopt) {
  TestAST AST(Code);
  KnownValues Known;
  if (First)
    Known[AST.function()->getParamDecl(0)] = *First;
  LivePaths Live = LivePaths::of(AST.function(), Known);
  std::vector<bool> Result;
  for (const clang::CallExpr *Call : AST.calls("work"))
    Result.push_back(Live.isLive(Call));
  return Result;
}

using Lives = std::vector<bool>;

const char *Guarded = "void f(int *executor, bool sync) {\n"
                      "  if (!executor) { work(); return; }\n"
                      "  if (sync && executor) work();\n"
                      "  work();\n"
                      "}\n";

} // namespace

TEST(LivePathsTest, UnknownValuesKeepEveryBranch) {
  EXPECT_EQ(liveWork(Guarded), (Lives{true, true, true}));
}

TEST(LivePathsTest, KnownValueCutsTheBranchItRulesOut) {
  EXPECT_EQ(liveWork(Guarded, /*non-null*/ 1), (Lives{false, true, true}));
  EXPECT_EQ(liveWork(Guarded, /*null*/ 0), (Lives{true, false, false}));
}

TEST(LivePathsTest, ReassignedParameterIsNotTrusted) {
  EXPECT_EQ(liveWork("void f(int mode) {\n"
                     "  mode = mode + 1;\n"
                     "  if (mode == 2) work();\n"
                     "}\n",
                     1),
            (Lives{true}));
}

TEST(LivePathsTest, KnownLocalCutsTheBranchesThatTestIt) {
  TestAST AST("int *current();\n"
              "void f() {\n"
              "  int *ex = current();\n"
              "  if (!ex) work();\n"
              "  if (ex != nullptr) work();\n"
              "}\n");
  KnownValues Known;
  for (const clang::Stmt *S : AST.function()->getBody()->children())
    if (const auto *Decl = llvm::dyn_cast<clang::DeclStmt>(S))
      Known[llvm::cast<clang::VarDecl>(Decl->getSingleDecl())] = 1;
  ASSERT_EQ(Known.size(), 1u);
  LivePaths Live = LivePaths::of(AST.function(), Known);
  std::vector<const clang::CallExpr *> Work = AST.calls("work");
  ASSERT_EQ(Work.size(), 2u);
  EXPECT_FALSE(Live.isLive(Work[0]));
  EXPECT_TRUE(Live.isLive(Work[1]));
}

TEST(LivePathsTest, PathsEndingInAFailureAreCold) {
  EXPECT_EQ(liveWork("[[noreturn]] void fail();\n"
                     "void f(bool ok) {\n"
                     "  if (!ok) { work(); fail(); }\n"
                     "  work();\n"
                     "}\n"),
            (Lives{false, true}));
}

TEST(LivePathsTest, ALoopThatMayFailIsNotCold) {
  EXPECT_EQ(liveWork("[[noreturn]] void fail();\n"
                     "void f(bool ok) {\n"
                     "  for (;;) {\n"
                     "    work();\n"
                     "    if (!ok) fail();\n"
                     "  }\n"
                     "}\n"),
            (Lives{true}));
}
