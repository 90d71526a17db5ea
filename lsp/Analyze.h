//===--- Analyze.h - One analysis run over a precompiled preamble -*- C++ -*-===//
//
/// \file
/// Runs the analyzer on an open document as clangd builds an AST: the
/// preamble (the #includes at the top) is compiled once into a PCH held in
/// memory, and each edit re-parses only the rest of the main file, unless
/// the preamble region, the flags or a header it read changed.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_ANALYZE_H
#define BOUNDWISE_LSP_ANALYZE_H

#include "analyzer/Analysis.h"
#include "analyzer/Finding.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace clang {
class PrecompiledPreamble;
} // namespace clang

namespace boundwise {
namespace lsp {

/// Everything one run reads.
struct AnalysisInputs {
  std::string Path;
  std::string Contents;
  clang::tooling::CompileCommand Command;
  std::string ResourceDir;
  AnalysisOptions Options;
  /// The unsaved contents of the other open documents, by path: headers the
  /// main file includes are read from here rather than from disk.
  std::map<std::string, std::string> OpenFiles;
  /// `#pragma clang __debug crash` crashes the parser: for tests only.
  bool AllowCrashPragmas = false;
};

/// The preamble of one document, kept between runs.
struct PreambleCache {
  std::shared_ptr<clang::PrecompiledPreamble> Preamble;
  /// The compile command it was built with.
  std::vector<std::string> Args;
};

/// Analyses the document, reusing or rebuilding \p Cache. A crash inside
/// clang is caught: the result then carries a FatalError and the cache is
/// emptied. FileResult::File is the main file's name as clang saw it.
FileResult analyzeDocument(const AnalysisInputs &Inputs, PreambleCache &Cache);

/// Makes analyzeDocument able to survive crashes; call once at start-up.
void enableCrashRecovery();

} // namespace lsp
} // namespace boundwise

#endif
