//===--- NamesTests.cpp - Qualified names as the catalog spells them ------===//
//
// How a declaration is named to the catalog: inline and anonymous
// namespaces left out, classes kept, a scoped enumerator through its enum,
// an unscoped one through its enclosing namespace, a local class by itself.
//
//===----------------------------------------------------------------------===//
#include "TestAST.h"
#include "analyzer/Names.h"

using namespace boundwise;

namespace {

const char *Code = R"cpp(
namespace std { inline namespace __1 { void foo(); } }
namespace { void bar() {} }
namespace outer { struct Widget { void draw(); }; }
namespace ns {
enum class launch { async };
enum plain { first };
}
void take(int);
void take(ns::launch);
void f() {
  std::foo();
  bar();
  outer::Widget().draw();
  take(ns::launch::async);
  take(ns::first);
  struct Local { void run() {} };
  Local().run();
}
)cpp";

/// The catalog name of the callee of the only call in `f` to \p Name.
std::string calleeName(TestAST &AST, llvm::StringRef Name) {
  std::vector<const clang::CallExpr *> Calls = AST.calls(Name);
  EXPECT_EQ(Calls.size(), 1u) << Name.str();
  return Calls.empty() ? "" : catalogNameOf(Calls.front()->getDirectCallee());
}

/// The catalog names of the enumerators `f` passes to take().
std::vector<std::string> enumeratorNames(TestAST &AST) {
  std::vector<std::string> Names;
  for (const clang::CallExpr *Call : AST.calls("take"))
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(
            Call->getArg(0)->IgnoreParenImpCasts()))
      Names.push_back(catalogNameOf(Ref->getDecl()));
  return Names;
}

} // namespace

TEST(NamesTest, NamespacesThatNameNothingAreLeftOut) {
  TestAST AST(Code);
  EXPECT_EQ(calleeName(AST, "foo"), "std::foo");
  EXPECT_EQ(calleeName(AST, "bar"), "bar");
}

TEST(NamesTest, ClassesAreKeptALocalClassNamesItself) {
  TestAST AST(Code);
  EXPECT_EQ(calleeName(AST, "draw"), "outer::Widget::draw");
  EXPECT_EQ(calleeName(AST, "run"), "Local::run");
}

TEST(NamesTest, AScopedEnumeratorIsNamedThroughItsEnum) {
  TestAST AST(Code);
  EXPECT_EQ(enumeratorNames(AST),
            (std::vector<std::string>{"ns::launch::async", "ns::first"}));
}
