//===--- LockModelTests.cpp - Locks held on the CFG -----------------------===//
//
// The shared lock held at each call to work() of `f`: guards and their
// tags, lock() and unlock() on guards and mutexes, scopes, joins, and which
// mutexes are shared.
//
//===----------------------------------------------------------------------===//
#include "TestAST.h"
#include "analyzer/LockModel.h"

using namespace boundwise;

namespace {

/// The lock held at each call to work() in `f`, as written.
std::vector<std::string> locksAtWork(const std::string &Code,
                                     bool OwnObject = false) {
  TestAST AST(Code);
  LockFacts Facts = analyzeLocks(AST.function(), AST.lookup(), OwnObject);
  std::vector<std::string> Result;
  for (const clang::CallExpr *Call : AST.calls("work"))
    Result.push_back(Facts.at(Call));
  return Result;
}

using Locks = std::vector<std::string>;

} // namespace

TEST(LockModelTest, ScopedGuardHoldsToTheEndOfItsScope) {
  EXPECT_EQ(locksAtWork("std::mutex m;\n"
                        "void f() {\n"
                        "  work();\n"
                        "  {\n"
                        "    std::unique_lock<std::mutex> lk(m);\n"
                        "    work();\n"
                        "  }\n"
                        "  work();\n"
                        "}\n"),
            (Locks{"", "m", ""}));
}

TEST(LockModelTest, Tags) {
  EXPECT_EQ(
      locksAtWork("std::mutex m;\n"
                  "void f() {\n"
                  "  {\n"
                  "    std::unique_lock<std::mutex> lk(m, std::defer_lock);\n"
                  "    work();\n"
                  "    lk.lock();\n"
                  "    work();\n"
                  "  }\n"
                  "  {\n"
                  "    std::unique_lock<std::mutex> lk(m, std::try_to_lock);\n"
                  "    work();\n"
                  "  }\n"
                  "  m.lock();\n"
                  "  std::unique_lock<std::mutex> lk(m, std::adopt_lock);\n"
                  "  work();\n"
                  "}\n"),
      (Locks{"", "m", "", "m"}));
}

TEST(LockModelTest, UnlockEndsTheCriticalSection) {
  EXPECT_EQ(locksAtWork("std::mutex m;\n"
                        "void f() {\n"
                        "  std::unique_lock<std::mutex> lk(m);\n"
                        "  work();\n"
                        "  lk.unlock();\n"
                        "  work();\n"
                        "  lk.lock();\n"
                        "  work();\n"
                        "  m.unlock();\n"
                        "  work();\n"
                        "}\n"),
            (Locks{"m", "", "m", ""}));
}

TEST(LockModelTest, MergeKeepsWhatEveryPathHolds) {
  EXPECT_EQ(locksAtWork("std::mutex m;\n"
                        "void f(bool c) {\n"
                        "  std::unique_lock<std::mutex> lk(m);\n"
                        "  if (c) lk.unlock();\n"
                        "  work();\n"
                        "  lk.lock();\n"
                        "  if (c) work(); else work();\n"
                        "  work();\n"
                        "}\n"),
            (Locks{"", "m", "m", "m"}));
}

TEST(LockModelTest, EarlyReturnReleasesOnItsPathOnly) {
  EXPECT_EQ(locksAtWork("std::mutex m;\n"
                        "void f(bool c) {\n"
                        "  m.lock();\n"
                        "  if (c) { m.unlock(); return; }\n"
                        "  work();\n"
                        "}\n"),
            (Locks{"m"}));
}

TEST(LockModelTest, LocalMutexIsNotShared) {
  EXPECT_EQ(locksAtWork("void f(std::mutex &shared) {\n"
                        "  std::mutex local;\n"
                        "  std::unique_lock<std::mutex> a(local);\n"
                        "  work();\n"
                        "  std::unique_lock<std::mutex> b(shared);\n"
                        "  work();\n"
                        "}\n"),
            (Locks{"", "shared"}));
}

TEST(LockModelTest, MemberOfAnOwnedObjectIsNotShared) {
  const char *Code = "struct S { std::mutex mu; void g(); };\n"
                     "S s;\n"
                     "void f() {\n"
                     "  std::unique_lock<std::mutex> lk(s.mu);\n"
                     "  work();\n"
                     "}\n";
  EXPECT_EQ(locksAtWork(Code), (Locks{"s.mu"}));
  // Only a member of `this` is the task's own when the object is.
  EXPECT_EQ(locksAtWork(Code, /*OwnObject=*/true), (Locks{"s.mu"}));
}
