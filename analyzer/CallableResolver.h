//===--- CallableResolver.h - Which functions a callable runs ---*- C++ -*-===//
//
/// \file
/// Given an expression passed as a handler or task (a lambda, a function, a
/// function object, `std::bind(&C::m, this)`, `bind_executor(pool, h)`), the
/// functions that will run when it is invoked, and whether a binder has
/// moved them onto a thread pool.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_CALLABLERESOLVER_H
#define BOUNDWISE_ANALYZER_CALLABLERESOLVER_H

#include "llvm/ADT/SmallVector.h"

namespace clang {
class Expr;
class FunctionDecl;
} // namespace clang

namespace boundwise {

class DeclLookup;

struct ResolvedCallable {
  const clang::FunctionDecl *Function = nullptr;
  bool IsLambda = false;
  /// Wrapped by a binder onto a pool executor: runs off the event loop.
  bool OnPool = false;
};

/// The functions \p Callable runs (their definitions, or for a function
/// another file defines its declaration); empty when they cannot be seen (a
/// function pointer variable, a std::function).
llvm::SmallVector<ResolvedCallable, 2>
resolveCallables(const clang::Expr *Callable, DeclLookup &Lookup);

/// \p E without temporaries, cleanups, implicit casts, parentheses and
/// functional casts: the value it is made of.
const clang::Expr *stripTemporaries(const clang::Expr *E);

/// \p E without the wrappers the AST puts around an argument: temporaries,
/// copies, casts, parentheses.
const clang::Expr *stripWrappers(const clang::Expr *E);

/// The function a coroutine argument of co_spawn runs: the callee of
/// `worker()` or a lambda's call operator.
const clang::FunctionDecl *resolveSpawnedCoroutine(const clang::Expr *Arg);

} // namespace boundwise

#endif
