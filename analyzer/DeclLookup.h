//===--- DeclLookup.h - The catalog seen from one AST -----------*- C++ -*-===//
//
/// \file
/// Answers, once per declaration, what the catalog says about a function or
/// a type of one translation unit, and the function's stable identity (USR).
/// Every lookup is cached: a catalog name is computed once per declaration,
/// never once per catalog entry.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_DECLLOOKUP_H
#define BOUNDWISE_ANALYZER_DECLLOOKUP_H

#include "analyzer/Catalog.h"
#include "analyzer/Effects.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class CXXRecordDecl;
class Expr;
class QualType;
} // namespace clang

namespace boundwise {

class DeclLookup {
public:
  DeclLookup(clang::ASTContext &Context, const Catalog &TheCatalog)
      : Context(Context), TheCatalog(TheCatalog) {}

  const Catalog &catalog() const { return TheCatalog; }
  clang::ASTContext &astContext() const { return Context; }

  /// The catalog roles of \p Function (by its canonical declaration), called
  /// on an object of class \p Receiver when it is a member.
  ApiRoles roles(const clang::FunctionDecl *Function,
                 const clang::CXXRecordDecl *Receiver = nullptr);
  /// The catalog roles of the function \p Call calls, a member by the class
  /// of the object it is called on; none for an indirect call.
  ApiRoles roles(const clang::Expr *Call);

  /// The stable identity of \p Function: its USR, made unique for lambdas
  /// and local classes by their location.
  std::string identity(const clang::FunctionDecl *Function);

  /// The catalog role of a value's type (a lock, a GIL guard, a Python
  /// object), looking through references, pointers and base classes.
  TypeRole typeRole(clang::QualType Type);
  /// The same for a class or C struct, its bases included.
  TypeRole typeRole(const clang::RecordDecl *Record);

  /// Where the work of an executor (or execution context) expression runs.
  ExecutorKind executorKind(const clang::Expr *Executor);

  /// The catalog's coroutine type of \p Function's return type, or null
  /// when the type is not in the catalog.
  const CoroutineType *coroutineType(const clang::FunctionDecl *Function);

  /// A user-facing name: `lookup_user`, `Session::on_read`,
  /// `lambda at server.cpp:12`.
  std::string displayName(const clang::FunctionDecl *Function) const;

  /// \p Loc as a file, line and column (of the expansion, for macros).
  SourcePoint point(clang::SourceLocation Loc) const;

private:
  ExecutorKind classifyRecord(const clang::CXXRecordDecl *Record,
                              unsigned Depth);
  TypeRole recordRole(const clang::CXXRecordDecl *Record, unsigned Depth);

  clang::ASTContext &Context;
  const Catalog &TheCatalog;
  /// By function and receiver class.
  llvm::DenseMap<std::pair<const clang::Decl *, const clang::Decl *>, ApiRoles>
      Roles;
  llvm::DenseMap<const clang::Decl *, std::string> Identities;
  llvm::DenseMap<const clang::Decl *, TypeRole> TypeRoles;
};

/// \p Path without `.` and `dir/..` components: one header included as
/// `src/../include/x.h` and as `include/x.h` is one file.
std::string normalizedPath(llvm::StringRef Path);

/// Whether \p Function or any of its redeclarations carries the function
/// effect \p Kind (`[[clang::blocking]]`, `[[clang::nonblocking]]`).
bool hasFunctionEffect(const clang::FunctionDecl *Function,
                       clang::FunctionEffect::Kind Kind);

/// Whether any redeclaration of \p Function carries
/// `[[clang::annotate(Annotation)]]`.
bool hasAnnotation(const clang::FunctionDecl *Function,
                   llvm::StringRef Annotation);

/// The function \p Call (a CallExpr or CXXConstructExpr) calls, or null when
/// it is indirect.
const clang::FunctionDecl *calleeOf(const clang::Expr *Call);

/// The class of the object \p Call calls a member on, as written (not the
/// base class that declares the member), or null.
const clang::CXXRecordDecl *receiverOf(const clang::Expr *Call);

/// The arguments a catalog index counts: those the user wrote, without a
/// member operator call's object and without defaulted trailing ones.
llvm::ArrayRef<const clang::Expr *> callArguments(const clang::Expr *Call);

/// The argument at catalog index \p Index (negative counts from the end), or
/// null when the call has too few.
const clang::Expr *argumentAt(const clang::Expr *Call, int Index);

/// The constant beginning of a string expression: a literal, or a literal
/// that starts a concatenation (`"curl " + url`), through variables and
/// `.c_str()`; empty when nothing of it is constant.
std::string literalPrefix(const clang::Expr *E);

/// Whether \p Path's constant beginning starts with one of \p Prefixes.
bool isPathUnder(const clang::Expr *Path,
                 const std::vector<std::string> &Prefixes);

/// The object a member call is made on (`file` of `file >> x`), or null.
const clang::Expr *callObject(const clang::Expr *Call);

} // namespace boundwise

#endif
