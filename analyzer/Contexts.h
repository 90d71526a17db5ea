//===--- Contexts.h - Where code runs on an event loop ----------*- C++ -*-===//
//
/// \file
/// Finds the async contexts of a translation unit: coroutine bodies,
/// completion handlers and event-loop callbacks given to the catalog's
/// handler APIs, callables posted to an event loop, and functions the project
/// marks async. Work offloaded to a pool (a thread_pool executor, a binder
/// onto one, co_spawn onto one) is excluded.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_CONTEXTS_H
#define BOUNDWISE_ANALYZER_CONTEXTS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class SourceLocation;
} // namespace clang

namespace boundwise {

class DeclLookup;

enum class ContextKind {
  Coroutine,
  Handler,      ///< a completion handler of an async operation
  LoopCallback, ///< a libuv-style callback
  Posted,       ///< posted to an event-loop executor
  Annotated,    ///< [[clang::annotate("boundwise::async")]]
  EntryPoint,   ///< listed in the catalog or .boundwise.yaml
};

struct AsyncContext {
  const clang::FunctionDecl *Function = nullptr;
  ContextKind Kind = ContextKind::Coroutine;
  /// The API that made it a context (`async_read`, `uv_read_start`, `post`).
  std::string Api;
  /// The library whose event loop runs it (`asio`, `libuv`), or empty.
  std::string Library;
  bool IsLambda = false;
};

/// Whether code at a location belongs to the files being analysed (the main
/// file, headers accepted by the header filter).
using FileFilter = llvm::function_ref<bool(clang::SourceLocation)>;

/// The async contexts of the declarations \p InScope accepts, in source
/// order, one per function.
std::vector<AsyncContext> findAsyncContexts(clang::ASTContext &Context,
                                            DeclLookup &Lookup,
                                            FileFilter InScope);

/// `'handle' is a coroutine`, `the lambda passed to 'async_read' is a
/// completion handler`: how messages name a context.
std::string describeContext(const AsyncContext &Context,
                            llvm::StringRef FunctionName);

} // namespace boundwise

#endif
