//===--- Finding.h - What boundwise reports ---------------------*- C++ -*-===//
//
/// \file
/// Findings as plain data, free of any AST, so that the printers (text, JSON,
/// SARIF) and the LSP server share them.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_FINDING_H
#define BOUNDWISE_ANALYZER_FINDING_H

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

struct Finding {
  /// A rule name (`blocking-in-async`) or `clang-diagnostic-error`.
  std::string Rule;
  Severity Level = Severity::Warning;
  DiagLocation Loc;
  std::string Message;
  /// The evidence chain, one note per further step.
  std::vector<FindingNote> Notes;
  /// `threads`, `async` or `processes`; empty for compiler errors.
  std::string SuggestedModel;
  /// Promoted to an error by --warnings-as-errors.
  bool AsError = false;
};

/// The outcome of analysing one source file.
struct FileResult {
  std::string File;
  std::vector<Finding> Findings;
  /// A message when the file could not be analysed at all.
  std::string FatalError;
  bool HasCompilerErrors = false;
};

} // namespace boundwise

#endif
