//===--- Summarizer.cpp - Effect summaries from function bodies -----------===//
#include "analyzer/Summarizer.h"
#include "analyzer/BodyWalker.h"
#include "analyzer/CallableResolver.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace boundwise;

/// What the conditions of a catalog entry need to know about the function
/// the call is in.
struct boundwise::CallSiteFacts {
  const ASTContext &Context;
  const BodyFacts &Body;
  const llvm::SmallPtrSetImpl<const ValueDecl *> &NonblockingFds;
  /// The calls the body co_awaits: a coroutine runs in its caller only there.
  const llvm::SmallPtrSetImpl<const Expr *> &AwaitedCalls;
};

namespace {
/// Collects the operands of the co_await expressions of a body.
class AwaitedCallFinder : public RecursiveASTVisitor<AwaitedCallFinder> {
public:
  bool VisitCoawaitExpr(CoawaitExpr *Await) {
    Awaited.insert(stripTemporaries(Await->getOperand()));
    return true;
  }
  llvm::SmallPtrSet<const Expr *, 4> Awaited;
};
} // namespace

/// The calls \p Function co_awaits; none unless it is a coroutine.
static llvm::SmallPtrSet<const Expr *, 4>
awaitedCalls(const FunctionDecl *Function) {
  const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(Function->getBody());
  if (!Body)
    return {};
  AwaitedCallFinder Finder;
  Finder.TraverseStmt(Body->getBody());
  return std::move(Finder.Awaited);
}

/// Whether \p E names the constant \p Name, as a macro or an enumerator,
/// alone or combined with others (`MSG_DONTWAIT | MSG_NOSIGNAL`).
static bool mentionsConstant(const Expr *E, llvm::StringRef Name,
                             const ASTContext &Context, unsigned Depth) {
  if (!E || Depth > 8)
    return false;
  const SourceManager &SM = Context.getSourceManager();
  for (SourceLocation Loc = E->getBeginLoc(); Loc.isMacroID();
       Loc = SM.getImmediateMacroCallerLoc(Loc))
    if (Lexer::getImmediateMacroName(Loc, SM, Context.getLangOpts()) == Name)
      return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts())) {
    const NamedDecl *Named = Ref->getDecl();
    if (Named->getIdentifier() && Named->getName() == Name)
      return true;
    // `int flags = MSG_DONTWAIT; recv(fd, buf, n, flags);`
    if (const auto *Var = dyn_cast<VarDecl>(Named))
      if (Var->getInit())
        return mentionsConstant(Var->getInit(), Name, Context, Depth + 1);
  }
  for (const Stmt *Child : E->children())
    if (mentionsConstant(dyn_cast_or_null<Expr>(Child), Name, Context,
                         Depth + 1))
      return true;
  return false;
}

/// Whether the struct variable \p Var holds zeros: `= {0, 0}`, `= {}`, or
/// assigned zero field by field.
static bool isZeroedVariable(const VarDecl *Var, const CallSiteFacts &Facts) {
  const Expr *Init = Var->getInit();
  // `struct timeval tv;` in C++ has a trivial constructor call as its
  // initialiser: it zeroes nothing.
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init))
    if (Construct->getNumArgs() == 0 &&
        Construct->getConstructor()->isTrivial())
      Init = nullptr;
  if (!Init) {
    auto It = Facts.Body.MembersAssignedZero.find(Var);
    return It != Facts.Body.MembersAssignedZero.end() && It->second;
  }
  const auto *List = dyn_cast<InitListExpr>(Init->IgnoreParenImpCasts());
  if (!List)
    return false;
  for (const Expr *Element : List->inits())
    if (!isa<ImplicitValueInitExpr>(Element) &&
        !isZeroConstant(Element, Facts.Context))
      return false;
  return true;
}

