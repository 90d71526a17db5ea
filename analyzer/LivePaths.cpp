//===--- LivePaths.cpp - Statements on the paths that matter --------------===//
#include "analyzer/LivePaths.h"
#include "analyzer/BodyWalker.h"
#include "analyzer/Dataflow.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <optional>
#include <vector>

using namespace clang;
using namespace boundwise;

namespace {

/// Evaluates branch conditions over the known parameter values.
class ConditionValue {
public:
  ConditionValue(const KnownValues &Known, const ASTContext &Context)
      : Known(Known), Context(Context) {}

  std::optional<int64_t> operator()(const Expr *E) const {
    E = E->IgnoreParens();
    if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E))
      return 0;
    if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      std::optional<int64_t> Value = (*this)(Cast->getSubExpr());
      if (Value && (Cast->getCastKind() == CK_PointerToBoolean ||
                    Cast->getCastKind() == CK_IntegralToBoolean))
        return *Value != 0;
      return Value;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
        auto It = Known.find(Var);
        if (It != Known.end())
          return It->second;
        if (isa<ParmVarDecl>(Var))
          return std::nullopt;
      }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E))
      return unary(Unary);
    if (const auto *Binary = dyn_cast<BinaryOperator>(E))
      return binary(Binary);
    Expr::EvalResult Result;
    if (!E->isValueDependent() && E->getType()->isIntegralOrEnumerationType() &&
        E->EvaluateAsInt(Result, Context))
      return Result.Val.getInt().getExtValue();
    return std::nullopt;
  }

private:
  std::optional<int64_t> unary(const UnaryOperator *Op) const {
    std::optional<int64_t> Value = (*this)(Op->getSubExpr());
    if (!Value)
      return std::nullopt;
    switch (Op->getOpcode()) {
    case UO_LNot:
      return !*Value;
    case UO_Minus:
      return -*Value;
    default:
      return std::nullopt;
    }
  }

  std::optional<int64_t> binary(const BinaryOperator *Op) const {
    std::optional<int64_t> L = (*this)(Op->getLHS());
    // `false && x` and `true || x` are known without x.
    if (L && Op->getOpcode() == BO_LAnd && !*L)
      return 0;
    if (L && Op->getOpcode() == BO_LOr && *L)
      return 1;
    std::optional<int64_t> R = (*this)(Op->getRHS());
    if (!L || !R)
      return std::nullopt;
    switch (Op->getOpcode()) {
    case BO_LAnd:
    case BO_LOr:
      return *R != 0;
    case BO_EQ:
      return *L == *R;
    case BO_NE:
      return *L != *R;
    case BO_LT:
      return *L < *R;
    case BO_GT:
      return *L > *R;
    case BO_LE:
      return *L <= *R;
    case BO_GE:
      return *L >= *R;
    case BO_And:
      return *L & *R;
    case BO_Or:
      return *L | *R;
    default:
      return std::nullopt;
    }
  }

  const KnownValues &Known;
  const ASTContext &Context;
};

/// Whether \p Call fails without returning: `abort()` and the like (a
/// system function of no parameters), an `assert`'s failure, or a
/// `[[noreturn]]` function of the project.
bool isFailure(const CallExpr *Call, const ASTContext &Context) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->isNoReturn())
    return false;
  const SourceManager &SM = Context.getSourceManager();
  for (SourceLocation Loc = Call->getBeginLoc(); Loc.isMacroID();
       Loc = SM.getImmediateMacroCallerLoc(Loc))
    if (Lexer::getImmediateMacroName(Loc, SM, Context.getLangOpts()) ==
        "assert")
      return true;
  if (!SM.isInSystemHeader(Callee->getLocation()))
    return true;
  return Callee->getNumParams() == 0;
}

bool endsInFailure(const CFGBlock &Block, const ASTContext &Context) {
  if (!Block.hasNoReturnElement())
    return false;
  for (const CFGElement &Element : Block)
    if (std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>())
      if (const auto *Call = dyn_cast<CallExpr>(Statement->getStmt()))
        if (isFailure(Call, Context))
          return true;
  return false;
}

/// Whether the variable is assigned in the body after its start: its value
/// is then not the known one.
bool isReassigned(const VarDecl *Var, const FunctionDecl *Function) {
  return writes(Function->getBody(), Var);
}

} // namespace

std::optional<int64_t> boundwise::valueWith(const Expr *E,
                                            const KnownValues &Known,
                                            const ASTContext &Context) {
  return ConditionValue(Known, Context)(E);
}

/// The value \p Arg passes, when it is known: an integer or bool constant,
/// 0 for a null pointer, 1 for an address.
static std::optional<int64_t> knownValue(const Expr *Arg,
                                         const ASTContext &Context) {
  if (Arg->isValueDependent())
    return std::nullopt;
  if (Arg->getType()->isPointerType()) {
    if (Arg->isNullPointerConstant(const_cast<ASTContext &>(Context),
                                   Expr::NPC_ValueDependentIsNotNull))
      return 0;
    const Expr *Stripped = Arg->IgnoreParenImpCasts();
    const auto *Unary = dyn_cast<UnaryOperator>(Stripped);
    if ((Unary && Unary->getOpcode() == UO_AddrOf) ||
        isa<CXXThisExpr, CXXNewExpr>(Stripped))
      return 1;
    return std::nullopt;
  }
  Expr::EvalResult Result;
  if (Arg->getType()->isIntegralOrEnumerationType() &&
      Arg->EvaluateAsInt(Result, Context))
    return Result.Val.getInt().getExtValue();
  return std::nullopt;
}

