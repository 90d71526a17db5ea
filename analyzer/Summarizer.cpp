//===--- Summarizer.cpp - Effect summaries from function bodies -----------===//
#include "analyzer/Summarizer.h"
#include "analyzer/BodyWalker.h"
#include "analyzer/CallableResolver.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/FlowState.h"
#include "analyzer/LockModel.h"
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
  DeclLookup &Lookup;
  const BodyFacts &Body;
  const ConditionAnalysis &Conditions;
  const ConditionFacts &Flow;
  /// The function runs on an object its task owns.
  bool OwnObject;
  /// The calls the body co_awaits: a coroutine runs in its caller only there.
  const llvm::SmallPtrSetImpl<const Expr *> &AwaitedCalls;
  /// What is known of the size of the data the body works on.
  const InputSize &Sizes;
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
    llvm::StringRef Digits = Spelling.take_while(
        [](char C) { return isDigit(C) || C == '\'' || C == '.'; });
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
    const auto *Var =
        dyn_cast_or_null<VarDecl>(namedValue(AddressOf->getSubExpr()));
    return Var && isZeroedVariable(Var, Facts);
  }
  if (isZeroConstant(E, Facts.Context))
    return true;
  if (const auto *Literal = dyn_cast<UserDefinedLiteral>(E))
    return isZeroLiteral(Literal, Facts.Context);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() == 1 &&
           isZeroTimeout(Construct->getArg(0), Facts, Depth + 1);
  if (isa<CallExpr>(E) && Facts.Lookup.roles(E).ZeroTimeout)
    return true;
  if (const auto *Var = dyn_cast_or_null<VarDecl>(namedValue(E)))
    if (Var->getInit() && Var->getType().isConstQualified())
      return isZeroTimeout(Var->getInit(), Facts, Depth + 1);
  return false;
}

/// Whether \p Class is one of \p Names (catalog names) or derives from one.
static bool isClassOrDerived(const CXXRecordDecl *Class,
                             const std::vector<std::string> &Names,
                             unsigned Depth) {
  // Stream hierarchies are a few levels deep (ifstream -> istream -> ios).
  if (!Class || Depth > 8)
    return false;
  if (llvm::is_contained(Names, catalogNameOf(Class)))
    return true;
  if (!Class->hasDefinition())
    return false;
  return llvm::any_of(Class->bases(), [&](const CXXBaseSpecifier &Base) {
    return isClassOrDerived(classOfType(Base.getType()), Names, Depth + 1);
  });
}

