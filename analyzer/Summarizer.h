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
#include "analyzer/InputSize.h"
#include "analyzer/LivePaths.h"
#include <set>
#include <string>
#include <vector>

namespace clang {
class CXXMethodDecl;
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

/// What a call tells its callee, when the callee's summary depends on it:
/// arguments known non-blocking or holding flags that the callee's
/// conditions read, and a receiver the task owns. A call with facts gets a
/// summary of its own (its USR carries the facts).
struct EntryFacts {
  ConditionState Conditions;
  /// The object is the caller's own local: its member mutexes are not
  /// shared between tasks.
  bool OwnObject = false;
  /// Constants passed to parameters that the callee's branches test.
  KnownValues Constants;
  /// Parameters given a few bytes of data (`"ok"`): CPU-heavy work on them
  /// is not heavy.
  SmallParams SmallInputs;

  /// `#nb0#f3=64#c1=0#s2#own`, empty without facts.
  std::string key(const clang::FunctionDecl *Function) const;
};

class Summarizer {
public:
  Summarizer(DeclLookup &Lookup, SummaryIndex &Index, const CostModel &Cost)
      : Lookup(Lookup), Index(Index), Cost(Cost), Conditions(Lookup) {}

  /// Summarises \p Function, entered with \p Entry (what its context tells
  /// of its parameters), and everything it reaches; returns its USR.
  std::string summarize(const clang::FunctionDecl *Function,
                        EntryFacts Entry = {});

private:
  struct Pending {
    const clang::FunctionDecl *Function;
    EntryFacts Entry;
    std::string Usr;
  };

  void summarizeOne(const Pending &Next, std::vector<Pending> &Worklist);
  void addCallEffects(const CallSite &Site, FunctionSummary &Summary,
                      const CallSiteFacts &Facts,
                      std::vector<Pending> &Worklist);
  /// The methods \p Method overrides, into \p Summary.
  void addOverrides(const clang::CXXMethodDecl *Method,
                    FunctionSummary &Summary, unsigned Depth);
  /// A call to a function defined in another translation unit, or a virtual
  /// call whose target dynamic dispatch decides: an edge to its identity
  /// (or its virtual dispatch), which the project's summaries resolve.
  void addExternalCall(const CallSite &Site, const clang::FunctionDecl *Callee,
                       FunctionSummary &Summary, const CallSiteFacts &Facts);
  EntryFacts entryFacts(const CallSite &Site,
                        const clang::FunctionDecl *Definition,
                        const CallSiteFacts &Facts);

  DeclLookup &Lookup;
  SummaryIndex &Index;
  const CostModel &Cost;
  ConditionAnalysis Conditions;
  std::set<std::string> Done;
};

} // namespace boundwise

#endif
