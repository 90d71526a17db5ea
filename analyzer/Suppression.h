//===--- Suppression.h - NOLINT comments ------------------------*- C++ -*-===//
//
/// \file
/// clang-tidy's suppression comments: `// NOLINT`, `// NOLINT(rule,...)` on
/// the line, `// NOLINTNEXTLINE(...)` on the line above, and
/// `NOLINTBEGIN(...)`/`NOLINTEND(...)` around a region. Rule lists are globs.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_SUPPRESSION_H
#define BOUNDWISE_ANALYZER_SUPPRESSION_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace boundwise {

/// The NOLINTBEGIN and NOLINTEND comments of one file, found in one pass
/// over its text, so that each finding costs the markers, not the file.
class NolintRegions {
public:
  explicit NolintRegions(llvm::StringRef FileText);

  /// Whether \p Line (1-based) is inside a region that covers \p Rule and
  /// has not ended before it.
  bool covers(unsigned Line, llvm::StringRef Rule) const;

private:
  struct MarkerLine {
    unsigned Line;
    llvm::StringRef Text;
  };
  /// The lines that hold a marker, in order.
  std::vector<MarkerLine> Markers;
};

/// Whether a finding of \p Rule on \p Line (1-based) is suppressed;
/// \p LineAt returns the text of a line (empty past the end).
bool isSuppressed(llvm::function_ref<llvm::StringRef(unsigned)> LineAt,
                  unsigned Line, llvm::StringRef Rule,
                  const NolintRegions &Regions);

} // namespace boundwise

#endif
