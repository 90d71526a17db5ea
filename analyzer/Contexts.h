//===--- Contexts.h - Where code runs on an event loop ----------*- C++ -*-===//
//
/// \file
/// Finds where the code of a translation unit runs and how it was
/// registered: completion handlers and event-loop callbacks given to the
/// catalog's handler APIs or stored into its handler fields, callables
/// posted to an event loop, functions the project marks async, coroutines
/// placed where they are started or called (Placement.h); pool tasks and
/// threads; Python entry points; process spawns. Work offloaded to a pool (a
/// thread_pool executor, a binder onto one, co_spawn onto one, an I/O object
/// constructed on one) is not async.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_CONTEXTS_H
#define BOUNDWISE_ANALYZER_CONTEXTS_H

#include "analyzer/Effects.h"
#include "analyzer/Finding.h"
#include "analyzer/Placement.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
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
  Handler,          ///< a completion handler of an async operation
  LoopCallback,     ///< a libuv-style callback
  Posted,           ///< posted to an event-loop executor
  Annotated,        ///< [[clang::annotate("boundwise::async")]]
  EntryPoint,       ///< listed in the catalog or .boundwise.yaml
  PoolTask,         ///< runs on a thread pool or a thread of its own
  PythonEntry,      ///< called from Python (pybind11, nanobind, PyMethodDef)
  GilReleasing,     ///< releases the GIL in its body
  ProcessSpawn,     ///< starts a process (fork, system, exec, posix_spawn)
  ConnectionThread, ///< starts a thread per accepted connection
  UiCallback,       ///< given to an API that runs it on a UI object's thread
  UiOverride,       ///< a UI class's override of a method the UI thread calls
};

struct AsyncContext {
  const clang::FunctionDecl *Function = nullptr;
  ContextKind Kind = ContextKind::Coroutine;
  /// The API that made it a context (`async_read`, `uv_read_start`, `post`,
  /// `def`).
  std::string Api;
  /// The library whose event loop runs it (`asio`, `libuv`), or empty.
  std::string Library;
  bool IsLambda = false;
  /// Where it runs: an event loop for handlers and posted work, a pool or a
  /// thread of its own for pool tasks, where it is started or called for a
  /// coroutine; nothing for the other kinds.
  PlaceSet Where;

  /// LoopCallback of a readiness watcher: the parameter holding the
  /// descriptor the loop reported ready (or the channel it is got from).
  std::optional<unsigned> ReadyParam;

  /// PoolTask: a new thread per call (std::thread), not a bounded pool.
  bool NewThread = false;
  /// PoolTask: started from inside a loop over items, at SubmitLoc.
  bool PerItem = false;
  /// PoolTask: a thread started per connection of an accept loop.
  bool PerConnection = false;
  /// PoolTask: where a new thread is started for it per item of a loop.
  std::vector<SourcePoint> ThreadPerItemSites;
  /// PoolTask, ProcessSpawn, ConnectionThread: where the thread or process
  /// is started. PythonEntry: the binding (`m.def`, a PyMethodDef entry).
  /// Handlers and callbacks: where the callable is given to the API.
  SourcePoint SubmitLoc;

  /// ProcessSpawn: how it starts; the program when it is written as a
  /// literal (`curl`); whether it is started in a loop.
  SpawnKind Spawning = SpawnKind::Exec;
  std::string Program;
  bool InLoop = false;
  /// ConnectionThread: the accept call of the loop.
  SourcePoint AcceptLoc;

  /// PythonEntry: the name Python calls it by.
  std::string PythonName;
  /// PythonEntry: the binding releases the GIL for the whole call.
  bool ReleasedByGuard = false;
  /// PythonEntry: the edit that releases the GIL on the binding, when the
  /// binding API has one (pybind11, nanobind; not a PyMethodDef table).
  std::optional<Replacement> ReleaseFix;
  /// PythonEntry: the binding's closing parenthesis is written in a macro's
  /// body, so ReleaseFix cannot be applied: it only locates the macro's use.
  bool ReleaseFixInMacro = false;
  /// PythonEntry: the scoped type that releases the GIL in the binding's
  /// library (`pybind11::gil_scoped_release`), for advice; empty for a
  /// PyMethodDef table.
  std::string ReleaseScope;
  /// PythonEntry and GilReleasing: how the GIL is released (`by
  /// py::gil_scoped_release`).
  std::string ReleasedBy;
  /// PythonEntry: a parameter that holds a Python object by value; it is
  /// released (its reference count decremented) when the call returns.
  std::optional<SourcePoint> PythonValueParam;
  std::string PythonValueParamType;

  /// Whether the context runs on an event loop, a UI thread's included.
  bool isAsync() const {
    return Where.has(Place::EventLoop) || Where.has(Place::UiThread);
  }
};

/// The loop an async context stalls: `the UI thread` or `the event loop`.
llvm::StringRef loopOf(const AsyncContext &Context);

/// Whether code at a location belongs to the files being analysed (the main
/// file, headers accepted by the header filter).
using FileFilter = llvm::function_ref<bool(clang::SourceLocation)>;

/// The contexts of the declarations \p InScope accepts, in source order:
/// one per function and kind group (async; pool; Python; GIL-releasing).
/// Every coroutine is one, async only where it runs on an event loop.
std::vector<AsyncContext> findAsyncContexts(clang::ASTContext &Context,
                                            DeclLookup &Lookup,
                                            FileFilter InScope);

/// `'handle' is a coroutine`, `the lambda passed to 'async_read' is a
/// completion handler`: how messages name a context.
std::string describeContext(const AsyncContext &Context,
                            llvm::StringRef FunctionName);

} // namespace boundwise

#endif
