//===--- LivePaths.h - Statements on the paths that matter ------*- C++ -*-===//
//
/// \file
/// Which statements of a body run on a path that matters, on its CFG:
/// - reachable from the entry, once the constants a caller passes (default
///   arguments included) decide the branches that test them
///   (`log(msg)` with `bool sync = false` never reaches `if (sync) fsync()`;
///   `run(&pool)` never takes `if (!executor)`);
/// - not cold: every path from a cold statement ends in a failure that does
///   not return (`abort()`, an `assert` that fails, a `[[noreturn]]`
///   function of the project). `exit` and `_exit` end a process normally
///   (a fork child's work ends with them) and do not make a path cold.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_LIVEPATHS_H
#define BOUNDWISE_ANALYZER_LIVEPATHS_H

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallBitVector.h"
#include <cstdint>
#include <map>
#include <optional>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class ParmVarDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace boundwise {

/// Values known on entry to a body: those a caller passes to its
/// parameters, and those the catalog gives its locals (the executor a
/// coroutine runs on is never null); an integer or bool constant, or for a
/// pointer 0 (null) or 1 (the address of something).
using KnownValues = std::map<const clang::VarDecl *, int64_t>;

/// The value of \p E over \p Known, when it is known.
std::optional<int64_t> valueWith(const clang::Expr *E, const KnownValues &Known,
                                 const clang::ASTContext &Context);

/// The values \p Call passes to \p Definition's parameters (default
/// arguments included) that are known: constants, null, an address, or a
/// parameter of the caller that \p CallerKnown knows and the caller never
/// reassigns (a wrapper passing its `encoding = None` on); only for the
/// parameters in \p Only.
KnownValues knownArguments(const clang::Expr *Call,
                           const clang::FunctionDecl *Definition,
                           const llvm::SmallBitVector &Only,
                           const KnownValues &CallerKnown = {});

class LivePaths {
public:
  /// The live statements of \p Function's body entered with \p Known.
  static LivePaths of(const clang::FunctionDecl *Function,
                      const KnownValues &Known = {});

  /// Whether \p S runs on a path that matters; a statement the CFG does not
  /// hold counts as live.
  bool isLive(const clang::Stmt *S) const { return !Dead.contains(S); }

private:
  llvm::DenseSet<const clang::Stmt *> Dead;
};

} // namespace boundwise

#endif
