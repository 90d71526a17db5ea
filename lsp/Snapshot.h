//===--- Snapshot.h - One analysed version of a document --------*- C++ -*-===//
//
/// \file
/// The result of analysing one version of an open document, with the text
/// it was computed from: the features (diagnostics, hover, code actions,
/// hints) are pure functions of it.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_SNAPSHOT_H
#define BOUNDWISE_LSP_SNAPSHOT_H

#include "analyzer/Finding.h"
#include <string>

namespace boundwise {
namespace lsp {

struct Snapshot {
  /// The document's path, as its URI names it.
  std::string Path;
  /// The compile command's directory: clang names the files it found
  /// through relative paths relative to it.
  std::string Directory;
  int Version = 0;
  std::string Contents;
  /// Result.File is the main file's name as clang saw it: findings there
  /// belong to this document.
  FileResult Result;
};

} // namespace lsp
} // namespace boundwise

#endif
