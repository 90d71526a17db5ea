//===--- LockModel.h - Which locks are held where ---------------*- C++ -*-===//
//
/// \file
/// The locks a function holds at each call and loop, on its CFG, the way
/// -Wthread-safety models capabilities: a scoped guard (the catalog's
/// `locks`) holds its mutex from its construction to the end of its scope;
/// `std::defer_lock` and `std::try_to_lock` do not hold it (until
/// `lk.lock()`), `std::adopt_lock` does; `lock()` and `unlock()` on the
/// guard, or on a mutex itself, take and give it back; at a merge point only
/// the locks held on every path stay held. A lock is its mutex's declaration
/// and the object it belongs to, not its spelling.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_LOCKMODEL_H
#define BOUNDWISE_ANALYZER_LOCKMODEL_H

#include "llvm/ADT/DenseMap.h"
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace clang {
class CXXRecordDecl;
class Expr;
class FunctionDecl;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace boundwise {

class DeclLookup;

/// A mutex: its declaration and, for a member, the variable it is reached
/// through (null for a global, a local, or a member of `this`).
struct LockId {
  const clang::ValueDecl *Mutex = nullptr;
  const clang::ValueDecl *Base = nullptr;

  bool operator<(const LockId &Other) const {
    return std::tie(Mutex, Base) < std::tie(Other.Mutex, Other.Base);
  }
  bool operator==(const LockId &Other) const {
    return Mutex == Other.Mutex && Base == Other.Base;
  }
};

/// What is known of a held lock.
struct HeldLock {
  /// As written: `g_mutex`, `Stats::mutex`.
  std::string Spelling;
  /// Shared between the tasks that take it: a global or static mutex, a
  /// member, one reached through a reference or a capture.
  bool Shared = false;

  bool operator==(const HeldLock &Other) const {
    return Spelling == Other.Spelling && Shared == Other.Shared;
  }
};

struct LockState {
  std::map<LockId, HeldLock> Held;
  /// The mutexes each guard variable manages, held or not.
  std::map<const clang::VarDecl *, std::vector<std::pair<LockId, HeldLock>>>
      Guards;

  bool operator==(const LockState &Other) const {
    return Held == Other.Held && Guards == Other.Guards;
  }
  /// Keeps the locks held on both sides.
  void intersect(const LockState &Other);
  /// The spelling of the first shared lock held, or empty.
  std::string sharedLock() const;
};

/// The shared lock held at each call, construction and loop statement of a
/// body, as written; empty when none is.
struct LockFacts {
  llvm::DenseMap<const clang::Stmt *, std::string> At;

  std::string at(const clang::Stmt *S) const { return At.lookup(S); }
};

/// The locks of \p Function's body; with \p OwnObject, the function runs on
/// an object its task owns, and the mutexes of `this` are its own.
LockFacts analyzeLocks(const clang::FunctionDecl *Function, DeclLookup &Lookup,
                       bool OwnObject = false);

/// A type with `lock()` and `unlock()` (the standard's BasicLockable);
/// `std::weak_ptr::lock` does not make one.
bool isBasicLockable(const clang::CXXRecordDecl *Record);

} // namespace boundwise

#endif
