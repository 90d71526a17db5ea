//===--- InputSize.cpp - Whether a CPU-heavy call's data is small ---------===//
#include "analyzer/InputSize.h"
#include "analyzer/BodyWalker.h"
#include "analyzer/Catalog.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/Support/MathExtras.h"

using namespace clang;
using namespace boundwise;

/// Chains of conversions between string types are a few levels deep.
static constexpr unsigned MostDepth = 8;

/// The constant-size array \p E points into (`a`, `a + 3`, `std::end(a)`,
/// `arr.begin()` of a record that holds just an array), or null.
static const ConstantArrayType *
arrayPointedInto(const Expr *E, const ASTContext &Context, unsigned Depth = 0) {
  if (!E || Depth > 4)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Array = Context.getAsConstantArrayType(E->getType()))
    return Array;
  if (const auto *Record = E->getType()->getAsCXXRecordDecl();
      Record && Record->hasDefinition() && !Record->isLambda()) {
    auto Fields = Record->fields();
    if (std::distance(Fields.begin(), Fields.end()) == 1)
      if (const auto *Array =
              Context.getAsConstantArrayType(Fields.begin()->getType()))
        return Array;
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(E))
    if (Binary->isAdditiveOp())
      return arrayPointedInto(Binary->getLHS(), Context, Depth + 1);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    return arrayPointedInto(Member->getImplicitObjectArgument(), Context,
                            Depth + 1);
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (Call->getNumArgs() == 1)
      return arrayPointedInto(Call->getArg(0), Context, Depth + 1);
  return nullptr;
}

/// Whether \p Call is `std::move(x)` or `std::forward<T>(x)`: the data of x.
static bool isStdMoveOrForward(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee && Call->getNumArgs() == 1 && Callee->isInStdNamespace() &&
         Callee->getIdentifier() &&
         llvm::is_contained({"move", "forward"}, Callee->getName());
}

/// Whether \p Type holds its data only by pointing to it: a pointer or a
/// string view, which only an assignment makes point elsewhere.
static bool isView(QualType Type) {
  if (Type->isPointerType())
    return true;
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  return Record && Record->getName() == "basic_string_view";
}

/// Whether \p S assigns \p Var (`=`, a class's operator=, also inside a
/// lambda that captures it by reference) or takes its address. A non-const
/// reference it is bound to is not followed.
static bool isChangedIn(const Stmt *S, const VarDecl *Var) {
  if (!S)
    return false;
  if (const auto *Binary = dyn_cast<BinaryOperator>(S);
      Binary && Binary->isAssignmentOp() && namedValue(Binary->getLHS()) == Var)
    return true;
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S);
      Operator && Operator->isAssignmentOp() && Operator->getNumArgs() > 0 &&
      namedValue(Operator->getArg(0)) == Var)
    return true;
  if (const auto *Unary = dyn_cast<UnaryOperator>(S);
      Unary && Unary->getOpcode() == UO_AddrOf &&
      namedValue(Unary->getSubExpr()) == Var)
    return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return isChangedIn(Child, Var);
  });
}

bool InputSize::isSmall(const Expr *E) const { return isSmallAt(E, 0); }

bool InputSize::isSmallAt(const Expr *E, unsigned Depth) const {
  if (!E || Depth > MostDepth)
    return false;
  E = E->IgnoreParenCasts();
  if (const auto *Literal = dyn_cast<StringLiteral>(E))
    return Literal->getByteLength() < MostElements;
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
    return isSmallAt(Temporary->getSubExpr(), Depth + 1);
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return isSmallAt(Bind->getSubExpr(), Depth + 1);
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    return isSmallAt(Cleanups->getSubExpr(), Depth + 1);
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
    return isSmallAt(Default->getExpr(), Depth + 1);
  // A string made from a literal, or a copy of a small one.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() > 0 &&
           isSmallAt(Construct->getArg(0), Depth + 1);
  // `.data()`, `.c_str()`: the object's own data.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    return Member->getNumArgs() == 0 &&
           isSmallAt(Member->getImplicitObjectArgument(), Depth + 1);
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return isStdMoveOrForward(Call) && isSmallAt(Call->getArg(0), Depth + 1);
  if (const auto *Param = dyn_cast_or_null<ParmVarDecl>(namedValue(E)))
    return Small.contains(Param);
  if (const auto *Var = dyn_cast_or_null<VarDecl>(namedValue(E)))
    return isSmallLocal(Var, Depth);
  return false;
}