static bool conditionHolds(const Condition &Cond, const CallSite &Site,
                           const CallSiteFacts &Facts) {
  const Expr *Call = Site.Call;
  const Expr *Arg = Cond.Object ? callObject(Call) : argumentAt(Call, Cond.Arg);
  switch (Cond.When) {
  case ConditionKind::FlagSet:
    if (!Cond.Flag.empty() &&
        Facts.Conditions.flagSet(Arg, Cond.Flag, Facts.Flow.at(Call)))
      return true;
    return llvm::any_of(Cond.Flags, [&](const std::string &Flag) {
      return Facts.Conditions.flagSet(Arg, Flag, Facts.Flow.at(Call));
    });
  case ConditionKind::ArgClass:
    // The argument as written, before its conversion to the parameter's base.
    return Arg &&
           isClassOrDerived(classOfType(Arg->IgnoreParenImpCasts()->getType()),
                            Cond.Classes, 0);
  case ConditionKind::FdNonblocking:
    return Facts.Flow.at(Call).Nonblocking.count(
               Facts.Conditions.descriptorOf(Arg)) != 0;
  case ConditionKind::FdReady:
    // Readiness covers one read: a loop that drains the descriptor waits.
    return !Site.InLoop && Facts.Flow.at(Call).Ready.count(
                               Facts.Conditions.descriptorOf(Arg)) != 0;
  case ConditionKind::ZeroTimeout:
    return isZeroTimeout(Arg, Facts, 0);
  case ConditionKind::ArgNull:
    return Arg && Arg->isNullPointerConstant(
                      const_cast<ASTContext &>(Facts.Context),
                      Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
  case ConditionKind::MinArgs:
    return callArguments(Call).size() >= Cond.Count;
  case ConditionKind::ArgPath:
    return isPathUnder(Arg, Cond.Prefixes);
  }
  llvm_unreachable("covered switch");
}

static bool callBlocks(const BlockingEntry &Entry, const CallSite &Site,
                       const CallSiteFacts &Facts) {
  for (const Condition &Cond : Entry.Unless)
    if (conditionHolds(Cond, Site, Facts))
      return false;
  for (const Condition &Cond : Entry.OnlyIf)
    if (!conditionHolds(Cond, Site, Facts))
      return false;
  return true;
}

/// The API as the user wrote it: a constructor shows its type
/// (`std::ifstream`), a member the class of its object
/// (`std::future::wait`, not libstdc++'s `std::__basic_future::wait`), a
/// function its catalog name.
static std::string apiSpelling(const Expr *Call, const FunctionDecl *Callee,
                               const ASTContext &Context) {
  if (isa<CXXConstructExpr>(Call))
    return Call->getType().getLocalUnqualifiedType().getAsString(
        Context.getPrintingPolicy());
  if (const CXXRecordDecl *Receiver = receiverOf(Call))
    return catalogNameOf(Receiver) + "::" + Callee->getNameAsString();
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
  return Method->getDevirtualizedMethod(MemberCall->getImplicitObjectArgument(),
                                        /*IsAppleKext=*/false);
}

/// Whether boundwise looks inside \p Definition: project code, and template
/// instantiations of library code (they run the project's callables).
static bool isFollowed(const FunctionDecl *Definition,
                       const SourceManager &SM) {
  if (!SM.isInSystemHeader(Definition->getLocation()))
    return true;
  return Definition->isTemplateInstantiation();
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

const FunctionDecl *boundwise::followedDefinition(const Expr *Call,
                                                  DeclLookup &Lookup) {
  const FunctionDecl *Callee = calleeOf(Call);
  // The catalog's word on a function is final: its body is not entered.
  if (!Callee || Lookup.roles(Callee).isKnown())
    return nullptr;
  const FunctionDecl *Target = staticTarget(Call, Callee);
  const FunctionDecl *Definition = nullptr;
  if (!Target || !Target->hasBody(Definition) ||
      !isFollowed(Definition, Lookup.astContext().getSourceManager()))
    return nullptr;
  return Definition;
}

/// The edge of \p Site to the summary \p Usr.
static CallEdge callEdge(const CallSite &Site, std::string Usr,
                         DeclLookup &Lookup) {
  return {std::move(Usr), Lookup.point(Site.Call->getExprLoc()), Site.State,
          constantArguments(Site.Call, Lookup.astContext()), Site.InLoop};
}

std::string EntryFacts::key(const FunctionDecl *Function) const {
  std::string Key;
  for (unsigned I = 0; I < Function->getNumParams(); ++I) {
    const ParmVarDecl *Param = Function->getParamDecl(I);
    if (Conditions.Nonblocking.count(Param))
      Key += "#nb" + std::to_string(I);
    if (Conditions.Ready.count(Param))
      Key += "#rd" + std::to_string(I);
    auto Flags = Conditions.Flags.find(Param);
    if (Flags != Conditions.Flags.end() && Flags->second)
      Key += "#f" + std::to_string(I) + "=" + std::to_string(Flags->second);
    auto Constant = Constants.find(Param);
    if (Constant != Constants.end())
      Key += "#c" + std::to_string(I) + "=" + std::to_string(Constant->second);
    if (SmallInputs.contains(Param))
      Key += "#s" + std::to_string(I);
  }
  if (OwnObject)
    Key += "#own";
  return Key;
}

/// Whether \p Record has a mutex member (a type with lock() and unlock()).
static bool hasMutexMember(const CXXRecordDecl *Record) {
  for (const FieldDecl *Field : Record->fields()) {
    const CXXRecordDecl *Type = Field->getType()->getAsCXXRecordDecl();
    if (Type && Type->hasDefinition() && isBasicLockable(Type))
      return true;
  }
  return false;
}

/// Whether the object of a member call is the caller's own: a local by
/// value, a temporary, or `this` of a caller that owns its object.
static bool isOwnObject(const Expr *Call, const CallSiteFacts &Facts) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  if (!Member)
    return false;
  const Expr *Object = Member->getImplicitObjectArgument()->IgnoreImpCasts();
  if (isa<CXXThisExpr>(Object))
    return Facts.OwnObject;
  if (isa<MaterializeTemporaryExpr, CXXTemporaryObjectExpr>(Object))
    return true;
  const auto *Ref = dyn_cast<DeclRefExpr>(Object);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && !Ref->refersToEnclosingVariableOrCapture() &&
         Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
         !Var->getType()->isReferenceType();
}

EntryFacts Summarizer::entryFacts(const CallSite &Site,
                                  const FunctionDecl *Definition,
                                  const CallSiteFacts &Facts) {
  const Expr *Call = Site.Call;
  EntryFacts Entry;
  const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
  Entry.OwnObject =
      Method && hasMutexMember(Method->getParent()) && isOwnObject(Call, Facts);
  const ParamEffects &Effects = Conditions.effectsOf(Definition);
  const ConditionState &Here = Facts.Flow.at(Call);
  llvm::ArrayRef<const Expr *> Args = callArguments(Call);
  for (unsigned I = 0; I < Args.size() && I < Definition->getNumParams(); ++I)
    if (Facts.Sizes.isSmall(Args[I]))
      Entry.SmallInputs.insert(Definition->getParamDecl(I));
  for (unsigned I = 0; I < Args.size() && I < Effects.Consulted.size(); ++I) {
    if (!Effects.Consulted[I])
      continue;
    const ParmVarDecl *Param = Definition->getParamDecl(I);
    const ValueDecl *Fd = Conditions.descriptorOf(Args[I]);
    if (Here.Nonblocking.count(Fd))
      Entry.Conditions.Nonblocking.insert(Param);
    // Called once per item of a loop, the callee reads the descriptor again.
    if (!Site.InLoop && Here.Ready.count(Fd))
      Entry.Conditions.Ready.insert(Param);
    if (uint64_t Flags = Conditions.flagsOf(Args[I], Here))
      Entry.Conditions.Flags[Param] = Flags;
  }
  Entry.Constants =
      knownArguments(Call, Definition, Effects.Branched, Here.Known);
  return Entry;
}

void Summarizer::addCallEffects(const CallSite &Site, FunctionSummary &Summary,
                                const CallSiteFacts &Facts,
                                std::vector<Pending> &Worklist) {
  ASTContext &Context = Lookup.astContext();
  const Expr *Call = Site.Call;
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Callee)
    return;
  SourcePoint Where = Lookup.point(Call->getExprLoc());
  if (hasFunctionEffect(Callee, FunctionEffect::Kind::Blocking)) {
    Summary.Ops.push_back({Category::Declared,
                           catalogNameOf(Callee),
                           "is marked [[clang::blocking]]",
                           {},
                           Where,
                           Site.State});
    return;
  }
  ApiRoles Roles = Lookup.roles(Call);
  if (Roles.Spawner && Roles.Spawner->Kind == SpawnKind::Exec &&
      !Site.State.ForkChildOf.empty())
    Summary.ExecingForkChildren.insert(Site.State.ForkChildOf);
  std::string Api = apiSpelling(Call, Callee, Context);
  if (Roles.Blocking && callBlocks(*Roles.Blocking, Site, Facts))
    Summary.Ops.push_back(
        {Roles.Blocking->Cat, Api,
         Roles.Blocking->What.empty() ? "blocks" : Roles.Blocking->What,
         Roles.Blocking->Alternative, Where, Site.State});
  if (Roles.CpuHeavy && !Facts.Sizes.isSmallCall(Call, *Roles.CpuHeavy))
    Summary.Ops.push_back({Category::Cpu,
                           Api,
                           Roles.CpuHeavy->What.empty() ? "computes for long"
                                                        : Roles.CpuHeavy->What,
                           {},
                           Where,
                           Site.State});
  bool CreatesPythonObject =
      isa<CXXConstructExpr>(Call) &&
      Lookup.typeRole(Call->getType()) == TypeRole::PythonObject;
  if (Roles.TouchesPython || CreatesPythonObject)
    Summary.Ops.push_back({Category::Python,
                           Api,
                           "touches Python objects",
                           {},
                           Where,
                           Site.State});
  if (CreatesPythonObject)
    return;
  const FunctionDecl *Definition = followedDefinition(Call, Lookup);
  if (!Definition) {
    addExternalCall(Site, Callee, Summary, Facts);
    return;
  }
  // A coroutine that is made but not awaited runs where it is started
  // (`session(s).via(ex)`, `co_spawn`), not in the caller.
  if (isa<CoroutineBodyStmt>(Definition->getBody()) &&
      !Facts.AwaitedCalls.count(Call))
    return;
  EntryFacts Entry = entryFacts(Site, Definition, Facts);
  std::string Usr = Lookup.identity(Definition) + Entry.key(Definition);
  Summary.Calls.push_back(callEdge(Site, Usr, Lookup));
  Worklist.push_back({Definition, std::move(Entry), std::move(Usr)});
}

