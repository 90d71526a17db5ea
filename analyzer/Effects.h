//===--- Effects.h - Per-function effect summaries --------------*- C++ -*-===//
//
/// \file
/// Effect summaries: per function, the blocking operations it performs
/// itself and the calls it makes, and after propagation over the call graph
/// the shortest chain to each kind of blocking it reaches. Plain data keyed
/// by USR, with no pointers into an AST, so summaries of several translation
/// units can be written out and merged.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_EFFECTS_H
#define BOUNDWISE_ANALYZER_EFFECTS_H

#include "analyzer/Catalog.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace boundwise {

/// A point in a source file, 1-based.
struct SourcePoint {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// A blocking call a function makes itself.
struct BlockingOp {
  Category Cat = Category::Wait;
  /// The API as the user sees it: `recv`, `std::ifstream`.
  std::string Api;
  /// A verb phrase: `receives from a socket`.
  std::string What;
  /// Non-blocking forms by library of the async context.
  std::map<std::string, std::string> Alternative;
  SourcePoint Loc;
};

/// A call to a function whose body boundwise can see.
struct CallEdge {
  std::string CalleeUsr;
  SourcePoint Loc;
};

/// How a function reaches blocking of one category: by its own operation
/// (Op >= 0) or through a call (Edge >= 0), in Depth calls.
struct BlockingReach {
  Category Cat = Category::Wait;
  unsigned Depth = 0;
  int Op = -1;
  int Edge = -1;
};

struct FunctionSummary {
  std::string Usr;
  /// The name to show: `lookup_user`, `Session::on_read`,
  /// `lambda at server.cpp:12`.
  std::string Name;
  SourcePoint Loc;
  /// Declared [[clang::nonblocking]]: trusted, its body is not summarised.
  bool TrustedNonblocking = false;
  std::vector<BlockingOp> Ops;
  std::vector<CallEdge> Calls;
  /// Filled by SummaryIndex::propagate(): one entry per category reached.
  std::vector<BlockingReach> Reaches;

  /// The reach with the shortest chain, or null when nothing blocks.
  const BlockingReach *shortestReach() const;
  /// The reach of category \p Cat, or null.
  const BlockingReach *reachOf(Category Cat) const;
};

/// One step of an evidence chain: \p Function calls the next function at
/// \p Call, or performs \p Op.
struct ChainStep {
  const FunctionSummary *Function = nullptr;
  const CallEdge *Call = nullptr;
  const BlockingOp *Op = nullptr;
};

/// All summaries of an analysis, by USR.
class SummaryIndex {
public:
  /// The summary of \p Usr, created empty on first use.
  FunctionSummary &getOrCreate(llvm::StringRef Usr);
  const FunctionSummary *find(llvm::StringRef Usr) const;
  bool contains(llvm::StringRef Usr) const { return find(Usr) != nullptr; }

  /// Computes every function's Reaches: the shortest chain to each category
  /// of blocking, over the call graph, recursion included.
  void propagate();

  /// The chain from \p Usr down to a blocking operation of category \p Cat,
  /// or of any category, along the shortest reach: calls first, the
  /// operation last. Empty when nothing blocks.
  std::vector<ChainStep> chain(llvm::StringRef Usr,
                               std::optional<Category> Cat = {}) const;

  const std::map<std::string, FunctionSummary> &functions() const {
    return Functions;
  }

private:
  std::map<std::string, FunctionSummary> Functions;
};

} // namespace boundwise

#endif
