//===--- FlowState.cpp - Non-blocking descriptors and flag values ---------===//
#include "analyzer/FlowState.h"
#include "analyzer/BodyWalker.h"
#include "analyzer/Dataflow.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/Summarizer.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace boundwise;

static void keepCommon(std::set<const ValueDecl *> &Into,
                       const std::set<const ValueDecl *> &Other) {
  for (auto It = Into.begin(); It != Into.end();)
    It = Other.count(*It) ? std::next(It) : Into.erase(It);
}

void ConditionState::intersect(const ConditionState &Other) {
  keepCommon(Nonblocking, Other.Nonblocking);
  keepCommon(Ready, Other.Ready);
  for (auto It = Flags.begin(); It != Flags.end();) {
    auto There = Other.Flags.find(It->first);
    if (There == Other.Flags.end()) {
      It = Flags.erase(It);
      continue;
    }
    It->second &= There->second;
    ++It;
  }
}

const ConditionState &ConditionFacts::at(const Expr *Call) const {
  static const ConditionState Unreached;
  auto It = AtCall.find(Call);
  return It == AtCall.end() ? Unreached : It->second;
}

ConditionAnalysis::ConditionAnalysis(DeclLookup &Lookup) : Lookup(Lookup) {
  auto Add = [&](llvm::StringRef Name) {
    if (!Name.empty() && FlagBits.size() < 64)
      FlagBits.try_emplace(Name, FlagBits.size());
  };
  auto AddFlagsOf = [&](const Condition &Cond) {
    if (Cond.When != ConditionKind::FlagSet)
      return;
    Add(Cond.Flag);
    for (const std::string &Flag : Cond.Flags)
      Add(Flag);
  };
  for (const CatalogFile &File : Lookup.catalog().files()) {
    for (const BlockingEntry &Entry : File.Blocking) {
      llvm::for_each(Entry.Unless, AddFlagsOf);
      llvm::for_each(Entry.OnlyIf, AddFlagsOf);
    }
    for (const NonblockingSetter &Setter : File.NonblockingSetters)
      if (Setter.Flag)
        Add(Setter.Flag->Name);
  }
}

/// The catalog flags named by the macros \p E is expanded from.
static uint64_t macroFlags(const Expr *E, const llvm::StringMap<unsigned> &Bits,
                           const ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  uint64_t Mask = 0;
  for (SourceLocation Loc = E->getBeginLoc(); Loc.isMacroID();
       Loc = SM.getImmediateMacroCallerLoc(Loc)) {
    auto It =
        Bits.find(Lexer::getImmediateMacroName(Loc, SM, Context.getLangOpts()));
    if (It != Bits.end())
      Mask |= uint64_t(1) << It->second;
  }
  return Mask;
}

uint64_t ConditionAnalysis::flagsOf(const Expr *E, const ConditionState &State,
                                    unsigned Depth) const {
  if (!E)
    return 0;
  E = E->IgnoreParenCasts();
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    uint64_t Lhs = flagsOf(Binary->getLHS(), State, Depth);
    uint64_t Rhs = flagsOf(Binary->getRHS(), State, Depth);
    switch (Binary->getOpcode()) {
    case BO_Or:
    case BO_Add:
      return Lhs | Rhs;
    case BO_And:
      // `flags & ~MSG_DONTWAIT` clears it; a mask keeps what both set.
      return Lhs & Rhs;
    case BO_Comma:
      return Rhs;
    default:
      return 0;
    }
  }
  if (const auto *Choice = dyn_cast<ConditionalOperator>(E)) {
    std::optional<int64_t> Cond =
        valueWith(Choice->getCond(), State.Known, Lookup.astContext());
    if (Cond)
      return flagsOf(*Cond ? Choice->getTrueExpr() : Choice->getFalseExpr(),
                     State, Depth);
    return flagsOf(Choice->getTrueExpr(), State, Depth) &
           flagsOf(Choice->getFalseExpr(), State, Depth);
  }
  if (isa<UnaryOperator, CallExpr>(E))
    return 0;
  uint64_t Mask = macroFlags(E, FlagBits, Lookup.astContext());
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  if (!Ref)
    return Mask;
  const ValueDecl *Named = Ref->getDecl();
  if (Named->getIdentifier()) {
    auto It = FlagBits.find(Named->getName());
    if (It != FlagBits.end())
      return Mask | uint64_t(1) << It->second;
  }
  const auto *Var = dyn_cast<VarDecl>(Named);
  if (!Var)
    return Mask;
  // A local variable holds what the flow says; a global its initialiser.
  if (Var->hasLocalStorage()) {
    auto It = State.Flags.find(Var);
    return Mask | (It == State.Flags.end() ? 0 : It->second);
  }
  // The depth ends `static int g = g | F;`.
  if (!Var->getInit() || Depth > 8)
    return Mask;
  return Mask | flagsOf(Var->getInit(), {}, Depth + 1);
}

