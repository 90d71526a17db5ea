//===--- BodyWalker.cpp - What one function body does ---------------------===//
#include "analyzer/BodyWalker.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/LockModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <cstdlib>

using namespace clang;
using namespace boundwise;

const ValueDecl *boundwise::namedValue(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

bool boundwise::isZeroConstant(const Expr *E, const ASTContext &Context) {
  Expr::EvalResult Result;
  return !E->isValueDependent() &&
         E->getType()->isIntegralOrEnumerationType() &&
         E->EvaluateAsInt(Result, Context) && Result.Val.getInt() == 0;
}

static std::optional<int64_t> integerConstant(const Expr *E,
                                              const ASTContext &Context) {
  Expr::EvalResult Result;
  if (!E || E->isValueDependent() ||
      !E->getType()->isIntegralOrEnumerationType() ||
      !E->EvaluateAsInt(Result, Context))
    return std::nullopt;
  return Result.Val.getInt().getExtValue();
}

namespace {
/// One loop of the nest being walked.
struct LoopFrame {
  const Stmt *Loop = nullptr;
  /// Iterations when the bound is a constant.
  std::optional<uint64_t> Count;
  /// Bounded by input data: a container, a size, a parameter, an iterator.
  bool OverData = false;
  /// Bounded by this parameter of the function.
  std::optional<unsigned> Param;
  /// The variable the loop advances (`i` of `i < n`), if one.
  const ValueDecl *Cursor = nullptr;
  /// The body moves the cursor itself (`i = j;`): a scan whose inner loops
  /// walk the same data.
  bool MovesCursor = false;
  /// The variable bounding the loop (`n` of `i < n`), if one.
  const ValueDecl *BoundVar = nullptr;
  /// What bounds the loop over data as written: `rows[i].size()` of
  /// `j < rows[i].size()`, the range of a range-for.
  const Expr *BoundExpr = nullptr;
  /// A range-for's variable: the current item.
  const ValueDecl *Item = nullptr;
  /// What a `for` starts its cursor at (`TAILQ_FIRST(&w->panes)`).
  const Expr *StartExpr = nullptr;
  /// Steps by a constant stride of more than one: a walk over chunks.
  bool Chunked = false;
};
} // namespace

bool boundwise::writes(const Stmt *S, const ValueDecl *Var, bool AssignOnly) {
  if (!S || !Var || isa<LambdaExpr>(S))
    return false;
  if (const auto *Unary = dyn_cast<UnaryOperator>(S))
    if (!AssignOnly && Unary->isIncrementDecrementOp() &&
        namedValue(Unary->getSubExpr()) == Var)
      return true;
  if (const auto *Binary = dyn_cast<BinaryOperator>(S))
    if ((AssignOnly ? Binary->getOpcode() == BO_Assign
                    : Binary->isAssignmentOp()) &&
        namedValue(Binary->getLHS()) == Var)
      return true;
  for (const Stmt *Child : S->children())
    if (writes(Child, Var, AssignOnly))
      return true;
  return false;
}

/// The largest value of an integer type of at most 8 bits (`u_char`, a
/// cell's width), or nothing for a wider type.
static std::optional<uint64_t> smallTypeLimit(QualType Type,
                                              const ASTContext &Context) {
  if (Type.isNull() || !Type->isIntegerType() || Type->isBooleanType() ||
      Context.getTypeSize(Type) > 8)
    return std::nullopt;
  return (uint64_t(1) << Context.getTypeSize(Type)) - 1;
}

/// The largest value \p Value can have when it is of a type of at most 8
/// bits, or a constant: a small count.
static std::optional<uint64_t> smallValueLimit(const Expr *Value,
                                               const ASTContext &Context) {
  Value = Value->IgnoreParenImpCasts();
  if (std::optional<uint64_t> Limit = smallTypeLimit(Value->getType(), Context))
    return Limit;
  std::optional<int64_t> Constant = integerConstant(Value, Context);
  if (Constant && *Constant >= 0 && *Constant <= 255)
    return static_cast<uint64_t>(*Constant);
  return std::nullopt;
}

/// What a local is given in a body: the largest of its values, when every
/// one is small.
struct SmallValues {
  bool Any = false;
  bool AllSmall = true;
  uint64_t Most = 0;
};

/// Collects into \p Values what local \p Var is given in \p S (`width =
/// gc.data.width;` of a `u_char`); a step, a compound assignment or its
/// address taken makes it not small.
static void collectAssigned(const Stmt *S, const VarDecl *Var,
                            const ASTContext &Context, SmallValues &Values) {
  if (!S || isa<LambdaExpr>(S) || !Values.AllSmall)
    return;
  if (const auto *Binary = dyn_cast<BinaryOperator>(S);
      Binary && Binary->isAssignmentOp() &&
      namedValue(Binary->getLHS()) == Var) {
    std::optional<uint64_t> Limit =
        Binary->getOpcode() == BO_Assign
            ? smallValueLimit(Binary->getRHS(), Context)
            : std::nullopt;
    Values.Any = true;
    Values.AllSmall = Values.AllSmall && Limit;
    Values.Most = std::max(Values.Most, Limit.value_or(0));
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(S);
      Unary &&
      (Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf) &&
      namedValue(Unary->getSubExpr()) == Var)
    Values.AllSmall = false;
  for (const Stmt *Child : S->children())
    collectAssigned(Child, Var, Context, Values);
}

/// The largest value a loop bound can have when it is known small by its
/// type: an 8-bit value, or a local only ever given such values in \p Body.
static std::optional<uint64_t> smallBoundLimit(const Expr *Bound,
                                               const Stmt *Body,
                                               const ASTContext &Context) {
  if (std::optional<uint64_t> Limit = smallValueLimit(Bound, Context))
    return Limit;
  const auto *Var = dyn_cast_or_null<VarDecl>(namedValue(Bound));
  if (!Var || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() ||
      Var->getType()->isReferenceType())
    return std::nullopt;
  SmallValues Values;
  if (const Expr *Init = Var->getInit()) {
    std::optional<uint64_t> Initial = smallValueLimit(Init, Context);
    Values.Any = true;
    Values.AllSmall = Initial.has_value();
    Values.Most = Initial.value_or(0);
  }
  collectAssigned(Body, Var, Context, Values);
  if (!Values.Any || !Values.AllSmall)
    return std::nullopt;
  return Values.Most;
}

/// Whether \p S multiplies or divides \p Var in place (`size *= 2`,
/// `n >>= 1`): a loop on such a cursor takes a logarithm of turns.
static bool scalesGeometrically(const Stmt *S, const ValueDecl *Var) {
  if (!S || !Var || isa<LambdaExpr>(S))
    return false;
  if (const auto *Compound = dyn_cast<CompoundAssignOperator>(S))
    if (llvm::is_contained(
            {BO_MulAssign, BO_DivAssign, BO_ShlAssign, BO_ShrAssign},
            Compound->getOpcode()) &&
        namedValue(Compound->getLHS()) == Var)
      return true;
  for (const Stmt *Child : S->children())
    if (scalesGeometrically(Child, Var))
      return true;
  return false;
}

/// Whether \p Cond tests for a match: an equality, or a predicate call
/// (`matches(x)`, `!strcmp(a, b)`); `write(...) < 0` tests for an error.
static bool isMatchTest(const Expr *Cond) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Binary = dyn_cast<BinaryOperator>(Cond)) {
    if (Binary->isLogicalOp())
      return isMatchTest(Binary->getLHS()) || isMatchTest(Binary->getRHS());
    return Binary->getOpcode() == BO_EQ;
  }
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond))
    return Not->getOpcode() == UO_LNot &&
           isa<CallExpr>(Not->getSubExpr()->IgnoreParenImpCasts());
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Cond))
    return Operator->getOperator() == OO_EqualEqual;
  return isa<CallExpr>(Cond) && Cond->getType()->isBooleanType();
}

