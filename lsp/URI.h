//===--- URI.h - Document URIs and file paths -------------------*- C++ -*-===//
//
/// \file
/// `file://` URIs to paths and back, percent-encoded as RFC 3986 says. In
/// `-lit-test` mode the `test:` scheme maps `test:///a.cpp` onto a fixed
/// fake root, so that transcripts never hold machine paths.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_URI_H
#define BOUNDWISE_LSP_URI_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace boundwise {
namespace lsp {

/// The directory that `test:///` names.
inline constexpr const char *TestRoot = "/boundwise-test";

class URIMapper {
public:
  explicit URIMapper(bool AllowTestScheme) : AllowTestScheme(AllowTestScheme) {}

  /// The absolute path a `file:` (or, in tests, `test:`) URI names.
  llvm::Expected<std::string> toPath(llvm::StringRef URI) const;
  /// The URI of \p Path: `test:` for paths under TestRoot in tests.
  std::string toURI(llvm::StringRef Path) const;

private:
  bool AllowTestScheme;
};

} // namespace lsp
} // namespace boundwise

#endif
