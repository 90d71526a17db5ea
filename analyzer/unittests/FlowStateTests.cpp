//===--- FlowStateTests.cpp - Conditions on the CFG -----------------------===//
//
// Which recv calls the flow finds non-blocking: flags set, cleared and
// overwritten, on one path or on all; descriptors made non-blocking before
// or after the call, directly or by a helper.
//
//===----------------------------------------------------------------------===//
#include "TestAST.h"
#include "analyzer/BodyWalker.h"
#include "analyzer/FlowState.h"

using namespace boundwise;

namespace {

/// For each recv call of `f`, what \p Ask says of it and its state.
std::vector<bool> perRecv(
    const std::string &Code,
    llvm::function_ref<bool(const ConditionAnalysis &, const clang::CallExpr *,
                            const ConditionState &)>
        Ask) {
  TestAST AST(Code);
  ConditionAnalysis Analysis(AST.lookup());
  ConditionFacts Facts = Analysis.analyze(AST.function());
  std::vector<bool> Result;
  for (const clang::CallExpr *Call : AST.calls("recv"))
    Result.push_back(Ask(Analysis, Call, Facts.at(Call)));
  return Result;
}

/// For each recv call of `f`, whether it passes MSG_DONTWAIT for certain.
std::vector<bool> dontWait(const std::string &Code) {
  return perRecv(Code, [](const ConditionAnalysis &Analysis,
                          const clang::CallExpr *Call,
                          const ConditionState &State) {
    return Analysis.flagSet(Call->getArg(3), "MSG_DONTWAIT", State);
  });
}

/// For each recv call of `f`, whether its descriptor is non-blocking.
std::vector<bool> nonblocking(const std::string &Code) {
  return perRecv(Code, [](const ConditionAnalysis &,
                          const clang::CallExpr *Call,
                          const ConditionState &State) {
    return State.Nonblocking.count(namedValue(Call->getArg(0))) != 0;
  });
}

} // namespace

TEST(FlowStateTest, FlagNamedOrCombined) {
  EXPECT_EQ(dontWait("void f(int fd, char *b) {\n"
                     "  recv(fd, b, 1, MSG_DONTWAIT);\n"
                     "  recv(fd, b, 1, MSG_PEEK | MSG_DONTWAIT);\n"
                     "  recv(fd, b, 1, MSG_PEEK);\n"
                     "}\n"),
            (std::vector<bool>{true, true, false}));
}

TEST(FlowStateTest, FlagClearedOrOverwritten) {
  EXPECT_EQ(dontWait("void f(int fd, char *b, int flags) {\n"
                     "  recv(fd, b, 1, flags & ~MSG_DONTWAIT);\n"
                     "  int g = MSG_DONTWAIT;\n"
                     "  recv(fd, b, 1, g);\n"
                     "  g = 0;\n"
                     "  recv(fd, b, 1, g);\n"
                     "  g |= MSG_DONTWAIT;\n"
                     "  recv(fd, b, 1, g);\n"
                     "  g &= ~MSG_DONTWAIT;\n"
                     "  recv(fd, b, 1, g);\n"
                     "}\n"),
            (std::vector<bool>{false, true, false, true, false}));
}

TEST(FlowStateTest, FlagJoinedAtMerge) {
  EXPECT_EQ(dontWait("void f(int fd, char *b, bool c) {\n"
                     "  int g = 0;\n"
                     "  if (c) g = MSG_DONTWAIT;\n"
                     "  recv(fd, b, 1, g);\n"
                     "  if (c) g = MSG_DONTWAIT; else g = MSG_DONTWAIT;\n"
                     "  recv(fd, b, 1, g);\n"
                     "  recv(fd, b, 1, c ? MSG_DONTWAIT : 0);\n"
                     "}\n"),
            (std::vector<bool>{false, true, false}));
}

TEST(FlowStateTest, DescriptorMadeNonblockingBeforeNotAfter) {
  EXPECT_EQ(nonblocking("void f(int fd, int other, char *b) {\n"
                        "  recv(fd, b, 1, 0);\n"
                        "  fcntl(fd, F_SETFL, O_NONBLOCK);\n"
                        "  recv(fd, b, 1, 0);\n"
                        "  recv(other, b, 1, 0);\n"
                        "  fd = other;\n"
                        "  recv(fd, b, 1, 0);\n"
                        "}\n"),
            (std::vector<bool>{false, true, false, false}));
}

TEST(FlowStateTest, DescriptorOnOnePathIsNotNonblocking) {
  EXPECT_EQ(nonblocking("void f(int fd, char *b, bool c) {\n"
                        "  if (c) fcntl(fd, F_SETFL, O_NONBLOCK);\n"
                        "  recv(fd, b, 1, 0);\n"
                        "}\n"),
            (std::vector<bool>{false}));
}

TEST(FlowStateTest, HelperMakesItsParameterNonblocking) {
  EXPECT_EQ(nonblocking("static int nb(int s) {\n"
                        "  if (s < 0) return -1;\n"
                        "  return fcntl(s, F_SETFL, O_NONBLOCK);\n"
                        "}\n"
                        "static int other(int s) { return s; }\n"
                        "void f(int fd, int fd2, char *b) {\n"
                        "  other(fd2);\n"
                        "  recv(fd2, b, 1, 0);\n"
                        "  nb(fd);\n"
                        "  recv(fd, b, 1, 0);\n"
                        "}\n"),
            (std::vector<bool>{false, true}));
}

TEST(FlowStateTest, WrapperConsultsTheParametersItPassesOn) {
  TestAST AST("static long wrap(int s, char *b, int flags, int unused) {\n"
              "  return recv(s, b, 1, flags | MSG_PEEK);\n"
              "}\n"
              "void f(int fd, char *b) { wrap(fd, b, MSG_DONTWAIT, 0); }\n");
  ConditionAnalysis Analysis(AST.lookup());
  const clang::CallExpr *Call = AST.calls("wrap").front();
  const ParamEffects &Effects =
      Analysis.effectsOf(Call->getDirectCallee()->getDefinition());
  EXPECT_TRUE(Effects.Consulted[0]);
  EXPECT_FALSE(Effects.Consulted[1]);
  EXPECT_TRUE(Effects.Consulted[2]);
  EXPECT_FALSE(Effects.Consulted[3]);
  EXPECT_FALSE(Effects.MakesNonblocking.any());
}

TEST(FlowStateTest, HelperToldByAConstantArgument) {
  EXPECT_EQ(nonblocking("static void mode(int s, bool on) {\n"
                        "  fcntl(s, F_SETFL, on ? O_NONBLOCK : 0);\n"
                        "}\n"
                        "void f(int a, int b, bool c, char *buf) {\n"
                        "  mode(a, true);\n"
                        "  recv(a, buf, 1, 0);\n"
                        "  mode(b, false);\n"
                        "  recv(b, buf, 1, 0);\n"
                        "  mode(b, c);\n"
                        "  recv(b, buf, 1, 0);\n"
                        "}\n"),
            (std::vector<bool>{true, false, false}));
}