/// Whether \p S leaves the loop it is the body of at a match: a `return`
/// or a `break` out of it (not out of an inner loop or switch) under an
/// `if` that tests for one.
static bool exitsAtMatch(const Stmt *S, bool InMatch = false,
                         bool InInner = false) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (InMatch &&
      (isa<ReturnStmt, CoreturnStmt>(S) || (isa<BreakStmt>(S) && !InInner)))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(S))
    if (If->getCond() && isMatchTest(If->getCond()) &&
        exitsAtMatch(If->getThen(), /*InMatch=*/true, InInner))
      return true;
  bool Inner = InInner ||
               isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (exitsAtMatch(Child, InMatch, Inner))
      return true;
  return false;
}

/// The body of a loop statement.
static const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return For->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return Range->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    return While->getBody();
  return cast<DoStmt>(Loop)->getBody();
}

namespace {

class Walker : public RecursiveASTVisitor<Walker> {
public:
  Walker(DeclLookup &Lookup, const CostModel &Cost)
      : Lookup(Lookup), Context(Lookup.astContext()), Cost(Cost) {}

  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (Expr *Init : Lambda->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }
  bool TraverseBlockExpr(BlockExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  /// A scope: locks and GIL changes made in it end with it.
  bool TraverseCompoundStmt(CompoundStmt *Scope) {
    Frames.push_back({Frames.back().State, {}});
    bool Result = RecursiveASTVisitor::TraverseCompoundStmt(Scope);
    Frames.pop_back();
    return Result;
  }

  bool TraverseForStmt(ForStmt *Loop) {
    return walkLoop(Loop, forBound(Loop),
                    [&] { return RecursiveASTVisitor::TraverseForStmt(Loop); });
  }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *Loop) {
    return walkLoop(Loop, rangeBound(Loop), [&] {
      return RecursiveASTVisitor::TraverseCXXForRangeStmt(Loop);
    });
  }
  bool TraverseWhileStmt(WhileStmt *Loop) {
    return walkLoop(Loop, conditionBound(Loop->getCond()), [&] {
      return RecursiveASTVisitor::TraverseWhileStmt(Loop);
    });
  }
  bool TraverseDoStmt(DoStmt *Loop) {
    return walkLoop(Loop, conditionBound(Loop->getCond()),
                    [&] { return RecursiveASTVisitor::TraverseDoStmt(Loop); });
  }

