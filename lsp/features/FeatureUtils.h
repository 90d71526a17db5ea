//===--- FeatureUtils.h - Helpers shared by the features --------*- C++ -*-===//
//
/// \file
/// Locating findings of a snapshot in LSP terms: which findings are shown,
/// their ranges and URIs, fix-its as text edits.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_FEATURES_FEATUREUTILS_H
#define BOUNDWISE_LSP_FEATURES_FEATUREUTILS_H

#include "lsp/features/Features.h"

namespace boundwise {
namespace lsp {

/// Whether \p F is a boundwise finding in this document (not a compiler
/// error, not in a header).
bool isShownFinding(const Snapshot &S, const Finding &F);

/// The range of the name reported at \p Loc: the text is the document's for
/// its own lines, the location's own line text elsewhere.
Range rangeOf(const Snapshot &S, const DiagLocation &Loc,
              const FeatureContext &Context);

/// The URI of \p File: the document's own for its main file.
std::string uriOf(const Snapshot &S, llvm::StringRef File,
                  const FeatureContext &Context);

/// The edits of \p Fix that fall in the document.
std::vector<TextEdit> editsOf(const Snapshot &S, const FixIt &Fix,
                              const FeatureContext &Context);

/// `[{description, edits}]` for the `data` of a diagnostic.
json fixesToJSON(const Snapshot &S, const Finding &F,
                 const FeatureContext &Context);

Diagnostic toDiagnostic(const Snapshot &S, const Finding &F,
                        const FeatureContext &Context);

} // namespace lsp
} // namespace boundwise

#endif