bool ConditionAnalysis::flagSet(const Expr *E, llvm::StringRef Name,
                                const ConditionState &State) const {
  auto It = FlagBits.find(Name);
  return It != FlagBits.end() &&
         (flagsOf(E, State) & (uint64_t(1) << It->second));
}

const ValueDecl *ConditionAnalysis::descriptorOf(const Expr *E) const {
  if (const ValueDecl *Named = namedValue(E))
    return Named;
  const auto *Call = E ? dyn_cast<CallExpr>(E->IgnoreParenImpCasts()) : nullptr;
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const DescriptorGetter *Getter =
      Callee ? Lookup.roles(Callee).Descriptor : nullptr;
  return Getter ? namedValue(argumentAt(Call, Getter->Arg)) : nullptr;
}

/// The parameter \p E names, if any.
static const ParmVarDecl *namedParam(const Expr *E) {
  return dyn_cast_or_null<ParmVarDecl>(namedValue(E));
}

/// Marks in \p Out each parameter that \p E reads.
static void markParams(const Expr *E, llvm::SmallBitVector &Out) {
  if (!E)
    return;
  if (const ParmVarDecl *Param = namedParam(E)) {
    if (Param->getFunctionScopeIndex() < Out.size())
      Out.set(Param->getFunctionScopeIndex());
    return;
  }
  for (const Stmt *Child : E->children())
    markParams(dyn_cast_or_null<Expr>(Child), Out);
}

namespace {

/// The tracker of descriptors and flags over one CFG.
class ConditionTracker {
public:
  using State = ConditionState;

  ConditionTracker(ConditionAnalysis &Analysis, const ConditionState &Entry,
                   ConditionFacts &Facts, ParamEffects *Effects)
      : Analysis(Analysis), Lookup(Analysis.lookup()), Entry(Entry),
        Facts(Facts), Effects(Effects) {}

  State entry() { return Entry; }
  void join(State &Into, const State &From) { Into.intersect(From); }
  void atTerminator(const Stmt *, const State &) {}

  void transfer(const CFGElement &Element, State &S, bool Record) {
    std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
    if (!Statement)
      return;
    const Stmt *Node = Statement->getStmt();
    if (const auto *Call = dyn_cast<CallExpr>(Node))
      return call(Call, S, Record);
    if (isa<CXXConstructExpr>(Node) && Record)
      record(cast<Expr>(Node), S);
    if (const auto *Decls = dyn_cast<DeclStmt>(Node)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          assign(Var, Var->getInit(), S);
      return;
    }
    if (const auto *Assign = dyn_cast<BinaryOperator>(Node))
      return binary(Assign, S);
    if (const auto *Unary = dyn_cast<UnaryOperator>(Node))
      if (Unary->isIncrementDecrementOp())
        forget(namedValue(Unary->getSubExpr()), S);
  }

private:
  void record(const Expr *Call, const State &S) {
    auto [It, New] = Facts.AtCall.try_emplace(Call, S);
    if (!New)
      It->second.intersect(S);
  }