  /// `if (pid == 0) { child }`: the branch the child of fork() runs; after
  /// `if (pid != 0) return;`, the rest of the scope.
  bool TraverseIfStmt(IfStmt *If) {
    std::optional<ForkTest> Test = forkTest(If->getCond());
    if (!Test)
      return RecursiveASTVisitor::TraverseIfStmt(If);
    TraverseStmt(If->getCond());
    Stmt *Child = Test->ChildIsThen ? If->getThen() : If->getElse();
    Stmt *Parent = Test->ChildIsThen ? If->getElse() : If->getThen();
    inForkChild(Test->Site, [&] { TraverseStmt(Child); });
    TraverseStmt(Parent);
    if (!Child && Parent && leavesScope(Parent))
      Frames.back().State.ForkChildOf = Test->Site;
    return true;
  }

  /// `switch (fork()) { case 0: child; break; ... }`.
  bool TraverseSwitchStmt(SwitchStmt *Switch) {
    std::string Site = forkSite(Switch->getCond());
    const auto *Body = dyn_cast_or_null<CompoundStmt>(Switch->getBody());
    if (Site.empty() || !Body)
      return RecursiveASTVisitor::TraverseSwitchStmt(Switch);
    TraverseStmt(Switch->getCond());
    bool InChild = false;
    for (Stmt *Statement : Body->body()) {
      if (const auto *Case = dyn_cast<CaseStmt>(Statement))
        InChild = isZeroConstant(Case->getLHS(), Context);
      else if (isa<DefaultStmt>(Statement))
        InChild = false;
      if (!InChild) {
        TraverseStmt(Statement);
        continue;
      }
      inForkChild(Site, [&] { TraverseStmt(Statement); });
      InChild = !isa<BreakStmt>(Statement);
    }
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    Facts.Calls.push_back({Call, Frames.back().State, !Loops.empty()});
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      noteGilCall(Lookup.roles(Callee).GilCall);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    Facts.Calls.push_back({Construct, Frames.back().State, !Loops.empty()});
    return true;
  }
  bool VisitVarDecl(VarDecl *Var) {
    noteScopedGuard(Var);
    const Expr *Init =
        Var->getInit() ? Var->getInit()->IgnoreParenImpCasts() : nullptr;
    if (const auto *Call = dyn_cast_or_null<CallExpr>(Init))
      noteResult(Call, Var);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Assign) {
    if (Assign->getOpcode() != BO_Assign)
      return true;
    const Expr *Rhs = Assign->getRHS()->IgnoreParenImpCasts();
    if (const auto *Call = dyn_cast<CallExpr>(Rhs))
      if (const ValueDecl *Target = namedValue(Assign->getLHS()))
        noteResult(Call, Target);
    noteMemberAssignment(Assign->getLHS(), Rhs);
    return true;
  }

  BodyFacts Facts;

private:
  struct ScopeFrame {
    PointState State;
    /// GIL states saved by acquire or release calls of this scope, so that
    /// the matching call restores them (PyGILState_Ensure / _Release).
    std::vector<std::pair<int, GilState>> SavedGil;
  };

  struct ForkTest {
    std::string Site;
    bool ChildIsThen;
  };

  template <typename TraverseT>
  void inForkChild(const std::string &Site, TraverseT Traverse) {
    Frames.push_back(Frames.back());
    Frames.back().State.ForkChildOf = Site;
    Traverse();
    Frames.pop_back();
  }

  /// Whether \p S always leaves the scope: `return`, or a block ending so.
  static bool leavesScope(const Stmt *S) {
    if (const auto *Block = dyn_cast<CompoundStmt>(S))
      return !Block->body_empty() && leavesScope(Block->body_back());
    return isa<ReturnStmt>(S);
  }

  /// The location of the fork() whose result \p E is (the call, or the
  /// variable it went to), as `file:line:col`; empty when it is none.
  std::string forkSite(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Call = dyn_cast<CallExpr>(E))
      return isForkCall(Call) ? siteOf(Call) : "";
    auto Fork = ForkResults.find(namedValue(E));
    return Fork == ForkResults.end() ? "" : siteOf(Fork->second);
  }