/// The value a caller entered with \p CallerKnown passes on when \p Arg is
/// one of its parameters, untouched in its body.
static std::optional<int64_t> forwardedValue(const Expr *Arg,
                                             const KnownValues &CallerKnown) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  auto It = Param ? CallerKnown.find(Param) : CallerKnown.end();
  if (It == CallerKnown.end())
    return std::nullopt;
  const auto *Caller = dyn_cast<FunctionDecl>(Param->getDeclContext());
  if (!Caller || isReassigned(Param, Caller))
    return std::nullopt;
  return It->second;
}

/// Every argument of \p Call by parameter, default arguments included.
static llvm::ArrayRef<const Expr *> allArguments(const Expr *Call) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call))
    return {Construct->getArgs(), Construct->getNumArgs()};
  const auto *Plain = cast<CallExpr>(Call);
  llvm::ArrayRef<const Expr *> Args(Plain->getArgs(), Plain->getNumArgs());
  const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
  if (Operator && isa_and_nonnull<CXXMethodDecl>(Operator->getDirectCallee()))
    return Args.drop_front();
  return Args;
}

KnownValues boundwise::knownArguments(const Expr *Call,
                                      const FunctionDecl *Definition,
                                      const llvm::SmallBitVector &Only,
                                      const KnownValues &CallerKnown) {
  KnownValues Known;
  llvm::ArrayRef<const Expr *> All = allArguments(Call);
  for (unsigned I = 0; I < All.size() && I < Only.size(); ++I) {
    if (!Only[I])
      continue;
    std::optional<int64_t> Value =
        knownValue(All[I], Definition->getASTContext());
    if (!Value)
      Value = forwardedValue(All[I], CallerKnown);
    if (Value)
      Known[Definition->getParamDecl(I)] = *Value;
  }
  return Known;
}

LivePaths LivePaths::of(const FunctionDecl *Function,
                        const KnownValues &Known) {
  LivePaths Result;
  ASTContext &Context = Function->getASTContext();
  std::unique_ptr<CFG> Graph = buildBodyCFG(Function, Context);
  if (!Graph)
    return Result;
  KnownValues Trusted;
  for (const auto &[Var, Value] : Known)
    if (!isReassigned(Var, Function))
      Trusted[Var] = Value;
  ConditionValue Evaluate(Trusted, Context);

  // Reachable from the entry along the branches the known values allow.
  unsigned Blocks = Graph->getNumBlockIDs();
  std::vector<bool> Reached(Blocks);
  std::vector<const CFGBlock *> Work{&Graph->getEntry()};
  Reached[Graph->getEntry().getBlockID()] = true;
  while (!Work.empty()) {
    const CFGBlock *Block = Work.back();
    Work.pop_back();
    std::optional<int64_t> Taken;
    if (const auto *Cond =
            dyn_cast_or_null<Expr>(Block->getTerminatorCondition());
        Cond && Block->succ_size() == 2)
      Taken = Evaluate(Cond);
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      bool Allowed = !Taken || (*Taken ? Index == 0 : Index == 1);
      ++Index;
      const CFGBlock *Next = Succ.getReachableBlock();
      if (!Allowed || !Next || Reached[Next->getBlockID()])
        continue;
      Reached[Next->getBlockID()] = true;
      Work.push_back(Next);
    }
  }

  // Cold: every path from the block ends in a failure. What reaches the
  // exit, or a loop that does not fail (a server's `for (;;)`), is not.
  std::vector<bool> Cold(Blocks);
  for (const CFGBlock *Block : *Graph)
    Cold[Block->getBlockID()] = endsInFailure(*Block, Context);
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (const CFGBlock *Block : *Graph) {
      unsigned Id = Block->getBlockID();
      if (Cold[Id] || Block == &Graph->getExit())
        continue;
      bool AnySucc = false, AllCold = true;
      for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
        if (const CFGBlock *Next = Succ.getReachableBlock()) {
          AnySucc = true;
          AllCold = AllCold && Cold[Next->getBlockID()];
        }
      if (AnySucc && AllCold)
        Cold[Id] = Changed = true;
    }
  }

  for (const CFGBlock *Block : *Graph) {
    unsigned Id = Block->getBlockID();
    if (Reached[Id] && !Cold[Id])
      continue;
    for (const CFGElement &Element : *Block)
      if (std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>())
        Result.Dead.insert(Statement->getStmt());
    if (const Stmt *Terminator = Block->getTerminatorStmt())
      Result.Dead.insert(Terminator);
  }
  return Result;
}
