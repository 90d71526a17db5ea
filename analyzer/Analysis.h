//===--- Analysis.h - Analysing one translation unit ------------*- C++ -*-===//
//
/// \file
/// The frontend action that parses one translation unit and runs the
/// pipeline of DESIGN.md on it: contexts, effect summaries, propagation,
/// rules, suppression. Compiler errors are collected as
/// `clang-diagnostic-error` findings, and what parsed is still analysed.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_ANALYSIS_H
#define BOUNDWISE_ANALYZER_ANALYSIS_H

#include "analyzer/BodyWalker.h"
#include "analyzer/Effects.h"
#include "analyzer/Finding.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Tooling/Tooling.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTConsumer;
} // namespace clang

namespace boundwise {

class Catalog;

struct AnalysisOptions {
  const Catalog *TheCatalog = nullptr;
  /// The rules to run, by name.
  std::vector<std::string> EnabledRules;
  /// Findings in headers whose path matches are reported too; in system
  /// headers only with SystemHeaders.
  std::string HeaderFilterRegex;
  /// Headers whose path matches are not reported, whatever
  /// HeaderFilterRegex says.
  std::string ExcludeHeaderFilterRegex;
  bool SystemHeaders = false;
  /// Also diagnose every function of the file (FileResult::Functions).
  bool Diagnose = false;
  CostModel Cost;
  /// What the other translation units of the project say of the functions
  /// they define (summarizeFile of each): a chain may cross files.
  const SummaryIndex *ProjectSummaries = nullptr;
};

/// Collects compiler errors of one file as findings.
class ErrorCollector : public clang::DiagnosticConsumer {
public:
  explicit ErrorCollector(FileResult &Result) : Result(Result) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;

private:
  FileResult &Result;
};

/// The analysis as an AST consumer, for callers that drive the frontend
/// themselves (a language server with a precompiled preamble).
std::unique_ptr<clang::ASTConsumer>
createAnalysisConsumer(const AnalysisOptions &Options, FileResult &Result);

/// One file to analyse, and how to compile it.
struct AnalysisRequest {
  std::string File;
  /// The command for File; a database without one infers it.
  const clang::tooling::CompilationDatabase *Database = nullptr;
  AnalysisOptions Options;
  /// Clang's resource directory (builtin headers), unless the command
  /// names one.
  std::string ResourceDir;
  std::vector<std::string> ExtraArgsBefore;
  std::vector<std::string> ExtraArgs;
  /// Unsaved contents by path, seen instead of the files on disk.
  std::map<std::string, std::string> Overlays;
};

/// Parses and analyses one file. Compiler errors become
/// `clang-diagnostic-error` findings; a file that cannot be analysed at all
/// gets a FatalError.
FileResult analyzeFile(const AnalysisRequest &Request);

/// The map step of a project's analysis: parses one file and summarises
/// every function it defines that another file can call, with absolute
/// paths. A file that does not parse gives what could be summarised.
SummaryIndex summarizeFile(const AnalysisRequest &Request);

} // namespace boundwise

#endif
