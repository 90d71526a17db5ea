//===--- ChainReport.h - Findings with an evidence chain --------*- C++ -*-===//
//
/// \file
/// What every rule does with a context: find the places in its own body
/// where a chain to a kind of operation starts, name what the callee
/// reaches, and turn the rest of the chain into notes.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_CHAINREPORT_H
#define BOUNDWISE_ANALYZER_CHAINREPORT_H

#include "analyzer/Rule.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <set>
#include <string>
#include <vector>

namespace boundwise {

using CategoryFilter = llvm::function_ref<bool(Category)>;

/// A place in a function's own body where a chain starts: an operation it
/// performs (Op), or a call (Call) into a callee that reaches one.
struct ChainStart {
  const EffectOp *Op = nullptr;
  const CallEdge *Call = nullptr;
  const FunctionSummary *Callee = nullptr;
  /// The mode the callee is entered in, and the category of its shortest
  /// chain.
  Mode CalleeMode = Mode::Any;
  Category Cat = Category::Wait;

  SourcePoint loc() const { return Op ? Op->Loc : Call->Loc; }
  const PointState &state() const { return Op ? Op->State : Call->State; }
};

/// The starts in \p Function, entered in \p M, of chains to an operation of
/// a category \p Accept accepts. Calls into \p Skip, identities of contexts
/// that report for themselves, are left out whatever facts they are
/// entered with.
std::vector<ChainStart> chainStarts(const FunctionSummary &Function, Mode M,
                                    CategoryFilter Accept,
                                    const SummaryIndex &Summaries,
                                    const std::set<std::string> &Skip = {});

/// The operation at the end of \p Start's shortest chain.
const EffectOp *lastOp(const ChainStart &Start, const SummaryIndex &Summaries);

/// `calls 'recv', which receives from a socket`; `runs a loop of 10
/// iterations`.
std::string opPhrase(const EffectOp &Op);

/// `sleeps (sleep), blocks on the database (sqlite3_exec)`: what \p Start's
/// callee reaches of the accepted categories, nearest first.
std::string describeReaches(const ChainStart &Start, CategoryFilter Accept,
                            const SummaryIndex &Summaries);

/// A finding of \p Rule at \p Start, with one note per further step.
Finding chainFinding(llvm::StringRef Rule, const ChainStart &Start,
                     std::string Message, ConcurrencyModel Model,
                     const AnalysisState &State);

/// The notes for a chain from \p Usr entered in \p M to \p Cat: one per
/// call, then the operation, with its category's noun when \p WithNoun
/// (`(a blocking sleep)`).
std::vector<FindingNote> chainNotes(const SummaryIndex &Summaries,
                                    LineSource &Lines, llvm::StringRef Usr,
                                    Category Cat, Mode M, bool WithNoun);
/// The same for a finding's notes, nouns included.
std::vector<FindingNote> chainNotes(llvm::StringRef Usr, Category Cat, Mode M,
                                    const AnalysisState &State);

/// The USRs of the async (event-loop) contexts and of every coroutine: a
/// call into one does not run its body in the caller's context (an async
/// one reports for itself, another runs elsewhere).
std::set<std::string> asyncContextUsrs(const AnalysisState &State);

/// `it calls 'recv', which receives from a socket` for an operation of the
/// context itself, `'lookup' blocks on file I/O (std::ifstream)` through a
/// call.
std::string describeStart(const ChainStart &Start, CategoryFilter Accept,
                          const SummaryIndex &Summaries);

/// Calls \p Report for each place where a chain to a category \p Accept
/// takes starts in a context of kind \p Wanted (or in any async context
/// when \p Wanted is Coroutine), entered in the mode \p EntryMode gives.
void forEachStart(
    const AnalysisState &State, CategoryFilter Accept,
    llvm::function_ref<bool(const AsyncContext &)> Wanted,
    llvm::function_ref<Mode(const AsyncContext &)> EntryMode,
    llvm::function_ref<void(const AsyncContext &, const FunctionSummary &,
                            const ChainStart &)>
        Report,
    std::vector<Finding> &Out);

/// Offload advice for \p Context from the catalog, or \p Fallback.
std::string offloadAdvice(const AsyncContext &Context,
                          const Catalog &TheCatalog, llvm::StringRef Fallback);

/// The mode a Python entry point runs in: with the GIL held, or, under a
/// releasing call_guard, only where it re-acquires it.
Mode pythonEntryMode(const AsyncContext &Entry);

/// Whether releasing the GIL for the whole of entry point \p Context, whose
/// summary is \p Entry, would touch Python objects without it (then no
/// fix-it may release it).
bool touchesPythonWhenReleased(const AsyncContext &Context,
                               const FunctionSummary &Entry,
                               const SummaryIndex &Summaries);

/// The findings of \p Rule: work of a category \p Accept takes, done in
/// Python entry points with the GIL held. The message says \p Consequence
/// and how to release the GIL; where the entry point touches Python objects
/// it gives \p TouchAdvice instead, with no fix-it.
void reportHeldGilWork(
    const AnalysisState &State, llvm::StringRef Rule, CategoryFilter Accept,
    llvm::StringRef Consequence,
    llvm::function_ref<std::string(const AsyncContext &)> TouchAdvice,
    std::vector<Finding> &Out);

/// The scoped type that releases the GIL in Python entry point \p Entry's
/// binding library, as advice names it.
std::string releaseScopeName(const AsyncContext &Entry);

/// Gives \p Out the fix that releases the GIL on the binding of \p Entry,
/// when that is mechanical; where the binding is written in a macro, the fix
/// is skipped (FixesInMacros), as clang-tidy drops fix-its in macros.
void addReleaseFix(const AsyncContext &Entry, Finding &Out);

} // namespace boundwise

#endif
