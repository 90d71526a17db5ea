//===--- SummaryFile.h - Summaries written out and read back ----*- C++ -*-===//
//
/// \file
/// The file form of a project's summaries, so that the map step can run
/// apart from the analysis (one machine of a build farm per file, then one
/// merge): JSON, readable for debugging, versioned. A file written by
/// another version, or not written by boundwise, is an error that says so;
/// reading never trusts a field's type.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_SUMMARYFILE_H
#define BOUNDWISE_ANALYZER_SUMMARYFILE_H

#include "analyzer/Effects.h"
#include "llvm/Support/Error.h"
#include <string>

namespace boundwise {

/// The format's version: a reader takes only files of its own.
inline constexpr int SummaryFileVersion = 1;

/// \p Index as a summaries file.
std::string writeSummaries(const SummaryIndex &Index);

/// The summaries in \p Text, read from \p Origin (named in errors).
llvm::Expected<SummaryIndex> readSummaries(llvm::StringRef Text,
                                           llvm::StringRef Origin);

} // namespace boundwise

#endif
