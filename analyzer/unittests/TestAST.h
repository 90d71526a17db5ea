//===--- TestAST.h - An AST and a catalog for analyzer unit tests -*- C++
//-*-===//
#ifndef BOUNDWISE_ANALYZER_UNITTESTS_TESTAST_H
#define BOUNDWISE_ANALYZER_UNITTESTS_TESTAST_H

#include "analyzer/Catalog.h"
#include "analyzer/DeclLookup.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>
#include <vector>

namespace boundwise {

/// The declarations the snippets use, as the system would give them.
inline constexpr const char *TestPrelude = R"cpp(
#define MSG_DONTWAIT 0x40
#define MSG_PEEK 0x2
#define O_NONBLOCK 04000
#define F_SETFL 4
extern "C" long recv(int fd, void *buf, unsigned long len, int flags);
extern "C" int fcntl(int fd, int cmd, ...);
void work();
namespace std {
struct mutex { void lock(); void unlock(); };
struct defer_lock_t {};
struct adopt_lock_t {};
struct try_to_lock_t {};
inline constexpr defer_lock_t defer_lock{};
inline constexpr adopt_lock_t adopt_lock{};
inline constexpr try_to_lock_t try_to_lock{};
template <class M> struct unique_lock {
  explicit unique_lock(M &);
  unique_lock(M &, defer_lock_t);
  unique_lock(M &, adopt_lock_t);
  unique_lock(M &, try_to_lock_t);
  ~unique_lock();
  void lock();
  void unlock();
};
} // namespace std
)cpp";

inline constexpr const char *TestCatalog = R"yaml(
library: test
blocking:
  - names: [recv]
    category: network
    unless:
      - {when: flag-set, arg: 3, flag: MSG_DONTWAIT}
      - {when: fd-nonblocking, arg: 0}
nonblocking-setters:
  - names: [fcntl]
    fd-arg: 0
    flag: {arg: 2, name: O_NONBLOCK}
locks:
  types: [std::unique_lock]
)yaml";

/// One snippet's AST, with the test catalog, and the calls of its function
/// `f` to a function of a given name, in source order.
class TestAST {
public:
  explicit TestAST(const std::string &Code) {
    llvm::Expected<CatalogFile> File =
        parseCatalogFile(TestCatalog, "test.yaml");
    EXPECT_TRUE(static_cast<bool>(File));
    std::vector<CatalogFile> Files;
    Files.push_back(std::move(*File));
    TheCatalog = std::make_unique<Catalog>(std::move(Files));
    Unit = clang::tooling::buildASTFromCodeWithArgs(
        std::string(TestPrelude) + Code, {"-std=c++20"});
    Lookup = std::make_unique<DeclLookup>(Unit->getASTContext(), *TheCatalog);
    for (clang::Decl *D :
         Unit->getASTContext().getTranslationUnitDecl()->decls())
      if (auto *Function = llvm::dyn_cast<clang::FunctionDecl>(D))
        if (Function->getName() == "f" && Function->hasBody())
          F = Function;
  }

  /// The calls in `f` to \p Name.
  std::vector<const clang::CallExpr *> calls(llvm::StringRef Name) const {
    struct Collect : clang::RecursiveASTVisitor<Collect> {
      llvm::StringRef Name;
      std::vector<const clang::CallExpr *> Found;
      bool VisitCallExpr(clang::CallExpr *Call) {
        const clang::FunctionDecl *Callee = Call->getDirectCallee();
        if (Callee && Callee->getIdentifier() && Callee->getName() == Name)
          Found.push_back(Call);
        return true;
      }
    } Visitor;
    Visitor.Name = Name;
    Visitor.TraverseDecl(const_cast<clang::FunctionDecl *>(F));
    return Visitor.Found;
  }

  DeclLookup &lookup() { return *Lookup; }
  const clang::FunctionDecl *function() const { return F; }

private:
  std::unique_ptr<Catalog> TheCatalog;
  std::unique_ptr<clang::ASTUnit> Unit;
  std::unique_ptr<DeclLookup> Lookup;
  const clang::FunctionDecl *F = nullptr;
};

} // namespace boundwise

#endif
