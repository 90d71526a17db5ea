//===--- Contexts.cpp - Where code runs on an event loop ------------------===//
#include "analyzer/Contexts.h"
#include "analyzer/CallableResolver.h"
#include "analyzer/DeclLookup.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"

using namespace clang;
using namespace boundwise;

static constexpr llvm::StringLiteral AsyncAnnotation = "boundwise::async";

static bool isCoroutine(const FunctionDecl *Function) {
  return Function && isa_and_nonnull<CoroutineBodyStmt>(Function->getBody());
}

namespace {

class ContextFinder : public RecursiveASTVisitor<ContextFinder> {
public:
  ContextFinder(DeclLookup &Lookup, FileFilter InScope)
      : Lookup(Lookup), InScope(InScope) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  /// Only the files being analysed are walked: never all of Asio.
  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && !InScope(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitFunctionDecl(FunctionDecl *Function) {
    if (!Function->doesThisDeclarationHaveABody())
      return true;
    addOwnContext(Function, /*IsLambda=*/false);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *Lambda) {
    addOwnContext(Lambda->getCallOperator(), /*IsLambda=*/true);
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    ApiRoles Roles = Lookup.roles(Callee);
    std::string Api = Callee->getNameAsString();
    if (Roles.Handler)
      for (int Index : Roles.Handler->Args)
        addCallables(argumentAt(Call, Index),
                     Roles.Handler->Library == "libuv"
                         ? ContextKind::LoopCallback
                         : ContextKind::Handler,
                     Api, Roles.Handler->Library);
    if (Roles.Submit)
      addSubmitted(Call, *Roles.Submit, Api);
    return true;
  }

  std::vector<AsyncContext> takeContexts() {
    std::vector<AsyncContext> Result;
    for (auto &[Function, Context] : Contexts)
      if (!(Context.Kind == ContextKind::Coroutine &&
            OnPool.count(Function->getCanonicalDecl())))
        Result.push_back(Context);
    return Result;
  }

private:
  /// Contexts a function is by itself: a coroutine, or marked async.
  void addOwnContext(const FunctionDecl *Function, bool IsLambda) {
    if (!Function)
      return;
    if (isCoroutine(Function))
      return add({Function, ContextKind::Coroutine, "",
                  Lookup.coroutineLibrary(Function), IsLambda});
    if (hasAnnotation(Function, AsyncAnnotation))
      return add({Function, ContextKind::Annotated, "", "", IsLambda});
    if (Lookup.roles(Function).AsyncEntryPoint)
      add({Function, ContextKind::EntryPoint, "", "", IsLambda});
  }

  void addCallables(const Expr *Callable, ContextKind Kind,
                    llvm::StringRef Api, llvm::StringRef Library) {
    for (const ResolvedCallable &Resolved : resolveCallables(Callable, Lookup))
      if (!Resolved.OnPool)
        add({Resolved.Function, Kind, Api.str(), Library.str(),
             Resolved.IsLambda});
  }

  /// post/dispatch/co_spawn: on an event loop the callable is a context; on a
  /// pool, a spawned coroutine is not.
  void addSubmitted(const CallExpr *Call, const Submitter &Submit,
                    llvm::StringRef Api) {
    const Expr *Callable = argumentAt(Call, Submit.CallableArg);
    switch (Lookup.executorKind(argumentAt(Call, Submit.ExecutorArg))) {
    case ExecutorKind::EventLoop:
      return addCallables(Callable, ContextKind::Posted, Api, Submit.Library);
    case ExecutorKind::Pool:
      if (const FunctionDecl *Spawned = resolveSpawnedCoroutine(Callable))
        OnPool.insert(Spawned->getCanonicalDecl());
      return;
    case ExecutorKind::Wrapper:
    case ExecutorKind::Unknown:
      return;
    }
  }

  /// One context per function; a coroutine is named as one whatever else
  /// made it a context.
  void add(AsyncContext Context) {
    auto [It, New] = Contexts.insert({Context.Function, Context});
    if (!New && Context.Kind == ContextKind::Coroutine)
      It->second = Context;
  }

  DeclLookup &Lookup;
  FileFilter InScope;
  llvm::MapVector<const FunctionDecl *, AsyncContext> Contexts;
  llvm::DenseSet<const Decl *> OnPool;
};

} // namespace

std::vector<AsyncContext> boundwise::findAsyncContexts(ASTContext &Context,
                                                       DeclLookup &Lookup,
                                                       FileFilter InScope) {
  ContextFinder Finder(Lookup, InScope);
  Finder.TraverseDecl(Context.getTranslationUnitDecl());
  return Finder.takeContexts();
}

std::string boundwise::describeContext(const AsyncContext &Context,
                                       llvm::StringRef FunctionName) {
  std::string Name = ("'" + FunctionName + "'").str();
  std::string Api = "'" + Context.Api + "'";
  std::string Lambda = "the lambda passed to " + Api;
  switch (Context.Kind) {
  case ContextKind::Coroutine:
    return Context.IsLambda ? "this lambda is a coroutine"
                            : Name + " is a coroutine";
  case ContextKind::Handler:
    return Context.IsLambda ? Lambda + " is a completion handler"
                            : Name + " is a completion handler of " + Api;
  case ContextKind::LoopCallback:
    return Context.IsLambda ? Lambda + " is an event-loop callback"
                            : Name + " is an event-loop callback of " + Api;
  case ContextKind::Posted:
    return Context.IsLambda
               ? Lambda + " runs on the event loop"
               : Name + " runs on the event loop (posted with " + Api + ")";
  case ContextKind::Annotated:
    return Name + " is marked boundwise::async";
  case ContextKind::EntryPoint:
    return Name + " is an async entry point";
  }
  llvm_unreachable("covered switch");
}
