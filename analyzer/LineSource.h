//===--- LineSource.h - Source lines of one translation unit ----*- C++ -*-===//
//
/// \file
/// Turns summary locations (file, line, column) back into lines of text from
/// the SourceManager that parsed them: for carets, NOLINT comments and the
/// header filter.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_LINESOURCE_H
#define BOUNDWISE_ANALYZER_LINESOURCE_H

#include "analyzer/Effects.h"
#include "analyzer/Finding.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringMap.h"
#include <vector>

namespace clang {
class SourceManager;
} // namespace clang

namespace boundwise {

class LineSource {
public:
  explicit LineSource(const clang::SourceManager &SM) : SM(SM) {}

  /// The text of line \p Line (1-based) of \p File, without its newline;
  /// empty when the file or the line is unknown.
  llvm::StringRef lineAt(llvm::StringRef File, unsigned Line);
  /// The whole text of \p File; empty when the file is unknown.
  llvm::StringRef text(llvm::StringRef File);
  /// Whether \p File was included as a system header.
  bool isSystemFile(llvm::StringRef File);
  DiagLocation locate(const SourcePoint &Point);

private:
  struct FileLines {
    clang::FileID ID;
    llvm::StringRef Buffer;
    std::vector<unsigned> LineStarts;
  };
  FileLines *linesOf(llvm::StringRef File);

  const clang::SourceManager &SM;
  llvm::StringMap<FileLines> Files;
};

} // namespace boundwise

#endif
