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
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace boundwise {

/// `file:line:col: warning: message [rule]`, the line and a caret, then the
/// notes; as clang-tidy prints.
void printText(const std::vector<FileResult> &Results, llvm::raw_ostream &OS);

/// `{"findings": [...], "failures": [...]}`.
void printJson(const std::vector<FileResult> &Results, llvm::raw_ostream &OS);

/// A SARIF 2.1.0 log; file URIs relative to \p BaseDirectory use the
/// `SRCROOT` base id.
void printSarif(const std::vector<FileResult> &Results,
                llvm::StringRef BaseDirectory, llvm::raw_ostream &OS);

/// The diagnosis report: each function, what it waits for, why, how it is
/// used and the model that fits.
void printDiagnosisText(const std::vector<FileResult> &Results,
                        llvm::raw_ostream &OS);

/// `{"functions": [...], "failures": [...]}`.
void printDiagnosisJson(const std::vector<FileResult> &Results,
                        llvm::raw_ostream &OS);

} // namespace boundwise

#endif
