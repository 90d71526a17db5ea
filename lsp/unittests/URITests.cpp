//===--- URITests.cpp - Document URIs and paths ---------------------------===//
#include "lsp/URI.h"

#include "gtest/gtest.h"

using namespace boundwise::lsp;

namespace {

std::string pathOrError(const URIMapper &URIs, llvm::StringRef URI) {
  auto Path = URIs.toPath(URI);
  if (!Path)
    return "error: " + llvm::toString(Path.takeError());
  return *Path;
}

TEST(URI, FileURIsArePercentDecoded) {
  URIMapper URIs(/*AllowTestScheme=*/false);
  EXPECT_EQ(pathOrError(URIs, "file:///src/a%20b/%C3%A9.cpp"),
            "/src/a b/é.cpp");
  EXPECT_EQ(URIs.toURI("/src/a b/é.cpp"), "file:///src/a%20b/%C3%A9.cpp");
}

TEST(URI, BadURIsAreErrors) {
  URIMapper URIs(/*AllowTestScheme=*/false);
  for (llvm::StringRef Bad :
       {"no-scheme", "http://x/a.cpp", "file://remote/a.cpp", "file:///a%2",
        "file:a", "test:///a.cpp", "file:///a%00b"})
    EXPECT_EQ(llvm::StringRef(pathOrError(URIs, Bad)).starts_with("error: "),
              true)
        << Bad.str();
}

TEST(URI, TestSchemeMapsOntoTheFakeRoot) {
  URIMapper URIs(/*AllowTestScheme=*/true);
  EXPECT_EQ(pathOrError(URIs, "test:///dir/../a.cpp"),
            std::string(TestRoot) + "/a.cpp");
  EXPECT_EQ(URIs.toURI(std::string(TestRoot) + "/a.cpp"), "test:///a.cpp");
  EXPECT_EQ(URIs.toURI("/elsewhere/a.cpp"), "file:///elsewhere/a.cpp");
}

} // namespace
