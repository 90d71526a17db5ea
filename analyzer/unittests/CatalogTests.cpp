//===--- CatalogTests.cpp - Which catalog entry a name matches ------------===//
//
// The catalog's name index: a later file (a project's) over an earlier one,
// exact names and globs, overloads told apart by parameter types, C names
// that match only a library's declaration, disabled APIs, and the errors a
// malformed file gives.
//
//===----------------------------------------------------------------------===//
#include "analyzer/Catalog.h"
#include "gtest/gtest.h"

using namespace boundwise;

namespace {

CatalogFile parse(llvm::StringRef Text, bool FromProject = false) {
  auto File = parseCatalogFile(Text, "test.yaml");
  EXPECT_TRUE(static_cast<bool>(File)) << llvm::toString(File.takeError());
  File->FromProject = FromProject;
  return std::move(*File);
}

const char *Base = R"yaml(
library: base
blocking:
  - names: [recv, 'net::*']
    category: network
    what: receives
  - names: [net::send]
    category: network
    what: sends exactly
  - names: [io::read]
    category: file
    what: reads a path
    params: ['char *']
)yaml";

ApiQuery query(std::string Name, bool FromLibrary = true) {
  ApiQuery Query;
  Query.Names = {std::move(Name)};
  Query.FromLibrary = FromLibrary;
  return Query;
}

std::string whatBlocks(const Catalog &TheCatalog, const ApiQuery &Query) {
  ApiRoles Roles = TheCatalog.lookup(Query);
  return Roles.Blocking ? Roles.Blocking->What : "";
}

} // namespace

TEST(CatalogTest, ExactNamesComeBeforeGlobs) {
  std::vector<CatalogFile> Files;
  Files.push_back(parse(Base));
  Catalog TheCatalog(std::move(Files));
  EXPECT_EQ(whatBlocks(TheCatalog, query("net::send")), "sends exactly");
  EXPECT_EQ(whatBlocks(TheCatalog, query("net::recv_all")), "receives");
  EXPECT_EQ(whatBlocks(TheCatalog, query("other::send")), "");
}

TEST(CatalogTest, AProjectsEntryComesBeforeTheBase) {
  std::vector<CatalogFile> Files;
  Files.push_back(parse(Base));
  Files.push_back(parse(R"yaml(
blocking:
  - names: [net::send]
    category: wait
    what: waits for the peer
)yaml",
                        /*FromProject=*/true));
  Catalog TheCatalog(std::move(Files));
  EXPECT_EQ(whatBlocks(TheCatalog, query("net::send")), "waits for the peer");
}

TEST(CatalogTest, ParamsTellOverloadsApart) {
  std::vector<CatalogFile> Files;
  Files.push_back(parse(Base));
  Catalog TheCatalog(std::move(Files));
  ApiQuery Path = query("io::read");
  Path.ParamTypes = std::vector<std::string>{"char *"};
  ApiQuery Descriptor = query("io::read");
  Descriptor.ParamTypes = std::vector<std::string>{"int"};
  EXPECT_EQ(whatBlocks(TheCatalog, Path), "reads a path");
  EXPECT_EQ(whatBlocks(TheCatalog, Descriptor), "");
}

TEST(CatalogTest, ALibrarysCNameMatchesOnlyALibraryDeclaration) {
  std::vector<CatalogFile> Files;
  Files.push_back(parse(Base));
  Catalog TheCatalog(std::move(Files));
  EXPECT_EQ(whatBlocks(TheCatalog, query("recv")), "receives");
  // The project's own `recv`, with a body: judged by its body.
  EXPECT_EQ(whatBlocks(TheCatalog, query("recv", /*FromLibrary=*/false)), "");
  // Qualified names are the library's whoever declares them.
  EXPECT_EQ(whatBlocks(TheCatalog, query("net::send", /*FromLibrary=*/false)),
            "sends exactly");
}

TEST(CatalogTest, DisabledApisBlockNothing) {
  std::vector<CatalogFile> Files;
  Files.push_back(parse(Base));
  Catalog TheCatalog(std::move(Files), {"net::send"});
  EXPECT_EQ(whatBlocks(TheCatalog, query("net::send")), "");
  EXPECT_EQ(whatBlocks(TheCatalog, query("recv")), "receives");
}

TEST(CatalogTest, AMalformedGlobOrKindIsAnErrorWithItsPlace) {
  auto Glob = parseCatalogFile("blocking:\n  - names: ['net::[']\n"
                               "    category: network\n",
                               "bad.yaml");
  ASSERT_FALSE(static_cast<bool>(Glob));
  std::string GlobError = llvm::toString(Glob.takeError());
  EXPECT_NE(GlobError.find("bad.yaml:2:"), std::string::npos) << GlobError;
  EXPECT_NE(GlobError.find("a malformed glob 'net::['"), std::string::npos);
  auto Kind = parseCatalogFile(
      "cpu-heavy:\n  - names: [render]\n    kind: maths\n", "bad.yaml");
  ASSERT_FALSE(static_cast<bool>(Kind));
  EXPECT_NE(llvm::toString(Kind.takeError()).find("bad.yaml:3:"),
            std::string::npos);
}

TEST(CatalogTest, ASetterNeedsAFlagOrAPath) {
  auto Neither = parseCatalogFile(
      "nonblocking-setters:\n  - names: [open]\n    result: true\n",
      "bad.yaml");
  ASSERT_FALSE(static_cast<bool>(Neither));
  EXPECT_NE(llvm::toString(Neither.takeError())
                .find("a nonblocking setter needs 'flag' or 'path'"),
            std::string::npos);
  auto EmptyPath = parseCatalogFile("nonblocking-setters:\n  - names: [open]\n"
                                    "    result: true\n"
                                    "    path: {arg: 0, prefixes: []}\n",
                                    "bad.yaml");
  ASSERT_FALSE(static_cast<bool>(EmptyPath));
  EXPECT_NE(llvm::toString(EmptyPath.takeError()).find("needs 'prefixes'"),
            std::string::npos);
  auto Path = parseCatalogFile("nonblocking-setters:\n  - names: [fopen]\n"
                               "    result: true\n"
                               "    path: {arg: 0, prefixes: [/proc/]}\n",
                               "good.yaml");
  ASSERT_TRUE(static_cast<bool>(Path)) << llvm::toString(Path.takeError());
}