  /// \p Var holds what \p Call returns; a fork()'s result is indexed by its
  /// variable, for the tests of it that follow.
  void noteResult(const CallExpr *Call, const ValueDecl *Var) {
    Facts.ResultOf[Call] = Var;
    if (isForkCall(Call))
      ForkResults[Var] = Call;
  }

  std::string siteOf(const Expr *Call) {
    SourcePoint Where = Lookup.point(Call->getExprLoc());
    return Where.File + ":" + std::to_string(Where.Line) + ":" +
           std::to_string(Where.Column);
  }

  bool isForkCall(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const ProcessSpawner *Spawner =
        Callee ? Lookup.roles(Callee).Spawner : nullptr;
    return Spawner && Spawner->Kind == SpawnKind::Fork;
  }

  /// A condition on fork()'s result: the child's branch is the then-branch
  /// for `pid == 0` and `!pid`, the else-branch for `pid != 0` and
  /// `pid > 0`.
  std::optional<ForkTest> forkTest(const Expr *Cond) {
    if (!Cond)
      return std::nullopt;
    Cond = Cond->IgnoreParenImpCasts();
    if (const auto *Not = dyn_cast<UnaryOperator>(Cond)) {
      std::string Site = Not->getOpcode() == UO_LNot
                             ? forkSite(Not->getSubExpr())
                             : std::string();
      if (!Site.empty())
        return ForkTest{Site, true};
    }
    const auto *Compare = dyn_cast<BinaryOperator>(Cond);
    if (!Compare || !Compare->isComparisonOp())
      return std::nullopt;
    const Expr *Lhs = Compare->getLHS(), *Rhs = Compare->getRHS();
    if (!isZeroConstant(Rhs, Context) && isZeroConstant(Lhs, Context))
      std::swap(Lhs, Rhs);
    std::string Site = isZeroConstant(Rhs, Context) ? forkSite(Lhs) : "";
    if (Site.empty())
      return std::nullopt;
    switch (Compare->getOpcode()) {
    case BO_EQ:
      return ForkTest{Site, true};
    case BO_NE:
    case BO_GT:
      return ForkTest{Site, false};
    default:
      return std::nullopt;
    }
  }

  /// A gil_scoped_release changes the rest of its scope.
  void noteScopedGuard(const VarDecl *Var) {
    switch (Lookup.typeRole(Var->getType())) {
    case TypeRole::GilAcquire:
      Frames.back().State.Gil = GilState::Held;
      return;
    case TypeRole::GilRelease:
      Frames.back().State.Gil = GilState::Released;
      return;
    case TypeRole::None:
    case TypeRole::Lock:
    case TypeRole::GilGuard:
    case TypeRole::UiObject:
    case TypeRole::CurrentExecutor:
    case TypeRole::PythonObject:
    case TypeRole::MethodTable:
      return;
    }
  }

  /// PyEval_SaveThread / PyEval_RestoreThread and PyGILState_Ensure /
  /// _Release come in pairs: the second of a pair restores the state the
  /// first found.
  void noteGilCall(int Direction) {
    if (!Direction)
      return;
    ScopeFrame &Frame = Frames.back();
    if (!Frame.SavedGil.empty() && Frame.SavedGil.back().first == -Direction) {
      Frame.State.Gil = Frame.SavedGil.back().second;
      Frame.SavedGil.pop_back();
      return;
    }
    Frame.SavedGil.push_back({Direction, Frame.State.Gil});
    Frame.State.Gil = Direction > 0 ? GilState::Held : GilState::Released;
  }

  /// `tv.tv_sec = 0; tv.tv_usec = 0;` zeroes a timeout field by field.
  void noteMemberAssignment(const Expr *Lhs, const Expr *Rhs) {
    const auto *Member = dyn_cast<MemberExpr>(Lhs->IgnoreParenImpCasts());
    if (!Member)
      return;
    const auto *Var = dyn_cast_or_null<VarDecl>(namedValue(Member->getBase()));
    if (!Var)
      return;
    bool Zero = isZeroConstant(Rhs, Context);
    auto [It, New] = Facts.MembersAssignedZero.try_emplace(Var, Zero);
    if (!New)
      It->second = It->second && Zero;
  }

  /// What bounds a loop whose condition compares against \p Bound.
  /// Whether \p Value, the value of \p Bound, is the largest its type holds
  /// (`UINT_MAX`, `SIZE_MAX`, `(unsigned)-1`).
  bool isTypeMaximum(const Expr *Bound, int64_t Value) const {
    QualType Type = Bound->IgnoreParenImpCasts()->getType();
    if (!Type->isIntegerType() || Type->isBooleanType())
      return false;
    llvm::APSInt Maximum = llvm::APSInt::getMaxValue(
        Context.getTypeSize(Type), Type->isUnsignedIntegerType());
    return Maximum.getExtValue() == Value ||
           (Maximum.isUnsigned() && Maximum.getZExtValue() == uint64_t(Value));
  }

