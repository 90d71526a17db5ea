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

#include "analyzer/Finding.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Tooling/Tooling.h"
#include <memory>
#include <string>
#include <vector>

namespace boundwise {

class Catalog;

struct AnalysisOptions {
  const Catalog *TheCatalog = nullptr;
  /// The rules to run, by name.
  std::vector<std::string> EnabledRules;
  /// Findings in headers whose path matches are reported too; never in
  /// system headers.
  std::string HeaderFilterRegex;
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

/// A factory for the analysis action; findings go to \p Result.
std::unique_ptr<clang::tooling::FrontendActionFactory>
makeAnalysisActionFactory(const AnalysisOptions &Options, FileResult &Result);

} // namespace boundwise

#endif