  void forget(const ValueDecl *Target, State &S) {
    if (!Target)
      return;
    S.Flags.erase(Target);
    S.Nonblocking.erase(Target);
    S.Ready.erase(Target);
  }

  /// `fd = accept4(l, 0, 0, SOCK_NONBLOCK)`, `flags = MSG_DONTWAIT`.
  void assign(const ValueDecl *Target, const Expr *Value, State &S) {
    forget(Target, S);
    if (!Value)
      return;
    if (Target->getType()->isIntegralOrEnumerationType())
      S.Flags[Target] = Analysis.flagsOf(Value, S);
    // `int fd = g_io_channel_unix_get_fd(channel)` is the channel's.
    if (const ValueDecl *Source = Analysis.descriptorOf(Value)) {
      if (S.Nonblocking.count(Source))
        S.Nonblocking.insert(Target);
      if (S.Ready.count(Source))
        S.Ready.insert(Target);
    }
    // `fd = socket(..., SOCK_NONBLOCK)`, `std::ifstream f("/proc/loadavg")`.
    const Expr *Made = Value->IgnoreParenImpCasts();
    if (!isa<CallExpr, CXXConstructExpr>(Made))
      return;
    const NonblockingSetter *Setter = setterOf(Made);
    if (Setter && Setter->Result && makesNonblocking(*Setter, Made, S))
      S.Nonblocking.insert(Target);
  }

  void binary(const BinaryOperator *Op, State &S) {
    const ValueDecl *Target = namedValue(Op->getLHS());
    if (!Target)
      return;
    switch (Op->getOpcode()) {
    case BO_Assign:
      return assign(Target, Op->getRHS(), S);
    case BO_OrAssign:
      S.Flags[Target] = flagsAt(Target, S) | Analysis.flagsOf(Op->getRHS(), S);
      return;
    case BO_AndAssign:
      S.Flags[Target] = flagsAt(Target, S) & Analysis.flagsOf(Op->getRHS(), S);
      return;
    default:
      if (Op->isCompoundAssignmentOp())
        forget(Target, S);
      return;
    }
  }

  static uint64_t flagsAt(const ValueDecl *Target, const State &S) {
    auto It = S.Flags.find(Target);
    return It == S.Flags.end() ? 0 : It->second;
  }

  const NonblockingSetter *setterOf(const Expr *Call) {
    const FunctionDecl *Callee = calleeOf(Call);
    return Callee ? Lookup.roles(Callee).Setter : nullptr;
  }

  bool makesNonblocking(const NonblockingSetter &Setter, const Expr *Call,
                        const State &S) {
    if (Setter.Flag && Analysis.flagSet(argumentAt(Call, Setter.Flag->Arg),
                                        Setter.Flag->Name, S))
      return true;
    return Setter.Path && isPathUnder(argumentAt(Call, Setter.Path->Arg),
                                      Setter.Path->Prefixes);
  }

  void call(const CallExpr *Call, State &S, bool Record) {
    if (Record)
      record(Call, S);
    if (const NonblockingSetter *Setter = setterOf(Call)) {
      if (Setter->FdArg && makesNonblocking(*Setter, Call, S))
        if (const ValueDecl *Fd =
                Analysis.descriptorOf(argumentAt(Call, *Setter->FdArg)))
          S.Nonblocking.insert(Fd);
      return;
    }
    if (Effects)
      noteConsulted(Call, S);
    const FunctionDecl *Definition = followedDefinition(Call, Lookup);
    if (!Definition)
      return;
    KnownValues Known = knownArguments(
        Call, Definition, Analysis.effectsOf(Definition).Branched, S.Known);
    const ParamEffects &Callee = Analysis.effectsOf(Definition, Known);
    llvm::ArrayRef<const Expr *> Args = callArguments(Call);
    for (unsigned I = 0; I < Args.size() && I < Callee.MakesNonblocking.size();
         ++I)
      if (Callee.MakesNonblocking[I])
        if (const ValueDecl *Fd = namedValue(Args[I]))
          S.Nonblocking.insert(Fd);
  }