  LoopFrame boundOf(const Expr *Bound, const Expr *Start) {
    LoopFrame Frame;
    if (!Bound)
      return Frame;
    std::optional<int64_t> Limit = integerConstant(Bound, Context);
    // `i < UINT_MAX`: no bound at all; the loop ends at its `break`.
    if (Limit && isTypeMaximum(Bound, *Limit))
      Limit.reset();
    if (Limit) {
      // Counting up to the bound or down from it.
      int64_t From = Start ? integerConstant(Start, Context).value_or(0) : 0;
      Frame.Count =
          static_cast<uint64_t>(*Limit > From ? *Limit - From : From - *Limit);
      return Frame;
    }
    // `i < width` of a `u_char` width: at most 255 turns.
    if (std::optional<uint64_t> Limit = smallBoundLimit(Bound, Body, Context)) {
      Frame.Count = *Limit;
      return Frame;
    }
    Frame.OverData = true;
    Frame.BoundExpr = Bound;
    Frame.BoundVar = namedValue(Bound);
    if (const auto *Param = dyn_cast_or_null<ParmVarDecl>(Frame.BoundVar))
      Frame.Param = Param->getFunctionScopeIndex();
    return Frame;
  }

  /// `for (i = a; i < b; ++i)`: the side of the comparison that is not the
  /// loop variable bounds the loop.
  LoopFrame forBound(const ForStmt *Loop) {
    const auto *Compare = dyn_cast_or_null<BinaryOperator>(
        Loop->getCond() ? Loop->getCond()->IgnoreImplicit() : nullptr);
    if (!Compare || !Compare->isComparisonOp())
      return conditionBound(Loop->getCond());
    const Expr *Start = nullptr;
    const ValueDecl *Counter = nullptr;
    if (const auto *Init = dyn_cast_or_null<DeclStmt>(Loop->getInit()))
      if (const auto *Var = dyn_cast_or_null<VarDecl>(
              Init->isSingleDecl() ? Init->getSingleDecl() : nullptr)) {
        Counter = Var;
        Start = Var->getInit();
      }
    // `for (wp = TAILQ_FIRST(&w->panes); wp != NULL; ...)`.
    const Expr *StartExpr = Start;
    const auto *InitExpr = dyn_cast_or_null<Expr>(Loop->getInit());
    if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(
            InitExpr ? InitExpr->IgnoreParens() : nullptr);
        Assign && Assign->getOpcode() == BO_Assign)
      StartExpr = Assign->getRHS();
    bool CounterOnLeft = !Counter || namedValue(Compare->getLHS()) == Counter;
    LoopFrame Frame =
        boundOf(CounterOnLeft ? Compare->getRHS() : Compare->getLHS(), Start);
    uint64_t Step = stepOf(Loop->getInc());
    if (Frame.Count)
      *Frame.Count /= Step;
    Frame.Chunked = Frame.OverData && Step > 1;
    Frame.Cursor = Counter ? Counter
                           : namedValue(CounterOnLeft ? Compare->getLHS()
                                                      : Compare->getRHS());
    Frame.StartExpr = StartExpr;
    return Frame;
  }

  /// The constant step of `i += 4` or `i -= 4`; 1 for `++i` and the rest.
  uint64_t stepOf(const Expr *Inc) {
    const auto *Compound = dyn_cast_or_null<CompoundAssignOperator>(
        Inc ? Inc->IgnoreImplicit() : nullptr);
    if (!Compound || (Compound->getOpcode() != BO_AddAssign &&
                      Compound->getOpcode() != BO_SubAssign))
      return 1;
    std::optional<int64_t> Step = integerConstant(Compound->getRHS(), Context);
    return Step && *Step != 0 ? static_cast<uint64_t>(std::llabs(*Step)) : 1;
  }

  LoopFrame rangeBound(const CXXForRangeStmt *Loop) {
    LoopFrame Frame;
    const Expr *Range = Loop->getRangeInit();
    if (const auto *Array = Context.getAsConstantArrayType(
            Range ? Range->getType() : QualType())) {
      Frame.Count = Array->getSize().getZExtValue();
      return Frame;
    }
    Frame.OverData = true;
    Frame.BoundExpr = Range;
    Frame.Item = Loop->getLoopVariable();
    return Frame;
  }

  /// A while loop counts as a loop over data when it compares (an iterator
  /// with an end, a counter with a size); `while (running)` does not, and
  /// `int attempt = 0; while (attempt < 3)` is a constant loop.
  LoopFrame conditionBound(const Expr *Cond) {
    const auto *Compare = dyn_cast_or_null<BinaryOperator>(
        Cond ? Cond->IgnoreImplicit() : nullptr);
    if (!Compare || !Compare->isComparisonOp())
      return LoopFrame();
    const Expr *Counter = Compare->getLHS(), *Bound = Compare->getRHS();
    if (integerConstant(Counter, Context))
      std::swap(Counter, Bound);
    // `while (++tries < 3)`.
    if (const auto *Step =
            dyn_cast<UnaryOperator>(Counter->IgnoreParenImpCasts()))
      if (Step->isIncrementDecrementOp())
        Counter = Step->getSubExpr();
    // Only a counter that starts at a constant counts to a constant bound:
    // `while (len > 0)` over a parameter is a loop over data.
    const auto *Var = dyn_cast_or_null<VarDecl>(namedValue(Counter));
    const Expr *Start = Var ? Var->getInit() : nullptr;
    LoopFrame Frame;
    if (integerConstant(Start, Context) || !integerConstant(Bound, Context))
      Frame = boundOf(Bound, Start);
    else
      Frame.OverData = true;
    Frame.Cursor = namedValue(Counter);
    return Frame;
  }

  template <typename TraverseBody>
  bool walkLoop(const Stmt *Loop, LoopFrame Frame, TraverseBody Traverse) {
    // A loop that awaits in each turn hands the event loop back: its turns
    // are not one long stall.
    if (InCoroutine && yieldsEachTurn(Loop))
      Frame = LoopFrame();
    // A search stops at its first match: not a level of the nest.
    if (Frame.OverData && exitsAtMatch(loopBody(Loop)))
      Frame.OverData = false;
    // Doubling a buffer's size up to a length is a few turns, not a walk.
    if (Frame.OverData && scalesGeometrically(Loop, Frame.Cursor))
      Frame.OverData = false;
    // An inner loop that advances the cursor of a loop around it, or runs
    // in a scan that moves its own cursor, walks the same data: one scan.
    for (const LoopFrame &Outer : Loops)
      if (Outer.OverData &&
          (Outer.MovesCursor || writes(Loop, Outer.Cursor) ||
           walksChunk(Outer, Frame) || walksItem(Outer, Frame)))
        Frame.OverData = false;
    Frame.MovesCursor = writes(loopBody(Loop), Frame.Cursor,
                               /*AssignOnly=*/true);
    Frame.Loop = Loop;
    Loops.push_back(Frame);
    judgeNest();
    bool Result = Traverse();
    Loops.pop_back();
    if (Reported == Loops.size() + 1)
      Reported = 0;
    return Result;
  }

  /// Whether \p Inner walks one chunk of \p Outer: the outer loop strides
  /// over chunks and the inner loop's bound is a variable of its body
  /// (`for (off < len; off += 4096) { n = min(4096, len - off); for (i < n)`).
  static bool walksChunk(const LoopFrame &Outer, const LoopFrame &Inner) {
    const auto *Bound = dyn_cast_or_null<VarDecl>(Inner.BoundVar);
    return Outer.Chunked && Bound && Bound->hasLocalStorage() &&
           Outer.Loop->getSourceRange().fullyContains(Bound->getSourceRange());
  }

  /// Whether \p Inner walks a part of \p Outer's current item (the cells of
  /// a row, `for (j < rows[i].len)`, `for (p : w->panes)`, a list the item
  /// holds, `for (wp = TAILQ_FIRST(&wl->window->panes); ...)`, or through
  /// locals made from the item, `b = bufs[i]; for (j < b->count)`, `key =
  /// keys.at(x); parts = split(map[key]); for (p : parts)`): a walk of nested
  /// data, linear in its size. `for (j < i)` is not: it reads the cursor, not
  /// an item.
  static bool walksItem(const LoopFrame &Outer, const LoopFrame &Inner) {
    if (!Inner.BoundExpr && !Inner.StartExpr)
      return false;
    Locals ItemLocals = itemLocals(Outer);
    return readsItem(Inner.BoundExpr, Outer, ItemLocals) ||
           readsItem(Inner.StartExpr, Outer, ItemLocals);
  }

  using Locals = llvm::SmallPtrSet<const ValueDecl *, 8>;

  /// The locals of \p Outer's body made from its current item, directly or
  /// through other such locals (`key = keys.at(x)`, then `action =
  /// map[key]`, then `parts = action->text().split()`).
  static Locals itemLocals(const LoopFrame &Outer) {
    Locals Found;
    // Each round adds the locals one step further from the item.
    for (unsigned Round = 0; Round < MostLocalHops; ++Round)
      if (!addItemLocals(Outer.Loop, Outer, Found))
        break;
    return Found;
  }

  /// How many locals deep an item is followed.
  static constexpr unsigned MostLocalHops = 8;

  /// Adds to \p Found the locals that \p S declares or assigns from the
  /// item or from locals already found; whether it added any.
  static bool addItemLocals(const Stmt *S, const LoopFrame &Outer,
                            Locals &Found) {
    if (!S || isa<LambdaExpr>(S))
      return false;
    bool Added = false;
    auto Consider = [&](const VarDecl *Local, const Expr *Value) {
      if (Local && Local->hasLocalStorage() && !Found.count(Local) &&
          readsItem(Value, Outer, Found))
        Added |= Found.insert(Local).second;
    };
    if (const auto *Decl = dyn_cast<DeclStmt>(S))
      for (const clang::Decl *D : Decl->decls())
        if (const auto *Local = dyn_cast<VarDecl>(D))
          Consider(Local, Local->getInit());
    if (const auto *Assign = dyn_cast<BinaryOperator>(S);
        Assign && Assign->getOpcode() == BO_Assign)
      Consider(dyn_cast_or_null<VarDecl>(namedValue(Assign->getLHS())),
               Assign->getRHS());
    for (const Stmt *Child : S->children())
      Added |= addItemLocals(Child, Outer, Found);
    return Added;
  }

  /// Whether \p S reads a part of \p Outer's current item: the item, an
  /// element the cursor picks, or one of \p ItemLocals.
  static bool readsItem(const Stmt *S, const LoopFrame &Outer,
                        const Locals &ItemLocals) {
    if (!S)
      return false;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      return (Outer.Item && Ref->getDecl() == Outer.Item) ||
             ItemLocals.count(Ref->getDecl());
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(S))
      if (mentions(Subscript->getIdx(), Outer.Cursor))
        return true;
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S))
      if (Operator->getOperator() == OO_Subscript &&
          Operator->getNumArgs() == 2 &&
          mentions(Operator->getArg(1), Outer.Cursor))
        return true;
    // `list.at(i)`, `table.item(i, 1)`: an element picked by the cursor.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S))
      if (llvm::any_of(Member->arguments(), [&](const Expr *Arg) {
            return mentions(Arg, Outer.Cursor);
          }))
        return true;
    if (const auto *Member = dyn_cast<MemberExpr>(S))
      if (mentions(Member->getBase(), Outer.Cursor))
        return true;
    return llvm::any_of(S->children(), [&](const Stmt *Child) {
      return readsItem(Child, Outer, ItemLocals);
    });
  }

  static bool mentions(const Stmt *S, const ValueDecl *Var) {
    if (!S || !Var)
      return false;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      return Ref->getDecl() == Var;
    return llvm::any_of(
        S->children(), [&](const Stmt *Child) { return mentions(Child, Var); });
  }

  static bool yieldsEachTurn(const Stmt *S) {
    for (const Stmt *Child : S->children()) {
      if (!Child || isa<LambdaExpr>(Child))
        continue;
      if (isa<CoawaitExpr, CoyieldExpr, DependentCoawaitExpr>(Child) ||
          yieldsEachTurn(Child))
        return true;
    }
    return false;
  }

  /// Judges the nest of loops around the current one, once per nest; a
  /// deeper loop over data deepens the nest already reported.
  void judgeNest() {
    if (Reported) {
      deepenReportedNest();
      return;
    }
    uint64_t Iterations = 1, PerItem = 1;
    unsigned DataLoops = 0;
    const Stmt *FirstConstant = nullptr, *FirstData = nullptr;
    for (const LoopFrame &Frame : Loops) {
      if (Frame.Count) {
        Iterations = multiply(Iterations, *Frame.Count);
        if (DataLoops)
          PerItem = multiply(PerItem, *Frame.Count);
        if (!FirstConstant)
          FirstConstant = Frame.Loop;
      }
      if (Frame.OverData && ++DataLoops == 1)
        FirstData = Frame.Loop;
    }
    const LoopFrame &Current = Loops.back();
    if (Current.Count && Iterations >= Cost.LoopIterations)
      return report(FirstConstant,
                    "a loop of " + std::to_string(Iterations) + " iterations",
                    "");
    if (Current.Count && DataLoops && PerItem >= Cost.PerItemIterations)
      return report(FirstData,
                    "a loop of " + std::to_string(PerItem) +
                        " iterations per item",
                    " of a loop over input data");
    if (Current.OverData && DataLoops >= Cost.NestedDataLoops)
      return report(FirstData, "nested loops over input data",
                    " (" + std::to_string(DataLoops) + " levels)", DataLoops);
    if (Current.Param)
      Facts.ParamLoops.push_back({Current.Loop, *Current.Param, Iterations});
  }

  static uint64_t multiply(uint64_t A, uint64_t B) {
    return A > UINT64_MAX / std::max<uint64_t>(B, 1) ? UINT64_MAX : A * B;
  }

  void deepenReportedNest() {
    if (!ReportedDataLevels || !Loops.back().OverData)
      return;
    unsigned Levels = llvm::count_if(
        Loops, [](const LoopFrame &Frame) { return Frame.OverData; });
    if (Levels <= ReportedDataLevels)
      return;
    ReportedDataLevels = Levels;
    Facts.HeavyLoops.back().What = "runs nested loops over input data (" +
                                   std::to_string(Levels) + " levels)";
  }

  void report(const Stmt *Loop, std::string Short, llvm::StringRef Detail,
              unsigned DataLevels = 0) {
    ReportedDataLevels = DataLevels;
    Facts.HeavyLoops.push_back({Loop, Loops.back().Loop, Short,
                                "runs " + Short + Detail.str(),
                                Frames.back().State});
    Reported = 1;
    for (size_t I = 0; I < Loops.size(); ++I)
      if (Loops[I].Loop == Loop)
        Reported = I + 1;
  }

  /// The fork() whose result each variable holds, the last one stored.
  llvm::DenseMap<const ValueDecl *, const CallExpr *> ForkResults;
  DeclLookup &Lookup;
  const ASTContext &Context;
  const CostModel &Cost;
  std::vector<ScopeFrame> Frames{ScopeFrame()};
  std::vector<LoopFrame> Loops;
  /// 1 + the depth of the loop a heavy nest was reported at; 0 when none.
  size_t Reported = 0;
  /// The levels of loops over data of the nest reported, if it is one.
  unsigned ReportedDataLevels = 0;

