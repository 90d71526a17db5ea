//===--- LockModel.cpp - Which locks are held where -----------------------===//
#include "analyzer/LockModel.h"
#include "analyzer/BodyWalker.h"
#include "analyzer/Dataflow.h"
#include "analyzer/DeclLookup.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace boundwise;

void LockState::intersect(const LockState &Other) {
  for (auto It = Held.begin(); It != Held.end();)
    It = Other.Held.count(It->first) ? std::next(It) : Held.erase(It);
  for (const auto &[Guard, Locks] : Other.Guards)
    Guards.try_emplace(Guard, Locks);
}

std::string LockState::sharedLock() const {
  std::string First;
  for (const auto &[Id, Lock] : Held)
    if (Lock.Shared && (First.empty() || Lock.Spelling < First))
      First = Lock.Spelling;
  return First;
}

namespace {

/// How a guard's constructor treats its mutex, by the tag it is given.
enum class LockTag { None, Defer, TryTo, Adopt };

/// The tag types of the standard (Boost spells them alike).
static LockTag tagOf(const Expr *Arg) {
  const auto *Record = Arg->getType()->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier())
    return LockTag::None;
  return llvm::StringSwitch<LockTag>(Record->getName())
      .Case("defer_lock_t", LockTag::Defer)
      .Case("try_to_lock_t", LockTag::TryTo)
      .Case("adopt_lock_t", LockTag::Adopt)
      .Default(LockTag::None);
}

/// Whether a mutex is shared between the tasks that lock it: a global or
/// static, a member (but a member of an object the task owns), or a
/// variable reached through a reference or a capture.
static bool isSharedMutex(const Expr *Mutex, bool OwnObject) {
  Mutex = Mutex->IgnoreParenImpCasts();
  if (const auto *Member = dyn_cast<MemberExpr>(Mutex))
    return !OwnObject || !isa<CXXThisExpr>(Member->getBase()->IgnoreImpCasts());
  const auto *Ref = dyn_cast<DeclRefExpr>(Mutex);
  if (!Ref)
    return false;
  if (Ref->refersToEnclosingVariableOrCapture())
    return true;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  return Var && (Var->hasGlobalStorage() || Var->getType()->isReferenceType());
}

/// The lock \p Mutex names, or none for an expression it cannot follow.
static std::optional<LockId> lockIdOf(const Expr *Mutex) {
  Mutex = Mutex->IgnoreParenImpCasts();
  if (const auto *Member = dyn_cast<MemberExpr>(Mutex))
    return LockId{Member->getMemberDecl(), namedValue(Member->getBase())};
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Mutex))
    return LockId{Ref->getDecl(), nullptr};
  return std::nullopt;
}

class LockTracker {
public:
  using State = LockState;

  LockTracker(DeclLookup &Lookup, LockFacts &Facts, bool OwnObject)
      : Lookup(Lookup), Facts(Facts), OwnObject(OwnObject) {}

  State entry() { return {}; }
  void join(State &Into, const State &From) { Into.intersect(From); }
  void atTerminator(const Stmt *Terminator, const State &S) {
    Facts.At[Terminator] = S.sharedLock();
  }

  void transfer(const CFGElement &Element, State &S, bool Record) {
    if (std::optional<CFGAutomaticObjDtor> Dtor =
            Element.getAs<CFGAutomaticObjDtor>())
      return release(Dtor->getVarDecl(), S);
    std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
    if (!Statement)
      return;
    const Stmt *Node = Statement->getStmt();
    if (Record && isa<CallExpr, CXXConstructExpr>(Node))
      record(Node, S);
    if (const auto *Decls = dyn_cast<DeclStmt>(Node)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          guard(Var, S);
      return;
    }
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Node))
      memberCall(Call, S);
  }