/// Whether a user-defined literal (`0ms`, `0s`) has the value zero. A
/// literal operator template (libstdc++'s chrono literals) has no cooked
/// literal; its spelling tells.
static bool isZeroLiteral(const UserDefinedLiteral *Literal,
                          const ASTContext &Context) {
  switch (Literal->getLiteralOperatorKind()) {
  case UserDefinedLiteral::LOK_Integer:
  case UserDefinedLiteral::LOK_Floating: {
    const Expr *Cooked = Literal->getCookedLiteral();
    if (const auto *Floating = dyn_cast<FloatingLiteral>(Cooked))
      return Floating->getValue().isZero();
    return isZeroConstant(Cooked, Context);
  }
  case UserDefinedLiteral::LOK_Raw:
  case UserDefinedLiteral::LOK_Template: {
    const SourceManager &SM = Context.getSourceManager();
    llvm::StringRef Spelling = Lexer::getSourceText(
        CharSourceRange::getTokenRange(Literal->getBeginLoc()), SM,
        Context.getLangOpts());
    llvm::StringRef Digits =
        Spelling.take_while([](char C) { return isDigit(C) || C == '\'' || C == '.'; });
    return !Digits.empty() &&
           Digits.find_first_not_of("0'.") == llvm::StringRef::npos;
  }
  case UserDefinedLiteral::LOK_String:
  case UserDefinedLiteral::LOK_Character:
    return false;
  }
  llvm_unreachable("covered switch");
}

/// Whether \p E is a timeout that does not wait: 0, a zero duration, a
/// deadline of now(), or a pointer to a zeroed timeval/timespec.
static bool isZeroTimeout(const Expr *E, const CallSiteFacts &Facts,
                          unsigned Depth) {
  if (!E || Depth > 6)
    return false;
  // A pointer timeout (select, ppoll) waits forever when null: only a
  // pointer to zeros is a zero timeout. Checked before the casts go.
  bool IsPointer = E->getType()->isPointerType();
  E = stripTemporaries(E);
  if (IsPointer) {
    const auto *AddressOf = dyn_cast<UnaryOperator>(E);
    if (!AddressOf || AddressOf->getOpcode() != UO_AddrOf)
      return false;
    const auto *Var = dyn_cast_or_null<VarDecl>(namedValue(AddressOf->getSubExpr()));
    return Var && isZeroedVariable(Var, Facts);
  }
  if (isZeroConstant(E, Facts.Context))
    return true;
  if (const auto *Literal = dyn_cast<UserDefinedLiteral>(E))
    return isZeroLiteral(Literal, Facts.Context);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() == 1 &&
           isZeroTimeout(Construct->getArg(0), Facts, Depth + 1);
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() &&
        (Callee->getName() == "zero" || Callee->getName() == "now"))
      return true;
  }
  if (const auto *Var = dyn_cast_or_null<VarDecl>(namedValue(E)))
    if (Var->getInit() && Var->getType().isConstQualified())
      return isZeroTimeout(Var->getInit(), Facts, Depth + 1);
  return false;
}

static bool conditionHolds(const Condition &Cond, const Expr *Call,
                           const CallSiteFacts &Facts) {
  const Expr *Arg = argumentAt(Call, Cond.Arg);
  switch (Cond.When) {
  case ConditionKind::FlagSet:
    return mentionsConstant(Arg, Cond.Flag, Facts.Context, 0);
  case ConditionKind::FdNonblocking:
    return Facts.NonblockingFds.count(namedValue(Arg)) != 0;
  case ConditionKind::ZeroTimeout:
    return isZeroTimeout(Arg, Facts, 0);
  case ConditionKind::ArgNull:
    return Arg && Arg->isNullPointerConstant(
                      const_cast<ASTContext &>(Facts.Context),
                      Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
  case ConditionKind::MinArgs:
    return callArguments(Call).size() >= Cond.Count;
  }
  llvm_unreachable("covered switch");
}

static bool callBlocks(const BlockingEntry &Entry, const Expr *Call,
                       const CallSiteFacts &Facts) {
  for (const Condition &Cond : Entry.Unless)
    if (conditionHolds(Cond, Call, Facts))
      return false;
  for (const Condition &Cond : Entry.OnlyIf)
    if (!conditionHolds(Cond, Call, Facts))
      return false;
  return true;
}

static const FunctionDecl *calleeOf(const Expr *Call) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call))
    return Construct->getConstructor();
  return cast<CallExpr>(Call)->getDirectCallee();
}