public:
  /// Only a coroutine's loops can await.
  bool InCoroutine = false;
  /// The body walked, where a loop bound's assignments are looked for.
  const Stmt *Body = nullptr;
};

} // namespace

namespace {
/// Adds the locals that hold the executor the coroutine runs on (`auto ex =
/// co_await CurrentExecutor();`) to what is known, as not null: where a
/// coroutine runs on an event loop it has its executor, so `if (!ex)
/// std::this_thread::sleep_for(d);`, the library's synchronous fallback,
/// does not run there.
class CurrentExecutorLocals
    : public RecursiveASTVisitor<CurrentExecutorLocals> {
public:
  CurrentExecutorLocals(DeclLookup &Lookup, KnownValues &Known)
      : Lookup(Lookup), Known(Known) {}

  bool VisitVarDecl(VarDecl *Var) {
    const Expr *Init =
        Var->getInit() ? Var->getInit()->IgnoreImplicit() : nullptr;
    const auto *Await = dyn_cast_or_null<CoawaitExpr>(Init);
    if (Await && Lookup.typeRole(Await->getOperand()->getType()) ==
                     TypeRole::CurrentExecutor)
      Known[Var] = 1;
    return true;
  }
  // A lambda's body is a function of its own.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

private:
  DeclLookup &Lookup;
  KnownValues &Known;
};
} // namespace