private:
  /// A call reached on several paths holds what every path holds.
  void record(const Stmt *Node, const State &S) {
    auto [It, New] = Facts.At.try_emplace(Node, S.sharedLock());
    if (!New && It->second != S.sharedLock())
      It->second.clear();
  }

  HeldLock describe(const Expr *Mutex) {
    const ASTContext &Context = Lookup.astContext();
    std::string Spelling =
        Lexer::getSourceText(
            CharSourceRange::getTokenRange(Mutex->getSourceRange()),
            Context.getSourceManager(), Context.getLangOpts())
            .str();
    return {Spelling, isSharedMutex(Mutex, OwnObject)};
  }

  /// `std::unique_lock<std::mutex> lk(m, std::defer_lock);`
  void guard(const VarDecl *Var, State &S) {
    if (Lookup.typeRole(Var->getType()) != TypeRole::Lock)
      return;
    const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
        Var->getInit() ? Var->getInit()->IgnoreImplicit() : nullptr);
    if (!Construct)
      return;
    LockTag Tag = LockTag::None;
    std::vector<std::pair<LockId, HeldLock>> Managed;
    for (const Expr *Arg : Construct->arguments()) {
      if (LockTag ArgTag = tagOf(Arg); ArgTag != LockTag::None)
        Tag = ArgTag;
      else if (std::optional<LockId> Id = lockIdOf(Arg))
        Managed.push_back({*Id, describe(Arg)});
    }
    // A try that may fail holds nothing for certain.
    if (Tag == LockTag::None || Tag == LockTag::Adopt)
      for (const auto &[Id, Lock] : Managed)
        S.Held[Id] = Lock;
    S.Guards[Var] = std::move(Managed);
  }

  void release(const VarDecl *Guard, State &S) {
    auto It = S.Guards.find(Guard);
    if (It == S.Guards.end())
      return;
    for (const auto &[Id, Lock] : It->second)
      S.Held.erase(Id);
    S.Guards.erase(It);
  }

  /// `lk.lock()`, `lk.unlock()` on a guard; `m.lock()`, `m.unlock()` on a
  /// mutex (a type with both).
  void memberCall(const CXXMemberCallExpr *Call, State &S) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return;
    llvm::StringRef Name = Method->getName();
    bool Locks = Name == "lock", Unlocks = Name == "unlock";
    if (!Locks && !Unlocks)
      return;
    const Expr *Object = Call->getImplicitObjectArgument();
    const auto *Guard = dyn_cast_or_null<VarDecl>(namedValue(Object));
    auto Managed = Guard ? S.Guards.find(Guard) : S.Guards.end();
    if (Managed != S.Guards.end()) {
      for (const auto &[Id, Lock] : Managed->second) {
        if (Unlocks)
          S.Held.erase(Id);
        else
          S.Held[Id] = Lock;
      }
      return;
    }
    if (!isBasicLockable(Method->getParent()))
      return;
    std::optional<LockId> Id = lockIdOf(Object);
    if (!Id)
      return;
    if (Unlocks)
      S.Held.erase(*Id);
    else
      S.Held[*Id] = describe(Object);
  }

  DeclLookup &Lookup;
  LockFacts &Facts;
  bool OwnObject;
};

} // namespace

bool boundwise::isBasicLockable(const CXXRecordDecl *Record) {
  bool HasLock = false, HasUnlock = false;
  for (const CXXMethodDecl *Method : Record->methods()) {
    if (!Method->getIdentifier())
      continue;
    HasLock |= Method->getName() == "lock";
    HasUnlock |= Method->getName() == "unlock";
  }
  return HasLock && HasUnlock;
}

LockFacts boundwise::analyzeLocks(const FunctionDecl *Function,
                                  DeclLookup &Lookup, bool OwnObject) {
  LockFacts Facts;
  std::unique_ptr<CFG> Graph = buildBodyCFG(Function, Lookup.astContext());
  if (!Graph)
    return Facts;
  LockTracker Tracker(Lookup, Facts, OwnObject);
  runForward(*Graph, Tracker);
  return Facts;
}
