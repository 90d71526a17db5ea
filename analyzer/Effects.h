//===--- Effects.h - Per-function effect summaries --------------*- C++ -*-===//
//
/// \file
/// Effect summaries: per function, the operations it performs itself
/// (blocking, CPU-heavy, touching Python) with the GIL and lock state at each,
/// and the calls it makes; after propagation over the call graph, the
/// shortest chain to each category in each mode. Plain data keyed by USR,
/// with no pointers into an AST, so summaries of several translation units
/// can be written out and merged.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_EFFECTS_H
#define BOUNDWISE_ANALYZER_EFFECTS_H

#include "analyzer/Catalog.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace boundwise {

/// A point in a source file, 1-based.
struct SourcePoint {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// The GIL at a point of a function, relative to how it was entered.
enum class GilState {
  Inherit,  ///< as the caller left it
  Held,     ///< acquired here (gil_scoped_acquire, PyGILState_Ensure)
  Released, ///< released here (gil_scoped_release, Py_BEGIN_ALLOW_THREADS)
};

/// The state at one operation or call.
struct PointState {
  GilState Gil = GilState::Inherit;
  /// The shared mutex held here, as written (`g_mutex`); empty when none.
  std::string Lock;
  /// In the child's code after a fork(): that fork's location,
  /// `file:line:col`; empty elsewhere.
  std::string ForkChildOf;
};

/// An operation a function performs itself: a call to a catalog API, or a
/// heavy loop.
struct EffectOp {
  Category Cat = Category::Wait;
  /// The API as the user sees it (`recv`, `std::ifstream`), or for a loop a
  /// short noun phrase (`a loop of 10000000 iterations`).
  std::string Api;
  /// A verb phrase: `receives from a socket`; for a loop, the whole phrase
  /// (`runs a loop of 10000000 iterations`).
  std::string What;
  /// Non-blocking forms by library of the async context.
  std::map<std::string, std::string> Alternative;
  SourcePoint Loc;
  PointState State;
  bool IsLoop = false;
};

/// A call to a function whose body boundwise can see.
struct CallEdge {
  std::string CalleeUsr;
  SourcePoint Loc;
  PointState State;
  /// Integer constants passed, by parameter index: they may bound the
  /// callee's loops (`simulate(paths, 20'000'000)`).
  std::vector<std::pair<unsigned, int64_t>> ConstantArgs;
  /// Made inside a loop: the callee runs once per item.
  bool InLoop = false;
};

/// A loop whose trip count is one of the function's parameters.
struct ParamLoop {
  unsigned Param = 0;
  /// Iterations of the enclosing constant loops, multiplied.
  uint64_t Factor = 1;
  SourcePoint Loc;
};

/// Under which assumption a function is entered, for the chains a rule
/// follows. Each mode says which operations count and how calls carry it.
enum class Mode {
  Any,         ///< every operation counts
  GilHeld,     ///< entered holding the GIL: released regions do not count
  GilReleased, ///< entered without the GIL: acquired regions do not count
  GilAcquired, ///< only what runs after an explicit acquire of the GIL
  Released,    ///< only what runs after an explicit release of the GIL
  UnderLock,   ///< only what runs while a shared lock is held
};

/// \p File, when relative, made absolute in \p Directory (a compile
/// command's); without `.` and `dir/..` components either way.
std::string absolutePathIn(llvm::StringRef Directory, llvm::StringRef File);

/// The summary a virtual call of the method \p Identity reaches when dynamic
/// dispatch hides the target: made by SummaryIndex::addVirtualDispatches.
std::string virtualDispatchUsr(llvm::StringRef Identity);

/// Whether an operation with \p State counts when entered in \p M.
bool countsIn(Mode M, const PointState &State);
/// The mode the callee of a call with \p State is entered in, from a caller
/// in \p M; none when the chain stops there.
std::optional<Mode> modeAcross(Mode M, const PointState &State);

/// How a function reaches one category in one mode: by its own operation
/// (Op >= 0) or through a call (Edge >= 0), in Depth calls.
struct BlockingReach {
  Category Cat = Category::Wait;
  Mode In = Mode::Any;
  unsigned Depth = 0;
  int Op = -1;
  int Edge = -1;
};

struct FunctionSummary {
  /// The function's identity and the facts it was entered with: one
  /// summary per set of facts.
  std::string Usr;
  /// The function's identity alone, the same for each of its summaries.
  std::string Identity;
  /// The name to show: `lookup_user`, `Session::on_read`,
  /// `lambda at server.cpp:12`.
  std::string Name;
  SourcePoint Loc;
  std::vector<EffectOp> Ops;
  std::vector<CallEdge> Calls;
  std::vector<ParamLoop> ParamLoops;
  /// The forks (ForkChildOf) whose child execs a program: the child is that
  /// program, judged at the exec, whatever it does before (`dup2`, `open`).
  std::set<std::string> ExecingForkChildren;
  /// The virtual methods this method overrides, directly or not: identity
  /// to name. A virtual call of one of them may run this one.
  std::map<std::string, std::string> Overrides;
  /// Filled by SummaryIndex::propagate(): one entry per category and mode
  /// reached.
  std::vector<BlockingReach> Reaches;