/// The API as the user wrote it: a constructor shows its type
/// (`std::ifstream`), a function its catalog name.
static std::string apiSpelling(const Expr *Call, const FunctionDecl *Callee,
                               const ASTContext &Context) {
  if (isa<CXXConstructExpr>(Call))
    return Call->getType().getLocalUnqualifiedType().getAsString(
        Context.getPrintingPolicy());
  return catalogNameOf(Callee);
}

/// For a virtual call, the one function it can reach, or null when dynamic
/// dispatch hides the target.
static const FunctionDecl *staticTarget(const Expr *Call,
                                        const FunctionDecl *Callee) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method || !Method->isVirtual())
    return Callee;
  const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(Call);
  if (!MemberCall)
    return nullptr;
  const auto *Member = dyn_cast<MemberExpr>(MemberCall->getCallee());
  if (Member && Member->hasQualifier())
    return Method;
  return Method->getDevirtualizedMethod(
      MemberCall->getImplicitObjectArgument(), /*IsAppleKext=*/false);
}

/// Whether boundwise looks inside \p Definition: project code, and template
/// instantiations of library code (they run the project's callables).
static bool isFollowed(const FunctionDecl *Definition,
                       const SourceManager &SM) {
  if (!SM.isInSystemHeader(Definition->getLocation()))
    return true;
  return Definition->isTemplateInstantiation();
}

/// The descriptors made non-blocking in the body, by the catalog's setters.
static llvm::SmallPtrSet<const ValueDecl *, 4>
nonblockingDescriptors(const BodyFacts &Body, DeclLookup &Lookup) {
  llvm::SmallPtrSet<const ValueDecl *, 4> Fds;
  for (const CallSite &Site : Body.Calls) {
    const FunctionDecl *Callee = calleeOf(Site.Call);
    const NonblockingSetter *Setter =
        Callee ? Lookup.roles(Callee).Setter : nullptr;
    if (!Setter || !mentionsConstant(argumentAt(Site.Call, Setter->Flag.Arg),
                                     Setter->Flag.Name, Lookup.astContext(),
                                     0))
      continue;
    if (Setter->Result)
      Fds.insert(Body.ResultOf.lookup(Site.Call));
    if (Setter->FdArg)
      Fds.insert(namedValue(argumentAt(Site.Call, *Setter->FdArg)));
  }
  return Fds;
}

/// The integer constants a call passes, by parameter index.
static std::vector<std::pair<unsigned, int64_t>>
constantArguments(const Expr *Call, const ASTContext &Context) {
  std::vector<std::pair<unsigned, int64_t>> Constants;
  llvm::ArrayRef<const Expr *> Args = callArguments(Call);
  for (unsigned I = 0; I < Args.size(); ++I) {
    Expr::EvalResult Result;
    if (!Args[I]->isValueDependent() &&
        Args[I]->getType()->isIntegralOrEnumerationType() &&
        Args[I]->EvaluateAsInt(Result, Context))
      Constants.push_back({I, Result.Val.getInt().getExtValue()});
  }
  return Constants;
}

