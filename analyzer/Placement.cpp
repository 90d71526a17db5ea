//===--- Placement.cpp - Where coroutines run -----------------------------===//
#include "analyzer/Placement.h"
#include "analyzer/CallableResolver.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;
using namespace boundwise;

std::optional<Place> boundwise::placeOfExecutor(ExecutorKind Kind) {
  switch (Kind) {
  case ExecutorKind::EventLoop:
    return Place::EventLoop;
  case ExecutorKind::Pool:
    return Place::Pool;
  case ExecutorKind::Wrapper:
  case ExecutorKind::Unknown:
    return std::nullopt;
  }
  llvm_unreachable("covered switch");
}

/// Whether \p Record or one of its bases declares `yield_value`.
static bool declaresYieldValue(const CXXRecordDecl *Record, unsigned Depth) {
  // Promise hierarchies are shallow (promise -> promise_base).
  if (!Record || !Record->hasDefinition() || Depth > 4)
    return false;
  IdentifierInfo &Name = Record->getASTContext().Idents.get("yield_value");
  if (!Record->lookup(DeclarationName(&Name)).empty())
    return true;
  return llvm::any_of(Record->bases(), [&](const CXXBaseSpecifier &Base) {
    return declaresYieldValue(classOfType(Base.getType()), Depth + 1);
  });
}

std::optional<CoroutineKind>
boundwise::coroutineKindOf(const FunctionDecl *Coroutine, DeclLookup &Lookup) {
  if (const CoroutineType *Known = Lookup.coroutineType(Coroutine))
    return Known->Kind;
  const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(Coroutine->getBody());
  const VarDecl *Promise = Body ? Body->getPromiseDecl() : nullptr;
  if (Promise && declaresYieldValue(classOfType(Promise->getType()), 0))
    return CoroutineKind::Generator;
  return std::nullopt;
}

/// The executor an argument converts to a type-erased one
/// (`any_io_executor(pool.get_executor())`): the converted one.
static const Expr *convertedExecutor(const Expr *Arg) {
  const auto *Construct =
      dyn_cast_or_null<CXXConstructExpr>(stripTemporaries(Arg));
  if (!Construct || Construct->getNumArgs() == 0 ||
      !Construct->getConstructor()->isConvertingConstructor(
          /*AllowExplicit=*/true) ||
      !llvm::all_of(llvm::drop_begin(Construct->arguments()),
                    [](const Expr *E) { return isa<CXXDefaultArgExpr>(E); }))
    return Arg;
  return Construct->getArg(0);
}

/// The first argument of the constructor call that initialises a value:
/// `tcp::socket sock(pool)`, `tcp::socket(pool.get_executor())`.
static const Expr *firstConstructorArg(const Expr *Init) {
  const auto *Construct =
      dyn_cast_or_null<CXXConstructExpr>(stripTemporaries(Init));
  if (!Construct || Construct->getNumArgs() == 0)
    return nullptr;
  // A copy or a move keeps the executor of its source.
  if (Construct->getConstructor()->isCopyOrMoveConstructor())
    return firstConstructorArg(Construct->getArg(0));
  return convertedExecutor(Construct->getArg(0));
}

/// The executor a member is given by every constructor of its class that
/// initialises it, or Unknown when they differ.
static ExecutorKind memberExecutor(const FieldDecl *Field, DeclLookup &Lookup) {
  if (Field->hasInClassInitializer())
    return Lookup.executorKind(
        firstConstructorArg(Field->getInClassInitializer()));
  const auto *Record = dyn_cast<CXXRecordDecl>(Field->getParent());
  std::optional<ExecutorKind> Agreed;
  for (const CXXConstructorDecl *Constructor : Record->ctors()) {
    const FunctionDecl *Definition = nullptr;
    if (!Constructor->hasBody(Definition))
      continue;
    for (const CXXCtorInitializer *Init :
         cast<CXXConstructorDecl>(Definition)->inits()) {
      if (Init->getMember() != Field || !Init->isWritten())
        continue;
      ExecutorKind Kind =
          Lookup.executorKind(firstConstructorArg(Init->getInit()));
      if (Agreed && *Agreed != Kind)
        return ExecutorKind::Unknown;
      Agreed = Kind;
    }
  }
  return Agreed.value_or(ExecutorKind::Unknown);
}

ExecutorKind boundwise::ioObjectExecutor(const Expr *Object,
                                         DeclLookup &Lookup) {
  Object = Object ? Object->IgnoreParenImpCasts() : nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Object)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    return Var && Var->getInit()
               ? Lookup.executorKind(firstConstructorArg(Var->getInit()))
               : ExecutorKind::Unknown;
  }
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(Object))
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
      return memberExecutor(Field, Lookup);
  return ExecutorKind::Unknown;
}

void Placement::addCoroutine(const FunctionDecl *Coroutine,
                             std::optional<CoroutineKind> Kind) {
  Coroutines[Coroutine->getCanonicalDecl()] = Kind;
}

void Placement::addStart(const FunctionDecl *Function,
                         std::optional<Place> Where) {
  if (Where)
    Starts[Function->getCanonicalDecl()].add(*Where);
  else
    StartedSomewhere.insert(Function->getCanonicalDecl());
}

void Placement::addCall(const FunctionDecl *Caller,
                        const FunctionDecl *Callee) {
  Callers[Callee->getCanonicalDecl()].insert(Caller->getCanonicalDecl());
}

PlaceSet Placement::placesOfCaller(const FunctionDecl *Caller) const {
  if (Coroutines.count(Caller))
    return Resolved.lookup(Caller);
  PlaceSet Started = Starts.lookup(Caller);
  if (!Started.empty())
    return Started;
  PlaceSet Own;
  Own.add(Place::OwnThread);
  return Own;
}

void Placement::resolve() {
  // Seeds: the starts; a coroutine nothing starts or calls, or that an API
  // starts on an executor of unknown kind, falls back to what its type
  // makes of it, if anything.
  for (const auto &[Coroutine, Kind] : Coroutines) {
    PlaceSet Seed = Starts.lookup(Coroutine);
    if (Seed.empty() && Kind &&
        (!Callers.count(Coroutine) || StartedSomewhere.count(Coroutine)))
      Seed.add(*Kind == CoroutineKind::Task ? Place::EventLoop
                                            : Place::OwnThread);
    Resolved[Coroutine] = Seed;
  }
  // Places only grow, and there are finitely many: a fixed point comes.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[Callee, CallerSet] : Callers) {
      auto It = Resolved.find(Callee);
      if (It == Resolved.end())
        continue;
      PlaceSet Joined = It->second;
      for (const FunctionDecl *Caller : CallerSet)
        Joined.add(placesOfCaller(Caller));
      if (Joined == It->second)
        continue;
      It->second = Joined;
      Changed = true;
    }
  }
}

PlaceSet Placement::placesOf(const FunctionDecl *Coroutine) const {
  return Resolved.lookup(Coroutine->getCanonicalDecl());
}