/// Whether \p Callee is a function of the project whose body is in another
/// translation unit: neither the catalog's nor the system's, and not a
/// virtual call whose target dynamic dispatch decides.
static bool isDefinedElsewhere(const FunctionDecl *Callee, DeclLookup &Lookup) {
  const SourceManager &SM = Lookup.astContext().getSourceManager();
  if (Callee->hasBody() || Lookup.roles(Callee).isKnown() ||
      SM.isInSystemHeader(Callee->getLocation()) ||
      !Callee->isExternallyVisible())
    return false;
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  return !Method || !Method->isVirtual();
}

void Summarizer::addOverrides(const CXXMethodDecl *Method,
                              FunctionSummary &Summary, unsigned Depth) {
  // Class hierarchies are a few levels deep.
  if (Depth > 8)
    return;
  for (const CXXMethodDecl *Overridden : Method->overridden_methods()) {
    Summary.Overrides[Lookup.identity(Overridden)] =
        Lookup.displayName(Overridden);
    addOverrides(Overridden, Summary, Depth + 1);
  }
}

void Summarizer::addExternalCall(const CallSite &Site,
                                 const FunctionDecl *Callee,
                                 FunctionSummary &Summary,
                                 const CallSiteFacts &Facts) {
  // `store.save()` on an interface: the project may know its one override.
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  bool OpenVirtual = Method && Method->isVirtual() &&
                     !staticTarget(Site.Call, Callee) &&
                     !Lookup.roles(Callee).isKnown();
  if (!OpenVirtual && !isDefinedElsewhere(Callee, Lookup))
    return;
  // A coroutine made and not awaited runs where it is started.
  if (Lookup.coroutineType(Callee) && !Facts.AwaitedCalls.count(Site.Call))
    return;
  std::string Target = Lookup.identity(Callee);
  Summary.Calls.push_back(callEdge(
      Site, OpenVirtual ? virtualDispatchUsr(Target) : Target, Lookup));
}

