//===--- CallableResolver.cpp - Which functions a callable runs -----------===//
#include "analyzer/CallableResolver.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;
using namespace boundwise;

const Expr *boundwise::stripTemporaries(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    else if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temporary->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else
      return E;
  }
  return E;
}

const Expr *boundwise::stripWrappers(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = Temporary->getSubExpr();
      continue;
    }
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
      continue;
    }
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    // A lambda converted to a function pointer (libuv callbacks).
    if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(E))
      if (isa_and_nonnull<CXXConversionDecl>(Conversion->getMethodDecl())) {
        E = Conversion->getImplicitObjectArgument();
        continue;
      }
    // `(GSourceFunc)on_timeout`, G_CALLBACK(on_clicked): the function cast
    // to the callback type the API takes.
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
      if (Cast->getType()->isFunctionPointerType()) {
        E = Cast->getSubExpr();
        continue;
      }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E))
      if (Unary->getOpcode() == UO_Plus) {
        E = Unary->getSubExpr();
        continue;
      }
    const auto *Construct = dyn_cast<CXXConstructExpr>(E);
    if (Construct && Construct->getNumArgs() == 1 &&
        (Construct->getConstructor()->isCopyOrMoveConstructor() ||
         Construct->getConstructor()->isConvertingConstructor(false))) {
      E = Construct->getArg(0);
      continue;
    }
    return E;
  }
  return E;
}

/// The call operators of a lambda: one, or one per instantiation of a
/// generic lambda.
static void addCallOperators(const CXXRecordDecl *Record, bool IsLambda,
                             llvm::SmallVectorImpl<ResolvedCallable> &Out) {
  if (!Record || !Record->hasDefinition())
    return;
  for (const CXXMethodDecl *Method : Record->methods())
    if (Method->getOverloadedOperator() == OO_Call && Method->hasBody())
      Out.push_back({Method, IsLambda, false});
  for (const Decl *Member : Record->decls()) {
    const auto *Template = dyn_cast<FunctionTemplateDecl>(Member);
    if (!Template || !Template->getTemplatedDecl()->isOverloadedOperator() ||
        Template->getTemplatedDecl()->getOverloadedOperator() != OO_Call)
      continue;
    for (const FunctionDecl *Spec : Template->specializations())
      if (Spec->hasBody())
        Out.push_back({Spec, IsLambda, false});
  }
}

static void resolveInto(const Expr *E, DeclLookup &Lookup, unsigned Depth,
                        llvm::SmallVectorImpl<ResolvedCallable> &Out);

/// `bind_executor(pool, h)`, `std::bind(&C::m, this)`: the wrapped callable.
static bool resolveBinder(const CallExpr *Call, DeclLookup &Lookup,
                          unsigned Depth,
                          llvm::SmallVectorImpl<ResolvedCallable> &Out) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  const Binder *Bind = Lookup.roles(Callee).Bind;
  if (!Bind)
    return false;
  size_t Before = Out.size();
  resolveInto(argumentAt(Call, Bind->CallableArg), Lookup, Depth + 1, Out);
  if (Bind->ExecutorArg && Lookup.executorKind(argumentAt(
                               Call, *Bind->ExecutorArg)) == ExecutorKind::Pool)
    for (size_t I = Before; I < Out.size(); ++I)
      Out[I].OnPool = true;
  return true;
}

static void resolveInto(const Expr *E, DeclLookup &Lookup, unsigned Depth,
                        llvm::SmallVectorImpl<ResolvedCallable> &Out) {
  // Binders and variables nest only a few levels in real code.
  if (!E || Depth > 6)
    return;
  E = stripWrappers(E);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return addCallOperators(Lambda->getLambdaClass(), true, Out);
  if (const auto *AddressOf = dyn_cast<UnaryOperator>(E))
    if (AddressOf->getOpcode() == UO_AddrOf)
      return resolveInto(AddressOf->getSubExpr(), Lookup, Depth + 1, Out);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl())) {
      // A function another file defines is still the one that runs: the
      // project's summaries say what it does.
      const FunctionDecl *Definition = nullptr;
      Out.push_back({Function->hasBody(Definition) ? Definition : Function,
                     false, false});
      return;
    }
    // `auto handler = [..]{..}; async_read(s, b, handler);`
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->hasInit() && !Var->getType()->isPointerType())
        return resolveInto(Var->getInit(), Lookup, Depth + 1, Out);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (resolveBinder(Call, Lookup, Depth, Out))
      return;
  // A function object of the project's own class.
  const CXXRecordDecl *Record = classOfType(E->getType());
  if (!Record || Record->isLambda())
    return addCallOperators(Record, Record && Record->isLambda(), Out);
  SourceLocation Where = Record->getLocation();
  if (Lookup.astContext().getSourceManager().isInSystemHeader(Where))
    return;
  addCallOperators(Record, false, Out);
}

llvm::SmallVector<ResolvedCallable, 2>
boundwise::resolveCallables(const Expr *Callable, DeclLookup &Lookup) {
  llvm::SmallVector<ResolvedCallable, 2> Out;
  resolveInto(Callable, Lookup, 0, Out);
  return Out;
}

const FunctionDecl *boundwise::resolveSpawnedCoroutine(const Expr *Arg) {
  Arg = stripWrappers(Arg);
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Arg))
    return Call->getDirectCallee();
  if (const auto *Lambda = dyn_cast_or_null<LambdaExpr>(Arg))
    return Lambda->getCallOperator();
  return nullptr;
}
