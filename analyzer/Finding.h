//===--- Finding.h - What boundwise reports ---------------------*- C++ -*-===//
//
/// \file
/// Findings as plain data, free of any AST, so that the printers (text, JSON,
/// SARIF) and the LSP server share them.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_FINDING_H
#define BOUNDWISE_ANALYZER_FINDING_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace boundwise {

enum class Severity { Warning, Error };

/// A location with the text of its line, for the caret in text output.
struct DiagLocation {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string LineText;
};

struct FindingNote {
  DiagLocation Loc;
  std::string Message;
};

/// One text edit, located both ways: by byte offset (for
/// clang-apply-replacements) and by line and column (for editors).
struct Replacement {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// A mechanical fix offered with a finding.
struct FixIt {
  std::string Description;
  std::vector<Replacement> Edits;
};

/// The concurrency model a finding or a diagnosis suggests; None for a
/// compiler error or a trivial function.
enum class ConcurrencyModel { None, Threads, Async, Processes };

/// `threads`, `async`, `processes`; empty for None.
llvm::StringRef modelName(ConcurrencyModel Model);

struct Finding {
  /// A rule name (`blocking-in-async`) or `clang-diagnostic-error`.
  std::string Rule;
  Severity Level = Severity::Warning;
  DiagLocation Loc;
  std::string Message;
  /// The evidence chain, one note per further step.
  std::vector<FindingNote> Notes;
  /// None for compiler errors.
  ConcurrencyModel SuggestedModel = ConcurrencyModel::None;
  /// Fixes a user may apply; empty when the change is not mechanical.
  std::vector<FixIt> Fixes;
  /// Fixes not offered because their edit falls in a macro's body, where it
  /// would change every use of the macro or land outside the code it means
  /// (clang-tidy drops those too): what each would do, at the macro's use.
  std::vector<FindingNote> FixesInMacros;
  /// Promoted to an error by --warnings-as-errors.
  bool AsError = false;
  /// Where the reported work starts in the context: the call or operation
  /// itself, also when the finding is shown at the binding where its fix
  /// goes. Two rules' findings at one call are one cause (Rule.h).
  DiagLocation Work;
};

enum class Verdict { Trivial, IOBound, CPUBound, Mixed };

/// What one function waits for, and the concurrency model that fits.
struct FunctionDiagnosis {
  std::string Usr;
  std::string Name;
  /// The function's name in its definition.
  DiagLocation Loc;
  /// Just after the signature's closing parenthesis: where a hint goes.
  DiagLocation SignatureEnd;
  Verdict Kind = Verdict::Trivial;
  /// What it waits for, nearest first: `network`, `file`, ...
  std::vector<std::string> WaitsOn;
  /// One line: `I/O-bound: blocks on the network (recv)`.
  std::string Summary;
  /// The chain to the nearest blocking operation.
  std::vector<FindingNote> Evidence;
  /// The concurrency it is used with, where visible: `from an async context
  /// ('handle')`, `called per item in a loop ('main')`.
  std::vector<std::string> UsedWith;
  /// Where it runs now, as far as the contexts that reach it show: `the
  /// event loop`, `a thread pool`, `a thread per connection`, `Python,
  /// holding the GIL`. Empty: nothing visible runs it.
  std::vector<std::string> RunsOn;
  /// The model that fits where it runs, as DESIGN.md's table says.
  std::string Model;
  /// The same in one word (`threads`, `async`, `processes`), as findings'
  /// SuggestedModel; None for a trivial function.
  ConcurrencyModel ModelKind = ConcurrencyModel::None;
  /// The place of RunsOn where its work does not fit (`the event loop` for
  /// blocking work); empty when none.
  std::string MisfitPlace;
  /// The last line of its body: findings from Loc.Line to here are in it.
  unsigned EndLine = 0;
};

/// The outcome of analysing one source file.
/// Where the main file names a function: a call's callee or a definition's
/// name, by the function's identity (FunctionDiagnosis::Usr), so that a
/// hover finds the function under the cursor, not one of the same name.
struct FunctionReference {
  DiagLocation Loc;
  std::string Usr;
};

struct FileResult {
  std::string File;
  /// The working directory of the file's compile command: a relative path
  /// in a location is relative to it.
  std::string Directory;
  std::vector<Finding> Findings;
  /// A message when the file could not be analysed at all.
  std::string FatalError;
  bool HasCompilerErrors = false;
  /// Findings not reported because of a NOLINT comment.
  unsigned SuppressedByNolint = 0;
  /// Filled when AnalysisOptions::Diagnose is set.
  std::vector<FunctionDiagnosis> Functions;
  /// Filled when AnalysisOptions::Diagnose is set, in source order.
  std::vector<FunctionReference> References;
};

} // namespace boundwise

#endif
