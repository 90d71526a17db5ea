//===--- AnalyzeTests.cpp - Cancellation points and dependencies ----------===//
//
// A transcript cannot say when a newer version arrives relative to the
// phases of a run; here IsStale turns true at a chosen check, which shows
// where a stale run stops and what it leaves in the preamble cache.
//
//===----------------------------------------------------------------------===//
#include "lsp/Analyze.h"

#include "analyzer/Catalog.h"
#include "analyzer/Rule.h"
#include "gtest/gtest.h"
#include <memory>

using namespace boundwise;
using namespace boundwise::lsp;

namespace {

constexpr const char *Dir = "/boundwise-unittest";
constexpr const char *Main = "/boundwise-unittest/main.cpp";
constexpr const char *Header = "/boundwise-unittest/wait.h";

class AnalyzeTest : public ::testing::Test {
protected:
  AnalyzeTest() : Empty(std::vector<CatalogFile>{}) {}

  /// main.cpp includes wait.h, an unsaved buffer that declares a blocking
  /// function, and calls it from an async entry point.
  AnalysisInputs inputs(int StaleFromCheck) {
    AnalysisInputs Inputs;
    Inputs.Path = Main;
    Inputs.Contents = "#include \"wait.h\"\n"
                      "[[clang::annotate(\"boundwise::async\")]] void on() {\n"
                      "  wait_for_it();\n"
                      "}\n";
    Inputs.OpenFiles[Header] = "void wait_for_it() [[clang::blocking]];\n";
    Inputs.Command.Directory = Dir;
    Inputs.Command.Filename = Main;
    Inputs.Command.CommandLine = {"clang++", "-std=c++20", Main};
    Inputs.Options.TheCatalog = &Empty;
    for (const RuleInfo &Info : allRules())
      Inputs.Options.EnabledRules.push_back(Info.Name.str());
    Checks = std::make_shared<int>(0);
    Inputs.IsStale = [Checks = Checks, StaleFromCheck] {
      return ++*Checks >= StaleFromCheck;
    };
    return Inputs;
  }

  Catalog Empty;
  std::shared_ptr<int> Checks;
};

TEST_F(AnalyzeTest, AFreshRunAnalysesAndRecordsTheHeadersItRead) {
  PreambleCache Cache;
  AnalysisOutput Out = analyzeDocument(inputs(/*never*/ 100), Cache);
  EXPECT_FALSE(Out.Cancelled);
  ASSERT_EQ(Out.Result.Findings.size(), 1u);
  EXPECT_EQ(Out.Result.Findings[0].Rule, "blocking-in-async");
  EXPECT_TRUE(Cache.Preamble);
  EXPECT_EQ(Out.Dependencies, std::vector<std::string>{Header});
  // Three checks: before the preamble, before the parse, before analysing.
  EXPECT_EQ(*Checks, 3);
}

TEST_F(AnalyzeTest, StaleBeforeThePreambleBuildsNothing) {
  PreambleCache Cache;
  AnalysisOutput Out = analyzeDocument(inputs(1), Cache);
  EXPECT_TRUE(Out.Cancelled);
  EXPECT_TRUE(Out.Result.Findings.empty());
  EXPECT_FALSE(Cache.Preamble);
}

TEST_F(AnalyzeTest, StaleAfterThePreambleKeepsItAndSkipsTheParse) {
  PreambleCache Cache;
  AnalysisOutput Out = analyzeDocument(inputs(2), Cache);
  EXPECT_TRUE(Out.Cancelled);
  EXPECT_TRUE(Out.Result.Findings.empty());
  // The newer version reuses it.
  ASSERT_TRUE(Cache.Preamble);
  AnalysisOutput Next = analyzeDocument(inputs(100), Cache);
  EXPECT_FALSE(Next.Cancelled);
  EXPECT_EQ(Next.Result.Findings.size(), 1u);
  // A reused preamble: no check before building one.
  EXPECT_EQ(*Checks, 2);
}

TEST_F(AnalyzeTest, StaleAfterTheParseSkipsTheAnalysis) {
  PreambleCache Cache;
  AnalysisOutput Out = analyzeDocument(inputs(3), Cache);
  EXPECT_TRUE(Out.Cancelled);
  EXPECT_TRUE(Out.Result.Findings.empty());
  EXPECT_TRUE(Out.Result.Functions.empty());
}

} // namespace
