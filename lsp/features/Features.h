//===--- Features.h - What the editor shows, from a snapshot ----*- C++ -*-===//
//
/// \file
/// Each LSP feature as a pure function of one analysed snapshot, so that it
/// can be tested without the protocol. Compiler errors are never shown: the
/// editor's C++ server reports those.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_FEATURES_FEATURES_H
#define BOUNDWISE_LSP_FEATURES_FEATURES_H

#include "lsp/Protocol.h"
#include "lsp/Snapshot.h"
#include "lsp/URI.h"
#include <optional>
#include <vector>

namespace boundwise {
namespace lsp {

/// How positions and links are written for this client.
struct FeatureContext {
  const URIMapper &URIs;
  OffsetEncoding Encoding;
  /// The URI prefix of the rule pages: `<DocsBase><rule>.md`.
  std::string DocsBase;
};

/// The boundwise findings in the document, with their call chains.
std::vector<Diagnostic> diagnosticsFor(const Snapshot &S,
                                       const FeatureContext &Context);

/// The diagnosis of the function named at \p Where (its definition or a
/// call), as Markdown.
std::optional<Hover> hoverAt(const Snapshot &S, Position Where,
                             const FeatureContext &Context);

/// The fix-its of the diagnostics touching \p Where, and a NOLINT
/// suppression for each.
std::vector<CodeAction> codeActionsFor(const Snapshot &S, Range Where,
                                       const FeatureContext &Context);

/// The verdict after the signature of each function in \p Where that waits
/// for something or computes.
std::vector<InlayHint> inlayHintsFor(const Snapshot &S, Range Where,
                                     const FeatureContext &Context);

} // namespace lsp
} // namespace boundwise

#endif
