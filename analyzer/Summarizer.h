//===--- Summarizer.h - Effect summaries from function bodies ---*- C++ -*-===//
//
/// \file
/// Builds the effect summary of a function from its body, and, lazily, of
/// every function it calls whose body is visible: the project's own, and
/// template instantiations (std::for_each running a lambda). A function the
/// catalog names is never entered: the catalog's word is final.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_SUMMARIZER_H
#define BOUNDWISE_ANALYZER_SUMMARIZER_H

#include "analyzer/BodyWalker.h"
#include "analyzer/Effects.h"
#include "analyzer/FlowState.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace clang {
class Expr;
class FunctionDecl;
} // namespace clang

namespace boundwise {

class DeclLookup;
struct CallSiteFacts;

/// The definition a call enters whose body boundwise follows (the project's
/// own functions, template instantiations; never a catalog API), or null.
const clang::FunctionDecl *followedDefinition(const clang::Expr *Call,
                                              DeclLookup &Lookup);

class Summarizer {
public:
  Summarizer(DeclLookup &Lookup, SummaryIndex &Index, const CostModel &Cost)
      : Lookup(Lookup), Index(Index), Cost(Cost), Conditions(Lookup) {}

  /// Summarises \p Function and everything it reaches; returns its USR.
  std::string summarize(const clang::FunctionDecl *Function);

private:
  void summarizeOne(const clang::FunctionDecl *Function,
                    std::vector<const clang::FunctionDecl *> &Worklist);
  void addCallEffects(const CallSite &Site, FunctionSummary &Summary,
                      const CallSiteFacts &Facts,
                      std::vector<const clang::FunctionDecl *> &Worklist);

  DeclLookup &Lookup;
  SummaryIndex &Index;
  const CostModel &Cost;
  ConditionAnalysis Conditions;
  llvm::DenseSet<const clang::FunctionDecl *> Done;
};

} // namespace boundwise

#endif
