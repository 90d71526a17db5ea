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

namespace boundwise {

/// Whether a finding of \p Rule on \p Line (1-based) is suppressed;
/// \p LineAt returns the text of a line (empty past the end). Regions are
/// looked for only when \p HasRegions (the file mentions NOLINTBEGIN).
bool isSuppressed(llvm::function_ref<llvm::StringRef(unsigned)> LineAt,
                  unsigned Line, llvm::StringRef Rule, bool HasRegions);

} // namespace boundwise

#endif
