//===--- FlowState.h - Non-blocking descriptors and flag values -*- C++ -*-===//
//
/// \file
/// The facts the catalog's non-blocking conditions read, flow-sensitively on
/// the function's CFG: which descriptors are non-blocking at a call (made so
/// before it, on every path, and not reassigned since), and which flags an
/// integer variable holds there (set, cleared with `& ~FLAG`, overwritten).
/// Across one call, a function's summary of its parameters says what a call
/// to it does: `set_nonblocking(fd)` makes its argument non-blocking, and a
/// wrapper that passes its `flags` on to `recv` consults its argument.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_FLOWSTATE_H
#define BOUNDWISE_ANALYZER_FLOWSTATE_H

#include "analyzer/LivePaths.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallBitVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <map>
#include <set>
#include <string>

namespace clang {
class Expr;
class FunctionDecl;
class ValueDecl;
} // namespace clang

namespace boundwise {

class DeclLookup;

/// The condition facts at one point. Flags are bits of the names the
/// catalog's conditions mention (ConditionAnalysis::flagBit); a bit is set
/// when the flag is set on every path to the point.
struct ConditionState {
  std::set<const clang::ValueDecl *> Nonblocking;
  /// Descriptors the event loop reported ready when it called the function
  /// (a readiness watcher's callback): one read or accept does not wait.
  std::set<const clang::ValueDecl *> Ready;
  std::map<const clang::ValueDecl *, uint64_t> Flags;
  /// The values the caller passes (they decide `on ? f | O_NONBLOCK : f`).
  KnownValues Known;

  bool operator==(const ConditionState &Other) const {
    return Nonblocking == Other.Nonblocking && Ready == Other.Ready &&
           Flags == Other.Flags && Known == Other.Known;
  }
  /// Keeps what holds in both.
  void intersect(const ConditionState &Other);
};

/// What a call to a function does to, and asks of, its arguments.
struct ParamEffects {
  /// Parameters the function leaves non-blocking on a path to its exit.
  llvm::SmallBitVector MakesNonblocking;
  /// Parameters a catalog condition of a call in the function reads (the
  /// descriptor of `recv`, its `flags`), directly or through a call.
  llvm::SmallBitVector Consulted;
  /// Parameters a branch condition of the function tests, directly or
  /// through a call that passes them on.
  llvm::SmallBitVector Branched;
};

/// The conditions of one body.
struct ConditionFacts {
  /// The state before each call and construction reached.
  llvm::DenseMap<const clang::Expr *, ConditionState> AtCall;

  /// The state at \p Call; empty when the CFG does not reach it.
  const ConditionState &at(const clang::Expr *Call) const;
};

class ConditionAnalysis {
public:
  explicit ConditionAnalysis(DeclLookup &Lookup);

  /// The conditions of \p Function's body, entered in \p Entry (facts the
  /// caller knows of the parameters).
  ConditionFacts analyze(const clang::FunctionDecl *Function,
                         const ConditionState &Entry = {});

  /// The flags \p E sets for certain in \p State (\p Depth counts the
  /// initialisers of globals followed).
  uint64_t flagsOf(const clang::Expr *E, const ConditionState &State,
                   unsigned Depth = 0) const;
  /// Whether \p E sets the flag \p Name for certain in \p State.
  bool flagSet(const clang::Expr *E, llvm::StringRef Name,
               const ConditionState &State) const;

  /// The effects of a call to \p Definition on its arguments, given the
  /// values \p Known it passes; computed once.
  const ParamEffects &effectsOf(const clang::FunctionDecl *Definition,
                                const KnownValues &Known = {});

  /// The variable, parameter or field that holds the descriptor \p E is, or
  /// the object a catalog descriptor getter gets it from
  /// (`g_io_channel_unix_get_fd(channel)` is `channel`'s).
  const clang::ValueDecl *descriptorOf(const clang::Expr *E) const;

  DeclLookup &lookup() const { return Lookup; }

private:
  DeclLookup &Lookup;
  /// The bit of each flag name a catalog condition or setter mentions.
  llvm::StringMap<unsigned> FlagBits;
  std::map<std::pair<const clang::FunctionDecl *, KnownValues>, ParamEffects>
      Effects;
};

} // namespace boundwise

#endif
