//===--- SummaryFileTests.cpp - Summaries written out and read back -------===//
//
// A summaries file reads back as it was written, and a malformed one is an
// error naming the file, never a crash.
//
//===----------------------------------------------------------------------===//
#include "analyzer/SummaryFile.h"
#include "gtest/gtest.h"

using namespace boundwise;

namespace {

SummaryIndex sample() {
  SummaryIndex Index;
  Index.addSourceFile("/p/src/db.cpp");
  FunctionSummary &Fetch = Index.getOrCreate("c:@F@fetch");
  Fetch.Identity = "c:@F@fetch";
  Fetch.Name = "fetch";
  Fetch.Loc = {"/p/src/db.cpp", 3, 6};
  EffectOp Sleep;
  Sleep.Cat = Category::Sleep;
  Sleep.Api = "sleep";
  Sleep.What = "sleeps";
  Sleep.Alternative = {{"libuv", "uv_timer_start"}};
  Sleep.Loc = {"/p/src/db.cpp", 4, 3};
  Sleep.State.Gil = GilState::Held;
  Sleep.State.Lock = "g_mutex";
  Fetch.Ops.push_back(Sleep);
  CallEdge Call;
  Call.CalleeUsr = "c:@F@log";
  Call.Loc = {"/p/src/db.cpp", 5, 3};
  Call.ConstantArgs = {{1, -20}};
  Call.InLoop = true;
  Fetch.Calls.push_back(Call);
  Fetch.ParamLoops.push_back({0, 3, {"/p/src/db.cpp", 6, 3}});
  Fetch.ExecingForkChildren.insert("/p/src/db.cpp:7:11");
  return Index;
}

std::string readError(const std::string &Text) {
  llvm::Expected<SummaryIndex> Read = readSummaries(Text, "x.json");
  if (Read)
    return "";
  return llvm::toString(Read.takeError());
}

} // namespace

TEST(SummaryFileTest, ReadsBackWhatItWrote) {
  llvm::Expected<SummaryIndex> Read =
      readSummaries(writeSummaries(sample()), "x.json");
  ASSERT_TRUE(static_cast<bool>(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(Read->sourceFiles(), sample().sourceFiles());
  const FunctionSummary *Fetch = Read->find("c:@F@fetch");
  ASSERT_NE(Fetch, nullptr);
  EXPECT_EQ(Fetch->Name, "fetch");
  EXPECT_EQ(Fetch->Loc.Line, 3u);
  ASSERT_EQ(Fetch->Ops.size(), 1u);
  EXPECT_EQ(Fetch->Ops[0].Cat, Category::Sleep);
  EXPECT_EQ(Fetch->Ops[0].Alternative.at("libuv"), "uv_timer_start");
  EXPECT_EQ(Fetch->Ops[0].State.Gil, GilState::Held);
  EXPECT_EQ(Fetch->Ops[0].State.Lock, "g_mutex");
  ASSERT_EQ(Fetch->Calls.size(), 1u);
  EXPECT_EQ(Fetch->Calls[0].CalleeUsr, "c:@F@log");
  EXPECT_EQ(Fetch->Calls[0].ConstantArgs,
            (std::vector<std::pair<unsigned, int64_t>>{{1, -20}}));
  EXPECT_TRUE(Fetch->Calls[0].InLoop);
  ASSERT_EQ(Fetch->ParamLoops.size(), 1u);
  EXPECT_EQ(Fetch->ParamLoops[0].Factor, 3u);
  EXPECT_EQ(Fetch->ExecingForkChildren.count("/p/src/db.cpp:7:11"), 1u);
}

TEST(SummaryFileTest, MalformedFilesAreErrorsThatNameTheFile) {
  EXPECT_NE(readError("not json").find("x.json: not a boundwise summaries"),
            std::string::npos);
  EXPECT_NE(readError("[]").find("not a boundwise summaries"),
            std::string::npos);
  EXPECT_NE(readError(R"({"format": "boundwise-summaries", "version": 2})")
                .find("another version"),
            std::string::npos);
  std::string Head = R"({"format": "boundwise-summaries", "version": 1, )";
  for (const char *Body :
       {R"("sources": 3, "functions": [])", R"("sources": [], "functions": 5)",
        R"("sources": [], "functions": [7])",
        R"("sources": [], "functions": [{"usr": 1}])",
        R"("sources": [1], "functions": []})"})
    EXPECT_NE(readError(Head + Body + "}"), "") << Body;
  std::string Written = writeSummaries(sample());
  for (const char *Field : {"\"category\": \"sleep\"", "\"gil\": \"held\"",
                            "\"inLoop\": true", "\"factor\": 3"}) {
    std::string Broken = Written;
    size_t At = Broken.find(Field);
    ASSERT_NE(At, std::string::npos) << Field;
    Broken.replace(At, strlen(Field), "\"x\": null");
    EXPECT_NE(readError(Broken), "") << Field;
  }
}
