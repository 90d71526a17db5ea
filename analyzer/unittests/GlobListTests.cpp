//===--- GlobListTests.cpp - clang-tidy style glob lists ------------------===//
//
// `-*,cpu-*,-cpu-on-thread-pool`: the last glob that matches decides, a
// leading `-` excludes, globs without wildcards must name something, and a
// glob that does not compile is said, not dropped.
//
//===----------------------------------------------------------------------===//
#include "analyzer/GlobList.h"
#include "gtest/gtest.h"

using namespace boundwise;

TEST(GlobListTest, TheLastMatchingGlobDecides) {
  GlobList Checks("-*, cpu-*, -cpu-on-thread-pool");
  EXPECT_TRUE(Checks.contains("cpu-in-async"));
  EXPECT_FALSE(Checks.contains("cpu-on-thread-pool"));
  EXPECT_FALSE(Checks.contains("blocking-in-async"));
  EXPECT_FALSE(GlobList("").contains("cpu-in-async"));
}

TEST(GlobListTest, LiteralNamesAreTheGlobsWithoutWildcards) {
  GlobList Checks("-*,blocking-in-asinc,cpu-*");
  EXPECT_EQ(Checks.literalNames(),
            (std::vector<std::string>{"blocking-in-asinc"}));
}

TEST(GlobListTest, AMalformedGlobIsSaidAndMatchesNothing) {
  GlobList Checks("-*,cpu-[,blocking-in-async");
  ASSERT_EQ(Checks.malformed().size(), 1u);
  EXPECT_NE(Checks.malformed().front().find("'cpu-['"), std::string::npos);
  EXPECT_TRUE(Checks.contains("blocking-in-async"));
  EXPECT_FALSE(Checks.contains("cpu-in-async"));
}
