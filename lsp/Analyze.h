//===--- Analyze.h - One analysis run over a precompiled preamble -*- C++
//-*-===//
//
/// \file
/// Runs the analyzer on an open document as clangd builds an AST: the
/// preamble (the #includes at the top) is compiled once into a PCH in a
/// temporary file, and each edit re-parses only the rest of the main file,
/// unless the preamble region, the flags or a header it read changed.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_ANALYZE_H
#define BOUNDWISE_LSP_ANALYZE_H

#include "analyzer/Analysis.h"
#include "analyzer/Finding.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/FunctionExtras.h"
#include <chrono>
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
  /// True once a newer version (or a close) made this run pointless. It is
  /// asked between the phases the server controls; see analyzeDocument.
  llvm::unique_function<bool() const> IsStale;
};

/// What one run produced.
struct AnalysisOutput {
  FileResult Result;
  /// True when the run stopped early because IsStale said so: Result is
  /// then empty and must not be shown.
  bool Cancelled = false;
  /// Every file the run read besides the main file (the preamble's headers
  /// and those included below it), as absolute paths without dots: an edit
  /// of one of them re-analyses this document.
  std::vector<std::string> Dependencies;
  /// Time spent building the preamble, if this run built one.
  std::chrono::steady_clock::duration PreambleBuildTime{};
};

/// The preamble of one document, kept between runs.
struct PreambleCache {
  std::shared_ptr<clang::PrecompiledPreamble> Preamble;
  /// The compile command it was built with.
  std::vector<std::string> Args;
  /// The files the preamble read.
  std::vector<std::string> Files;
};

/// Analyses the document, reusing or rebuilding \p Cache. A crash inside
/// clang is caught: the result then carries a FatalError and the cache is
/// emptied. FileResult::File is the main file's name as clang saw it.
///
/// Cancellation. Clang's parser and the analysis cannot be interrupted
/// midway, so a run that a newer version made stale stops at the first of
/// these points it reaches after Inputs.IsStale() turns true:
///   1. before building the preamble (when it cannot be reused),
///   2. after the preamble, before parsing the main file,
///   3. after parsing, before the analysis (summaries, propagation, rules),
///      which is skipped: the AST consumer is wrapped.
/// A preamble built before the run stopped is kept in \p Cache, for the
/// newer version usually shares it. What runs between two points (one
/// preamble build, one parse, one analysis) finishes; its result is then
/// dropped by the server, which publishes only the latest version.
AnalysisOutput analyzeDocument(const AnalysisInputs &Inputs,
                               PreambleCache &Cache);

} // namespace lsp
} // namespace boundwise

#endif
