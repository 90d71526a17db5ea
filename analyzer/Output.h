//===--- Output.h - Printing findings ---------------------------*- C++ -*-===//
//
/// \file
/// The printers of the command line: clang-tidy's text format, JSON, and
/// SARIF 2.1.0. All of them print the same FileResults.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_OUTPUT_H
#define BOUNDWISE_ANALYZER_OUTPUT_H

#include "analyzer/Finding.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace boundwise {

/// `file:line:col: warning: message [rule]`, the line and a caret, then the
/// notes; as clang-tidy prints.
void printText(const std::vector<FileResult> &Results, llvm::raw_ostream &OS);

/// `{"findings": [...], "failures": [...]}`.
void printJson(const std::vector<FileResult> &Results, llvm::raw_ostream &OS);

/// A SARIF 2.1.0 log for code scanning; file URIs under \p BaseDirectory
/// are relative to the `SRCROOT` base id. \p RulePage gives a rule's
/// documentation (Markdown), shown as its help; compiler errors and files
/// that could not be analysed are the invocation's notifications.
void printSarif(const std::vector<FileResult> &Results,
                llvm::StringRef BaseDirectory,
                llvm::function_ref<std::string(llvm::StringRef Rule)> RulePage,
                llvm::raw_ostream &OS);

/// A finding's file as reports show it: made absolute against the compile
/// command's \p Directory when relative, without dots, and relative to
/// \p Base when under it.
struct BasedPath {
  std::string Path;
  bool UnderBase = false;
};
BasedPath pathUnderBase(llvm::StringRef File, llvm::StringRef Directory,
                        llvm::StringRef Base);

/// The diagnosis report: each function, what it waits for, why, how it is
/// used, the model that fits and whether where it runs now fits it (a
/// mismatch names the findings in it); then all of them as a table. Paths
/// under \p BaseDirectory are relative to it.
void printDiagnosisText(const std::vector<FileResult> &Results,
                        llvm::StringRef BaseDirectory, llvm::raw_ostream &OS);

/// `{"functions": [...], "failures": [...]}`.
void printDiagnosisJson(const std::vector<FileResult> &Results,
                        llvm::raw_ostream &OS);

} // namespace boundwise

#endif
