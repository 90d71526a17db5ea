//===--- Summarizer.cpp - Effect summaries from function bodies -----------===//
#include "analyzer/Summarizer.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace boundwise;

/// The variable or member an expression names, or null.
static const ValueDecl *namedValue(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

static bool isZeroConstant(const Expr *E, const ASTContext &Context) {
  Expr::EvalResult Result;
  return !E->isValueDependent() && E->getType()->isIntegralOrEnumerationType() &&
         E->EvaluateAsInt(Result, Context) && Result.Val.getInt() == 0;
}

namespace {

/// The calls one function body makes itself. Lambda bodies and local classes
/// are functions of their own and are summarised separately.
class CallCollector : public RecursiveASTVisitor<CallCollector> {
public:
  explicit CallCollector(const ASTContext &Context) : Context(Context) {}

  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (Expr *Init : Lambda->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }
  bool TraverseBlockExpr(BlockExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  bool VisitCallExpr(CallExpr *Call) {
    Calls.push_back(Call);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    Calls.push_back(Construct);
    return true;
  }
  bool VisitVarDecl(VarDecl *Var) {
    if (const auto *Call = dyn_cast_or_null<CallExpr>(
            Var->getInit() ? Var->getInit()->IgnoreParenImpCasts() : nullptr))
      ResultOf[Call] = Var;
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Assign) {
    if (Assign->getOpcode() != BO_Assign)
      return true;
    const Expr *Rhs = Assign->getRHS()->IgnoreParenImpCasts();
    if (const auto *Call = dyn_cast<CallExpr>(Rhs))
      if (const ValueDecl *Target = namedValue(Assign->getLHS()))
        ResultOf[Call] = Target;
    noteMemberAssignment(Assign->getLHS(), Rhs);
    return true;
  }

  std::vector<const Expr *> Calls;
  /// The variable each call's result is stored in.
  llvm::DenseMap<const Expr *, const ValueDecl *> ResultOf;
  /// Per struct variable: whether every `var.field = x` assigns zero.
  llvm::DenseMap<const VarDecl *, bool> MembersAssignedZero;

private:
  /// `tv.tv_sec = 0; tv.tv_usec = 0;` zeroes a timeout field by field.
  void noteMemberAssignment(const Expr *Lhs, const Expr *Rhs) {
    const auto *Member = dyn_cast<MemberExpr>(Lhs->IgnoreParenImpCasts());
    if (!Member)
      return;
    const auto *Var = dyn_cast_or_null<VarDecl>(namedValue(Member->getBase()));
    if (!Var)
      return;
    bool Zero = isZeroConstant(Rhs, Context);
    auto [It, New] = MembersAssignedZero.try_emplace(Var, Zero);
    if (!New)
      It->second = It->second && Zero;
  }

  const ASTContext &Context;
};

/// What the conditions of a catalog entry need to know about the function
/// the call is in.
struct CallSiteFacts {
  const ASTContext &Context;
  const CallCollector &Body;
  const llvm::SmallPtrSetImpl<const ValueDecl *> &NonblockingFds;
};

} // namespace

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

static const Expr *stripTemporaries(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temporary->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else
      return E;
  }
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

void Summarizer::summarizeOne(const FunctionDecl *Function,
                              std::vector<const FunctionDecl *> &Worklist) {
  ASTContext &Context = Lookup.astContext();
  FunctionSummary &Summary = Index.getOrCreate(Lookup.identity(Function));
  Summary.Name = Lookup.displayName(Function);
  Summary.Loc = Lookup.point(Function->getLocation());
  if (hasFunctionEffect(Function, FunctionEffect::Kind::NonBlocking)) {
    Summary.TrustedNonblocking = true;
    return;
  }
  CallCollector Body(Context);
  Body.TraverseStmt(const_cast<Stmt *>(Function->getBody()));

  llvm::SmallPtrSet<const ValueDecl *, 4> NonblockingFds;
  CallSiteFacts Facts{Context, Body, NonblockingFds};
  for (const Expr *Call : Body.Calls) {
    const FunctionDecl *Callee = calleeOf(Call);
    const NonblockingSetter *Setter =
        Callee ? Lookup.roles(Callee).Setter : nullptr;
    if (!Setter || !mentionsConstant(argumentAt(Call, Setter->Flag.Arg),
                                     Setter->Flag.Name, Context, 0))
      continue;
    if (Setter->Result)
      NonblockingFds.insert(Body.ResultOf.lookup(Call));
    if (Setter->FdArg)
      NonblockingFds.insert(namedValue(argumentAt(Call, *Setter->FdArg)));
  }

  for (const Expr *Call : Body.Calls) {
    const FunctionDecl *Callee = calleeOf(Call);
    if (!Callee)
      continue;
    SourcePoint Where = Lookup.point(Call->getExprLoc());
    if (hasFunctionEffect(Callee, FunctionEffect::Kind::Blocking)) {
      Summary.Ops.push_back({Category::Declared, catalogNameOf(Callee),
                             "is marked [[clang::blocking]]", {}, Where});
      continue;
    }
    ApiRoles Roles = Lookup.roles(Callee);
    if (Roles.Blocking && callBlocks(*Roles.Blocking, Call, Facts))
      Summary.Ops.push_back({Roles.Blocking->Cat,
                             apiSpelling(Call, Callee, Context),
                             Roles.Blocking->What.empty()
                                 ? std::string("blocks")
                                 : Roles.Blocking->What,
                             Roles.Blocking->Alternative, Where});
    // The catalog's word on a function is final: its body is not entered.
    if (Roles.isKnown())
      continue;
    const FunctionDecl *Target = staticTarget(Call, Callee);
    const FunctionDecl *Definition = nullptr;
    if (!Target || !Target->hasBody(Definition) ||
        !isFollowed(Definition, Context.getSourceManager()))
      continue;
    Summary.Calls.push_back({Lookup.identity(Definition), Where});
    Worklist.push_back(Definition);
  }
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