/// A local (or a lambda's copy of one) keeps the data of its initialiser
/// when it is const, or a view that its function never reassigns.
bool InputSize::isSmallLocal(const VarDecl *Var, unsigned Depth) const {
  if (!Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      !isSmallAt(Var->getInit(), Depth + 1))
    return false;
  if (Var->getType().isConstQualified())
    return true;
  const auto *Owner = dyn_cast<FunctionDecl>(Var->getDeclContext());
  return Owner && isView(Var->getType()) && !isChangedIn(Owner->getBody(), Var);
}

/// The local structure \p Object (`&strm`) points to.
static const VarDecl *localPointedTo(const Expr *Object) {
  Object = Object->IgnoreParenCasts();
  if (const auto *Unary = dyn_cast<UnaryOperator>(Object);
      Unary && Unary->getOpcode() == UO_AddrOf)
    Object = Unary->getSubExpr();
  const auto *Var = dyn_cast_or_null<VarDecl>(namedValue(Object));
  if (!Var || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() ||
      Var->getType()->isPointerType() || Var->getType()->isReferenceType())
    return nullptr;
  return Var;
}

/// Collects what \p S assigns to field \p Field of \p Var.
static void collectFieldValues(const Stmt *S, const VarDecl *Var,
                               llvm::StringRef Field,
                               llvm::SmallVectorImpl<const Expr *> &Values) {
  if (!S)
    return;
  if (const auto *Binary = dyn_cast<BinaryOperator>(S);
      Binary && Binary->isAssignmentOp()) {
    const auto *Member =
        dyn_cast<MemberExpr>(Binary->getLHS()->IgnoreParenImpCasts());
    if (Member && Member->getMemberDecl()->getName() == Field &&
        namedValue(Member->getBase()) == Var)
      Values.push_back(Binary->getOpcode() == BO_Assign ? Binary->getRHS()
                                                        : nullptr);
  }
  for (const Stmt *Child : S->children())
    collectFieldValues(Child, Var, Field, Values);
}

/// Whether every value the function gives field \p Field of the local
/// structure \p Object points to is small (`strm.next_in = data.data()`).
bool InputSize::isSmallField(const Expr *Object, llvm::StringRef Field) const {
  const VarDecl *Var = localPointedTo(Object);
  if (!Var || !Function->getBody())
    return false;
  llvm::SmallVector<const Expr *, 4> Values;
  collectFieldValues(Function->getBody(), Var, Field, Values);
  return !Values.empty() && llvm::all_of(Values, [&](const Expr *Value) {
    return isSmall(Value);
  });
}

bool InputSize::pointsIntoSmallArrays(const Expr *Call) const {
  uint64_t Elements = 0;
  for (const Expr *Arg : callArguments(Call)) {
    const Expr *Stripped = Arg->IgnoreParenImpCasts();
    bool Positional = Arg->getType()->isPointerType() ||
                      isa<CallExpr>(Stripped) ||
                      Context.getAsConstantArrayType(Stripped->getType());
    if (!Positional)
      continue;
    const ConstantArrayType *Array = arrayPointedInto(Arg, Context);
    if (!Array)
      return false;
    Elements = std::max<uint64_t>(Elements, Array->getSize().getZExtValue());
  }
  if (!Elements)
    return false;
  uint64_t Log = std::max<uint64_t>(llvm::Log2_64_Ceil(Elements), 1);
  return Elements < MostElements / Log;
}

bool InputSize::isSmallCall(const Expr *Call,
                            const CpuHeavyEntry &Entry) const {
  // Password hashing and a regex cost what they cost, whatever the data.
  if (!llvm::is_contained(
          {CpuKind::Sort, CpuKind::Hashing, CpuKind::Compression}, Entry.Kind))
    return false;
  bool InputsSmall = !Entry.Inputs.empty() &&
                     llvm::all_of(Entry.Inputs, [&](const InputRef &Input) {
                       const Expr *Arg = argumentAt(Call, Input.Arg);
                       if (!Arg)
                         return false;
                       return Input.Field.empty()
                                  ? isSmall(Arg)
                                  : isSmallField(Arg, Input.Field);
                     });
  return InputsSmall || pointsIntoSmallArrays(Call);
}
