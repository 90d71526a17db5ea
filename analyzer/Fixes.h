//===--- Fixes.h - Applying and exporting fix-its ---------------*- C++ -*-===//
//
/// \file
/// The fixes findings carry (Finding::Fixes), applied in place (`--fix`) or
/// written as clang-apply-replacements' YAML (`--export-fixes`), the format
/// clang-tidy writes.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_FIXES_H
#define BOUNDWISE_ANALYZER_FIXES_H

#include "analyzer/Finding.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <vector>

namespace boundwise {

/// How many fixes were applied, of how many the findings offered; how many
/// of those were skipped, being in a macro expansion; and how many files
/// could not be read or written.
struct FixSummary {
  unsigned Applied = 0;
  unsigned Offered = 0;
  unsigned Skipped = 0;
  unsigned FailedFiles = 0;
};

/// What --fix does with a file that has compiler errors.
enum class ErrorPolicy {
  LeaveAlone, ///< code that does not compile may be fixed wrongly
  FixAnyway,  ///< --fix-errors
};

/// Applies the fixes of every finding to the files on disk. A file given by
/// several names (symlinks, hard links) is one file, by its device and
/// inode; an edit offered by several findings (one binding, two rules, or
/// one file under two names) is applied once; files with
/// compiler errors are left alone unless \p Policy says to fix them anyway,
/// as clang-tidy does without and with --fix-errors.
/// Fixes skipped because they fall in a macro expansion are reported on
/// \p Log, once each, and counted.
/// Problems (an edit that conflicts with another, a file that cannot be read
/// or written) are reported on \p Log and leave that file unchanged: a file
/// is replaced by its fixed text only once that text is whole on disk, and
/// keeps its mode, owner, symlinks and hard links.
FixSummary applyFixes(const std::vector<FileResult> &Results,
                      ErrorPolicy Policy, llvm::raw_ostream &Log);

/// Writes the findings as clang-apply-replacements' YAML: one
/// TranslationUnitDiagnostics whose MainSourceFile is the first source, with
/// absolute paths and byte offsets. An edit offered by several findings is
/// kept with the first only, so that applying the file applies it once.
llvm::Error exportFixes(const std::vector<FileResult> &Results,
                        llvm::StringRef Path);

} // namespace boundwise

#endif
