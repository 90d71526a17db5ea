//===--- Diagnostics.cpp - Findings as LSP diagnostics --------------------===//
#include "lsp/features/FeatureUtils.h"
#include "lsp/features/Features.h"
#include "lsp/SourceCode.h"

#include "llvm/ADT/StringRef.h"

using namespace boundwise;
using namespace boundwise::lsp;

json boundwise::lsp::fixesToJSON(const Snapshot &S, const Finding &F,
                                 const FeatureContext &Context) {
  json Fixes = json::array();
  for (const FixIt &Fix : F.Fixes) {
    std::vector<TextEdit> Edits = editsOf(S, Fix, Context);
    // A fix reaching into another file cannot be shown as this document's.
    if (Edits.size() != Fix.Edits.size())
      continue;
    json EditArray = json::array();
    for (const TextEdit &Edit : Edits)
      EditArray.push_back(toJSON(Edit));
    Fixes.push_back({{"description", Fix.Description},
                     {"edits", std::move(EditArray)}});
  }
  return Fixes;
}

std::vector<Diagnostic>
boundwise::lsp::diagnosticsFor(const Snapshot &S,
                               const FeatureContext &Context) {
  std::vector<Diagnostic> Diagnostics;
  for (const Finding &F : S.Result.Findings)
    if (isShownFinding(S, F))
      Diagnostics.push_back(toDiagnostic(S, F, Context));
  return Diagnostics;
}

Diagnostic boundwise::lsp::toDiagnostic(const Snapshot &S, const Finding &F,
                                        const FeatureContext &Context) {
  Diagnostic D;
  D.range = rangeOf(S, F.Loc, Context);
  D.severity = F.Level == Severity::Error || F.AsError ? 1 : 2;
  D.code = F.Rule;
  D.codeDescriptionHref = Context.DocsBase + F.Rule + ".md";
  D.message = F.Message;
  for (const FindingNote &Note : F.Notes) {
    DiagnosticRelatedInformation Info;
    Info.location.uri = uriOf(S, Note.Loc.File, Context);
    Info.location.range = rangeOf(S, Note.Loc, Context);
    Info.message = Note.Message;
    D.relatedInformation.push_back(std::move(Info));
  }
  D.data = {{"suggestedModel", F.SuggestedModel},
            {"fixes", fixesToJSON(S, F, Context)}};
  return D;
}