void Summarizer::summarizeOne(const Pending &Next,
                              std::vector<Pending> &Worklist) {
  const FunctionDecl *Function = Next.Function;
  // Defined in another file: the project's summaries say what it does.
  if (!Function->hasBody())
    return;
  FunctionSummary &Summary = Index.getOrCreate(Next.Usr);
  Summary.Identity = Lookup.identity(Function);
  Summary.Name = Lookup.displayName(Function);
  Summary.Loc = Lookup.point(Function->getLocation());
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
    addOverrides(Method, Summary, 0);
  // Declared [[clang::nonblocking]]: trusted, its body is not summarised.
  if (hasFunctionEffect(Function, FunctionEffect::Kind::NonBlocking))
    return;
  BodyFacts Body = walkBody(Function, Lookup, Cost, Next.Entry.OwnObject,
                            Next.Entry.Constants);
  ConditionState Start = Next.Entry.Conditions;
  Start.Known = Next.Entry.Constants;
  ConditionFacts Flow = Conditions.analyze(Function, Start);
  llvm::SmallPtrSet<const Expr *, 4> Awaited = awaitedCalls(Function);
  InputSize Sizes(Lookup.astContext(), Function, Next.Entry.SmallInputs,
                  Cost.LoopIterations);
  CallSiteFacts Facts{Lookup.astContext(),  Lookup,  Body, Conditions, Flow,
                      Next.Entry.OwnObject, Awaited, Sizes};
  for (const CallSite &Site : Body.Calls)
    addCallEffects(Site, Summary, Facts, Worklist);
  for (const LoopFinding &Loop : Body.HeavyLoops)
    Summary.Ops.push_back({Category::Cpu,
                           Loop.Short,
                           Loop.What,
                           {},
                           Lookup.point(Loop.Loop->getBeginLoc()),
                           Loop.State,
                           /*IsLoop=*/true});
  for (const BodyFacts::ParamBound &Loop : Body.ParamLoops)
    Summary.ParamLoops.push_back(
        {Loop.Param, Loop.Factor, Lookup.point(Loop.Loop->getBeginLoc())});
}

std::string Summarizer::summarize(const FunctionDecl *Function,
                                  EntryFacts Entry) {
  std::string Usr = Lookup.identity(Function);
  std::vector<Pending> Worklist{{Function, std::move(Entry), Usr}};
  while (!Worklist.empty()) {
    Pending Next = std::move(Worklist.back());
    Worklist.pop_back();
    if (Done.insert(Next.Usr).second)
      summarizeOne(Next, Worklist);
  }
  return Usr;
}