  /// The parameters whose values the conditions of \p Call read, or that
  /// it passes on to its callee's branches (a wrapper's `encoding`).
  void noteConsulted(const CallExpr *Call, const State &S) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const BlockingEntry *Entry =
        Callee ? Lookup.roles(Callee).Blocking : nullptr;
    if (Entry) {
      for (const std::vector<Condition> *Conditions :
           {&Entry->Unless, &Entry->OnlyIf})
        for (const Condition &Cond : *Conditions)
          if (Cond.When == ConditionKind::FlagSet ||
              Cond.When == ConditionKind::FdNonblocking ||
              Cond.When == ConditionKind::FdReady)
            markParams(argumentAt(Call, Cond.Arg), Effects->Consulted);
      return;
    }
    const FunctionDecl *Definition = followedDefinition(Call, Lookup);
    if (!Definition)
      return;
    const ParamEffects &Next = Analysis.effectsOf(Definition);
    llvm::ArrayRef<const Expr *> Args = callArguments(Call);
    for (unsigned I = 0; I < Args.size() && I < Next.Consulted.size(); ++I) {
      if (Next.Consulted[I])
        markParams(Args[I], Effects->Consulted);
      if (Next.Branched[I])
        markParams(Args[I], Effects->Branched);
    }
  }

  ConditionAnalysis &Analysis;
  DeclLookup &Lookup;
  const ConditionState &Entry;
  ConditionFacts &Facts;
  ParamEffects *Effects;
};

} // namespace

static void runConditions(const FunctionDecl *Function, ConditionAnalysis &A,
                          const ConditionState &Entry, ConditionFacts &Facts,
                          ParamEffects *Effects) {
  std::unique_ptr<CFG> Graph = buildBodyCFG(Function, A.lookup().astContext());
  if (!Graph)
    return;
  ConditionTracker Tracker(A, Entry, Facts, Effects);
  std::vector<ConditionState> Exits = runForward(*Graph, Tracker);
  if (Effects)
    for (const CFGBlock *Block : *Graph)
      markParams(dyn_cast_or_null<Expr>(Block->getTerminatorCondition()),
                 Effects->Branched);
  // A helper's early returns are its error paths: a descriptor it makes
  // non-blocking on one path to the exit counts.
  if (Effects)
    for (const ConditionState &Exit : Exits)
      for (const ValueDecl *Fd : Exit.Nonblocking)
        if (const auto *Param = dyn_cast<ParmVarDecl>(Fd))
          if (Param->getFunctionScopeIndex() < Effects->MakesNonblocking.size())
            Effects->MakesNonblocking.set(Param->getFunctionScopeIndex());
}

ConditionFacts ConditionAnalysis::analyze(const FunctionDecl *Function,
                                          const ConditionState &Entry) {
  ConditionFacts Facts;
  runConditions(Function, *this, Entry, Facts, nullptr);
  return Facts;
}

const ParamEffects &ConditionAnalysis::effectsOf(const FunctionDecl *Definition,
                                                 const KnownValues &Known) {
  auto [It, New] = Effects.try_emplace({Definition, Known});
  if (!New)
    return It->second;
  // A recursive call meanwhile sees no effects.
  unsigned Params = Definition->getNumParams();
  ParamEffects Result;
  Result.MakesNonblocking.resize(Params);
  Result.Consulted.resize(Params);
  Result.Branched.resize(Params);
  ConditionFacts Facts;
  ConditionState Entry;
  Entry.Known = Known;
  runConditions(Definition, *this, Entry, Facts, &Result);
  // The map may have grown during the run: look the entry up again.
  return Effects[{Definition, Known}] = std::move(Result);
}
