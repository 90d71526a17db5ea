//===--- Placement.h - Where coroutines run ---------------------*- C++ -*-===//
//
/// \file
/// Where a function runs (an event loop, a pool, a thread of its own) is a
/// lattice of places, joined over the ways the function is started. Starts
/// seed it: a handler API, `co_spawn` onto an executor, a pool submission.
/// A coroutine that no start names runs where its callers run: awaited by a
/// coroutine on a pool it is on the pool, driven by a plain function
/// (`main`, a test) it is on that function's thread. Only a coroutine with
/// no caller at all falls back to its return type: a catalogued task to the
/// event loop, a generator to the thread that iterates it. A task type the
/// catalog does not know says nothing: such a coroutine has no place, and
/// no rule of async code fires in it.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_PLACEMENT_H
#define BOUNDWISE_ANALYZER_PLACEMENT_H

#include "analyzer/Catalog.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include <optional>

namespace clang {
class Expr;
class FunctionDecl;
} // namespace clang

namespace boundwise {

class DeclLookup;

enum class Place : unsigned {
  EventLoop = 1 << 0,
  Pool = 1 << 1,
  /// A thread of its own, or the thread of a synchronous caller (`main`).
  OwnThread = 1 << 2,
  /// The thread of a UI toolkit's main loop (Qt's GUI thread, GTK's).
  UiThread = 1 << 3,
};

/// The places a function may run on; empty when nothing says.
class PlaceSet {
public:
  void add(Place P) { Bits |= static_cast<unsigned>(P); }
  void add(PlaceSet Other) { Bits |= Other.Bits; }
  bool has(Place P) const { return Bits & static_cast<unsigned>(P); }
  bool empty() const { return Bits == 0; }
  bool operator==(const PlaceSet &Other) const { return Bits == Other.Bits; }

private:
  unsigned Bits = 0;
};

/// The place of work given to an executor of kind \p Kind, if it is known.
std::optional<Place> placeOfExecutor(ExecutorKind Kind);

/// What a coroutine's return type makes of it: the catalog's word, or for a
/// type it does not know, a generator when its promise yields values, and
/// nothing otherwise.
std::optional<CoroutineKind>
coroutineKindOf(const clang::FunctionDecl *Coroutine, DeclLookup &Lookup);

/// Where the handlers of the I/O object \p Object run: the executor it was
/// constructed with (`tcp::socket sock(pool)`, a member initialised so by
/// its class's constructors).
ExecutorKind ioObjectExecutor(const clang::Expr *Object, DeclLookup &Lookup);

/// The places of the functions of one translation unit, from their starts
/// and the calls between them.
class Placement {
public:
  /// \p Coroutine is a coroutine of kind \p Kind, if its type says.
  void addCoroutine(const clang::FunctionDecl *Coroutine,
                    std::optional<CoroutineKind> Kind);
  /// \p Function is started on \p Where, or by an API on an executor of
  /// unknown kind (then a coroutine falls back to its type).
  void addStart(const clang::FunctionDecl *Function,
                std::optional<Place> Where);
  /// \p Caller calls (or awaits) the coroutine \p Callee.
  void addCall(const clang::FunctionDecl *Caller,
               const clang::FunctionDecl *Callee);

  /// Joins the places along the calls, to a fixed point.
  void resolve();
  /// Where coroutine \p Coroutine runs, once resolved.
  PlaceSet placesOf(const clang::FunctionDecl *Coroutine) const;

private:
  /// Where a plain (not coroutine) caller runs: where it is started, or
  /// else on the thread that calls it.
  PlaceSet placesOfCaller(const clang::FunctionDecl *Caller) const;

  llvm::MapVector<const clang::FunctionDecl *, std::optional<CoroutineKind>>
      Coroutines;
  llvm::DenseMap<const clang::FunctionDecl *, PlaceSet> Starts;
  llvm::DenseSet<const clang::FunctionDecl *> StartedSomewhere;
  llvm::MapVector<const clang::FunctionDecl *,
                  llvm::SetVector<const clang::FunctionDecl *>>
      Callers;
  llvm::DenseMap<const clang::FunctionDecl *, PlaceSet> Resolved;
};

} // namespace boundwise

#endif