void Summarizer::addCallEffects(const CallSite &Site, FunctionSummary &Summary,
                                const CallSiteFacts &Facts,
                                std::vector<const FunctionDecl *> &Worklist) {
  ASTContext &Context = Lookup.astContext();
  const Expr *Call = Site.Call;
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Callee)
    return;
  SourcePoint Where = Lookup.point(Call->getExprLoc());
  if (hasFunctionEffect(Callee, FunctionEffect::Kind::Blocking)) {
    Summary.Ops.push_back({Category::Declared, catalogNameOf(Callee),
                           "is marked [[clang::blocking]]", {}, Where,
                           Site.State});
    return;
  }
  ApiRoles Roles = Lookup.roles(Callee);
  std::string Api = apiSpelling(Call, Callee, Context);
  if (Roles.Blocking && callBlocks(*Roles.Blocking, Call, Facts))
    Summary.Ops.push_back(
        {Roles.Blocking->Cat, Api,
         Roles.Blocking->What.empty() ? "blocks" : Roles.Blocking->What,
         Roles.Blocking->Alternative, Where, Site.State});
  if (Roles.CpuHeavy)
    Summary.Ops.push_back({Category::Cpu, Api,
                           Roles.CpuHeavy->What.empty()
                               ? "computes for long"
                               : Roles.CpuHeavy->What,
                           {}, Where, Site.State});
  bool CreatesPythonObject = isa<CXXConstructExpr>(Call) &&
                             Lookup.typeRole(Call->getType()) ==
                                 TypeRole::PythonObject;
  if (Roles.TouchesPython || CreatesPythonObject)
    Summary.Ops.push_back({Category::Python, Api, "touches Python objects",
                           {}, Where, Site.State});
  // The catalog's word on a function is final: its body is not entered.
  if (Roles.isKnown() || CreatesPythonObject)
    return;
  const FunctionDecl *Target = staticTarget(Call, Callee);
  const FunctionDecl *Definition = nullptr;
  if (!Target || !Target->hasBody(Definition) ||
      !isFollowed(Definition, Context.getSourceManager()))
    return;
  // A coroutine that is made but not awaited runs where it is started
  // (`session(s).via(ex)`, `co_spawn`), not in the caller.
  if (isa<CoroutineBodyStmt>(Definition->getBody()) &&
      !Facts.AwaitedCalls.count(Call))
    return;
  Summary.Calls.push_back({Lookup.identity(Definition), Where, Site.State,
                           constantArguments(Call, Context), Site.InLoop});
  Worklist.push_back(Definition);
}

void Summarizer::summarizeOne(const FunctionDecl *Function,
                              std::vector<const FunctionDecl *> &Worklist) {
  FunctionSummary &Summary = Index.getOrCreate(Lookup.identity(Function));
  Summary.Name = Lookup.displayName(Function);
  Summary.Loc = Lookup.point(Function->getLocation());
  if (hasFunctionEffect(Function, FunctionEffect::Kind::NonBlocking)) {
    Summary.TrustedNonblocking = true;
    return;
  }
  BodyFacts Body = walkBody(Function, Lookup, Cost);
  llvm::SmallPtrSet<const ValueDecl *, 4> NonblockingFds =
      nonblockingDescriptors(Body, Lookup);
  llvm::SmallPtrSet<const Expr *, 4> Awaited = awaitedCalls(Function);
  CallSiteFacts Facts{Lookup.astContext(), Body, NonblockingFds, Awaited};
  for (const CallSite &Site : Body.Calls)
    addCallEffects(Site, Summary, Facts, Worklist);
  for (const LoopFinding &Loop : Body.HeavyLoops)
    Summary.Ops.push_back({Category::Cpu, Loop.Short, Loop.What, {},
                           Lookup.point(Loop.Loop->getBeginLoc()), Loop.State,
                           /*IsLoop=*/true});
  for (const BodyFacts::ParamBound &Loop : Body.ParamLoops)
    Summary.ParamLoops.push_back(
        {Loop.Param, Loop.Factor, Lookup.point(Loop.Loop->getBeginLoc())});
}

std::string Summarizer::summarize(const FunctionDecl *Function) {
  std::vector<const FunctionDecl *> Worklist{Function};
  while (!Worklist.empty()) {
    const FunctionDecl *Next = Worklist.back();
    Worklist.pop_back();
    if (Done.insert(Next).second)
      summarizeOne(Next, Worklist);
  }
  return Lookup.identity(Function);
}