  /// The reach of \p Cat in \p M, or null.
  const BlockingReach *reachOf(Category Cat, Mode M = Mode::Any) const;
  /// The shortest reach in \p M of a category \p Accept accepts.
  const BlockingReach *shortestReach(llvm::function_ref<bool(Category)> Accept,
                                     Mode M = Mode::Any) const;
};

/// One step of an evidence chain: \p Function calls the next function at
/// \p Call, or performs \p Op.
struct ChainStep {
  const FunctionSummary *Function = nullptr;
  const CallEdge *Call = nullptr;
  const EffectOp *Op = nullptr;
};

/// All summaries of an analysis, by USR.
class SummaryIndex {
public:
  /// The summary of \p Usr, created empty on first use.
  FunctionSummary &getOrCreate(llvm::StringRef Usr);
  const FunctionSummary *find(llvm::StringRef Usr) const;

  /// Adds the summaries of \p Project that \p Roots (functions registered
  /// here, defined elsewhere) and the calls here reach and this index
  /// lacks, and those they reach in turn: what the other translation units
  /// of a project say of the functions they define.
  void addReachedFrom(const SummaryIndex &Project,
                      std::vector<std::string> Roots);

  /// Adds the summaries of \p Other this index lacks.
  void merge(SummaryIndex &&Other);

  /// Resolves the virtual calls of a whole project: a virtual method with
  /// no body of its own and one override in the project runs that
  /// override. Several overrides, or a default body, stay unknown.
  void addVirtualDispatches();

  /// Makes every relative path of the summaries relative to \p Directory
  /// (a compile command's) absolute, so that they mean the same file in
  /// another translation unit's analysis.
  void makePathsAbsolute(llvm::StringRef Directory);

  /// Turns constant arguments that bound a callee's loop into CPU work at
  /// the call: `simulate(paths, 20'000'000)` is heavy where it is called.
  void addCallSiteLoops(uint64_t HeavyIterations);

  /// Computes every function's Reaches: the shortest chain to each category
  /// in each mode, over the call graph, recursion included.
  void propagate();

  /// The chain from \p Usr, entered in \p M, down to an operation of
  /// category \p Cat: calls first, the operation last. Empty when there is
  /// none.
  std::vector<ChainStep> chain(llvm::StringRef Usr, Category Cat,
                               Mode M = Mode::Any) const;

  /// What \p Function reaches, entered in \p M, of the categories
  /// \p Accept takes: each with the operation its shortest chain ends in,
  /// nearest first.
  std::vector<std::pair<Category, const EffectOp *>>
  nearestOps(const FunctionSummary &Function, Mode M,
             llvm::function_ref<bool(Category)> Accept) const;

  const std::map<std::string, FunctionSummary> &functions() const {
    return Functions;
  }

  /// The source files whose every function another file can call is
  /// summarised here (the map step's files), by absolute path.
  const std::set<std::string> &sourceFiles() const { return SourceFiles; }
  void addSourceFile(llvm::StringRef File) { SourceFiles.insert(File.str()); }

private:
  std::map<std::string, FunctionSummary> Functions;
  std::set<std::string> SourceFiles;
};

} // namespace boundwise

#endif
