//===--- HtmlReport.h - One self-contained HTML page per run ----*- C++ -*-===//
//
/// \file
/// The HTML report (`--format=html`), as scan-build and CodeChecker give
/// their users: every finding with its chain drawn step by step as code
/// excerpts, across files; the model that fits and the fixes; filters by
/// rule and file; with --diagnose, the table of every function's verdict.
/// No network: styles and the filter script are inline.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_HTMLREPORT_H
#define BOUNDWISE_ANALYZER_HTMLREPORT_H

#include "analyzer/Finding.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace boundwise {

/// Prints the report of \p Results; paths under \p BaseDirectory are shown
/// relative to it.
void printHtml(const std::vector<FileResult> &Results,
               llvm::StringRef BaseDirectory, llvm::raw_ostream &OS);

} // namespace boundwise

#endif
