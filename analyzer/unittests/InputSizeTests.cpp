//===--- InputSizeTests.cpp - Data known small where it is written --------===//
//
// Whether the argument of each call to sink() in `f` is known small: string
// literals, through conversions, constant or never-reassigned locals,
// parameters a caller gave small data, and a structure field set so.
//
//===----------------------------------------------------------------------===//
#include "TestAST.h"
#include "analyzer/InputSize.h"

using namespace boundwise;

namespace {

const char *Prelude = "struct View {\n"
                      "  View(const char *);\n"
                      "  const char *data() const;\n"
                      "};\n"
                      "void sink(const char *);\n"
                      "void sink(View);\n";

/// For each call to sink() in `f`, whether its argument is known small,
/// with `f`'s first parameter given small data when \p FirstSmall.
std::vector<bool> smallSinks(const std::string &Code, bool FirstSmall = false) {
  TestAST AST(Prelude + Code);
  SmallParams Small;
  if (FirstSmall)
    Small.insert(AST.function()->getParamDecl(0));
  InputSize Sizes(AST.function()->getASTContext(), AST.function(), Small,
                  /*MostElements=*/1000);
  std::vector<bool> Result;
  for (const clang::CallExpr *Call : AST.calls("sink"))
    Result.push_back(Sizes.isSmall(Call->getArg(0)));
  return Result;
}

using Smalls = std::vector<bool>;

} // namespace

TEST(InputSizeTest, LiteralsAndWhatIsMadeOfThemAreSmall) {
  EXPECT_EQ(smallSinks("void f(const char *p) {\n"
                       "  sink(\"ok\");\n"
                       "  sink(View(\"ok\"));\n"
                       "  sink(View(\"ok\").data());\n"
                       "  sink(p);\n"
                       "}\n"),
            (Smalls{true, true, true, false}));
}

TEST(InputSizeTest, ParameterIsSmallWhenTheCallerSaysSo) {
  EXPECT_EQ(smallSinks("void f(const char *p) { sink(p); }\n", true),
            (Smalls{true}));
}

TEST(InputSizeTest, LocalKeepsItsLiteralUnlessReassigned) {
  EXPECT_EQ(smallSinks("void f(const char *p) {\n"
                       "  const char *const fixed = \"a\";\n"
                       "  const char *kept = \"b\";\n"
                       "  const char *moved = \"c\";\n"
                       "  if (p) moved = p;\n"
                       "  sink(fixed);\n"
                       "  sink(kept);\n"
                       "  sink(moved);\n"
                       "}\n"),
            (Smalls{true, true, false}));
}

TEST(InputSizeTest, LongLiteralIsNotSmall) {
  std::string Long(2000, 'x');
  EXPECT_EQ(smallSinks("void f() { sink(\"" + Long + "\"); }\n"),
            (Smalls{false}));
}

TEST(InputSizeTest, FieldInputIsSmallWhenEveryValueIs) {
  const char *Code = "struct Stream { const char *in; };\n"
                     "void pack(Stream *);\n"
                     "void f(const char *p, bool more) {\n"
                     "  Stream s;\n"
                     "  s.in = \"ok\";\n"
                     "  pack(&s);\n"
                     "  Stream t;\n"
                     "  t.in = \"ok\";\n"
                     "  if (more) t.in = p;\n"
                     "  pack(&t);\n"
                     "}\n";
  TestAST AST(Prelude + std::string(Code));
  SmallParams None;
  InputSize Sizes(AST.function()->getASTContext(), AST.function(), None, 1000);
  CpuHeavyEntry Entry;
  Entry.Kind = CpuKind::Compression;
  Entry.Inputs = {{0, "in"}};
  std::vector<const clang::CallExpr *> Packs = AST.calls("pack");
  ASSERT_EQ(Packs.size(), 2u);
  EXPECT_TRUE(Sizes.isSmallCall(Packs[0], Entry));
  EXPECT_FALSE(Sizes.isSmallCall(Packs[1], Entry));
  // Password hashing costs what it costs, whatever the data.
  Entry.Kind = CpuKind::PasswordHashing;
  EXPECT_FALSE(Sizes.isSmallCall(Packs[0], Entry));
}
