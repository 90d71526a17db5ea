//===--- Rule.h - The rule interface and registry ---------------*- C++ -*-===//
//
/// \file
/// A rule turns the analysis of one translation unit (its async contexts and
/// effect summaries) into findings. Rules are registered in one explicit
/// table, allRules(), with no static constructors.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_RULE_H
#define BOUNDWISE_ANALYZER_RULE_H

#include "analyzer/Contexts.h"
#include "analyzer/Effects.h"
#include "analyzer/Finding.h"
#include "llvm/ADT/StringRef.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace boundwise {

class DeclLookup;
class LineSource;

/// What a rule sees of one translation unit.
struct AnalysisState {
  DeclLookup &Lookup;
  const std::vector<AsyncContext> &Contexts;
  const SummaryIndex &Summaries;
  LineSource &Lines;
};

class Rule {
public:
  virtual ~Rule() = default;
  /// Appends this rule's findings for one translation unit to \p Out.
  virtual void check(const AnalysisState &State,
                     std::vector<Finding> &Out) const = 0;
};

struct RuleInfo {
  llvm::StringRef Name;
  llvm::StringRef Summary;
  /// What the rule flags, in full (the first paragraph of its page in
  /// rules/docs/): SARIF's fullDescription.
  llvm::StringRef Description;
  /// What to do about a finding: SARIF's help text.
  llvm::StringRef Help;
  std::function<std::unique_ptr<Rule>()> Create;
  /// A rule whose finding at the same call (Finding::Work) this rule's
  /// finding makes a repeat: one call that both computes and waits with the
  /// GIL held is one thing to fix, reported by cpu-holding-gil.
  llvm::StringRef Subsumes = "";
  /// In a project's run, findings whose chains end in the same operation of
  /// another file of the project are one cause, shown once: a helper that
  /// blocks the event loop (a logger's fflush) is fixed in one place. Not so
  /// for the GIL rules, where each binding needs its own release.
  bool OncePerRootCause = false;
};

/// Every rule boundwise has, sorted by name.
const std::vector<RuleInfo> &allRules();

/// The rules a `--checks` list (`-*,blocking-in-async`) enables, sorted by
/// name.
std::vector<std::string> enabledRules(llvm::StringRef Globs);

/// The names without wildcards in a `--checks` list that are no rule (nor
/// `clang-diagnostic-*`): a typo would otherwise silently switch rules off.
std::vector<std::string> unknownChecks(llvm::StringRef Globs);

/// The globs of a `--checks` list that do not compile, each as `'glob':
/// why`: they would match nothing without a word.
std::vector<std::string> malformedChecks(llvm::StringRef Globs);

/// The documentation page of a rule, relative to the project root.
std::string ruleDocPath(llvm::StringRef Rule);

} // namespace boundwise

#endif
