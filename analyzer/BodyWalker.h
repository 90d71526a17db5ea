//===--- BodyWalker.h - What one function body does -------------*- C++ -*-===//
//
/// \file
/// Walks one function body in source order and records what the summary
/// needs: each call with the GIL and lock state at that point, loops that
/// are CPU-heavy by the cost model, loops bounded by a parameter, and the
/// facts the catalog's non-blocking conditions read. Lambda bodies and local
/// classes are functions of their own and are not entered.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_BODYWALKER_H
#define BOUNDWISE_ANALYZER_BODYWALKER_H

#include "analyzer/Effects.h"
#include "analyzer/LivePaths.h"
#include "llvm/ADT/DenseMap.h"
#include <cstdint>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace boundwise {

class DeclLookup;

/// The cost model's thresholds (rules/docs/cost-model.md).
struct CostModel {
  /// A loop nest with at least this many constant iterations is heavy.
  uint64_t LoopIterations = 1000000;
  /// This many nested loops over input data are heavy.
  unsigned NestedDataLoops = 2;
  /// Constant loops of at least this many iterations per item of a loop
  /// over input data are heavy.
  uint64_t PerItemIterations = 1000;
};

/// A call and the state it is made in.
struct CallSite {
  const clang::Expr *Call = nullptr;
  PointState State;
  bool InLoop = false;
};

/// A heavy loop nest.
struct LoopFinding {
  /// The outermost loop of the nest, where it is reported.
  const clang::Stmt *Loop = nullptr;
  /// The loop where the nest became heavy: its state is the nest's.
  const clang::Stmt *JudgedAt = nullptr;
  /// `a loop of 10000000 iterations`.
  std::string Short;
  /// `runs a loop of 10000000 iterations`.
  std::string What;
  PointState State;
};

struct BodyFacts {
  std::vector<CallSite> Calls;
  std::vector<LoopFinding> HeavyLoops;
  /// Loops bounded by a parameter: (loop, parameter, constant factor).
  struct ParamBound {
    const clang::Stmt *Loop;
    unsigned Param;
    uint64_t Factor;
  };
  std::vector<ParamBound> ParamLoops;
  /// The variable each call's result is stored in.
  llvm::DenseMap<const clang::Expr *, const clang::ValueDecl *> ResultOf;
  /// Per struct variable: whether every `var.field = x` assigns zero.
  llvm::DenseMap<const clang::VarDecl *, bool> MembersAssignedZero;
};

/// Walks the body of \p Function; \p OwnObject when it runs on an object
/// its task owns (its member mutexes are not shared), \p Known the values
/// its caller passes. What runs only on a dead or cold path is left out
/// (LivePaths).
BodyFacts walkBody(const clang::FunctionDecl *Function, DeclLookup &Lookup,
                   const CostModel &Cost, bool OwnObject = false,
                   const KnownValues &Known = {});

/// Whether \p E is an integer constant zero.
bool isZeroConstant(const clang::Expr *E, const clang::ASTContext &Context);

/// The variable or member an expression names, or null.
const clang::ValueDecl *namedValue(const clang::Expr *E);

/// Whether \p S steps or assigns \p Var (lambda bodies aside); with
/// \p AssignOnly, only `Var = ...` counts.
bool writes(const clang::Stmt *S, const clang::ValueDecl *Var,
            bool AssignOnly = false);

} // namespace boundwise

#endif