static KnownValues withCurrentExecutors(const FunctionDecl *Function,
                                        DeclLookup &Lookup, KnownValues Known) {
  if (isa_and_nonnull<CoroutineBodyStmt>(Function->getBody()))
    CurrentExecutorLocals(Lookup, Known)
        .TraverseStmt(const_cast<Stmt *>(Function->getBody()));
  return Known;
}

BodyFacts boundwise::walkBody(const FunctionDecl *Function, DeclLookup &Lookup,
                              const CostModel &Cost, bool OwnObject,
                              const KnownValues &Known) {
  Walker Walk(Lookup, Cost);
  Walk.InCoroutine = isa_and_nonnull<CoroutineBodyStmt>(Function->getBody());
  Walk.Body = Function->getBody();
  Walk.TraverseStmt(const_cast<Stmt *>(Function->getBody()));
  LivePaths Live =
      LivePaths::of(Function, withCurrentExecutors(Function, Lookup, Known));
  BodyFacts &Facts = Walk.Facts;
  llvm::erase_if(Facts.Calls,
                 [&](const CallSite &Site) { return !Live.isLive(Site.Call); });
  llvm::erase_if(Facts.HeavyLoops, [&](const LoopFinding &Loop) {
    return !Live.isLive(Loop.JudgedAt);
  });
  llvm::erase_if(Facts.ParamLoops, [&](const BodyFacts::ParamBound &Loop) {
    return !Live.isLive(Loop.Loop);
  });
  LockFacts Locks = analyzeLocks(Function, Lookup, OwnObject);
  for (CallSite &Site : Walk.Facts.Calls)
    Site.State.Lock = Locks.at(Site.Call);
  for (LoopFinding &Loop : Walk.Facts.HeavyLoops)
    Loop.State.Lock = Locks.at(Loop.JudgedAt);
  return std::move(Walk.Facts);
}
