//===--- Names.cpp - Qualified names as the catalog spells them -----------===//
#include "analyzer/Names.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

/// Whether \p Context contributes a component to the catalog name.
static bool isNamedScope(const DeclContext *Context) {
  if (const auto *Namespace = dyn_cast<NamespaceDecl>(Context))
    return !Namespace->isInline() && !Namespace->isAnonymousNamespace();
  if (const auto *Record = dyn_cast<RecordDecl>(Context))
    return !Record->getName().empty();
  // `std::launch::async`: a scoped enumerator is named through its enum.
  if (const auto *Enum = dyn_cast<EnumDecl>(Context))
    return Enum->isScoped();
  return false;
}

std::string boundwise::catalogNameOf(const NamedDecl *D) {
  // Constructors and operators have no plain identifier; print theirs.
  std::string Name = D->getNameAsString();
  llvm::SmallVector<llvm::StringRef, 6> Scopes;
  for (const DeclContext *Context = D->getDeclContext(); Context;
       Context = Context->getParent()) {
    // A function-local class is named by its own name only.
    if (Context->isFunctionOrMethod())
      break;
    if (isNamedScope(Context))
      Scopes.push_back(cast<NamedDecl>(Context)->getName());
  }
  std::string Qualified;
  for (auto It = Scopes.rbegin(); It != Scopes.rend(); ++It)
    Qualified += (*It + "::").str();
  return Qualified + Name;
}

const CXXRecordDecl *boundwise::classOfType(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const auto *Pointer = T->getAs<PointerType>())
    T = Pointer->getPointeeType();
  return T->getAsCXXRecordDecl();
}

std::string boundwise::catalogTypeName(QualType T) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (const auto *Pointer = T->getAs<PointerType>())
    return catalogTypeName(Pointer->getPointeeType()) + " *";
  if (const auto *Record = T->getAsRecordDecl())
    return catalogNameOf(Record);
  return T.getAsString();
}
