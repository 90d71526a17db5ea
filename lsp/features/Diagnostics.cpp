//===--- Diagnostics.cpp - Findings as LSP diagnostics --------------------===//
#include "lsp/SourceCode.h"
#include "lsp/features/FeatureUtils.h"
#include "lsp/features/Features.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

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
    Fixes.push_back(
        {{"description", Fix.Description}, {"edits", std::move(EditArray)}});
  }
  return Fixes;
}

static bool isCompilerError(const Finding &F) {
  return F.Rule == "clang-diagnostic-error";
}

/// One diagnostic saying that the findings are incomplete when clang could
/// not parse the document, so that "no problems" never stands for "not
/// analysed". The compiler errors themselves are the editor's compiler's
/// (clangd's) to show: each is not repeated.
static std::optional<Diagnostic>
incompleteAnalysis(const Snapshot &S, const FeatureContext &Context) {
  const auto &Findings = S.Result.Findings;
  size_t Errors = llvm::count_if(Findings, isCompilerError);
  if (Errors == 0 && S.Result.FatalError.empty())
    return std::nullopt;
  Diagnostic D;
  D.severity = 2;
  D.code = "clang-diagnostic-error";
  DiagLocation Start{S.Result.File, 1, 1, ""};
  if (!S.Result.FatalError.empty()) {
    D.range = rangeOf(S, Start, Context);
    D.message = "boundwise could not analyse this file: " + S.Result.FatalError;
    return D;
  }
  const Finding &First = *llvm::find_if(Findings, isCompilerError);
  bool Here = First.Loc.File == S.Result.File;
  D.range = rangeOf(S, Here ? First.Loc : Start, Context);
  std::string Where =
      Here ? "" : First.Loc.File + ":" + std::to_string(First.Loc.Line) + ": ";
  D.message = "boundwise's findings are incomplete: clang could not parse "
              "this file (" +
              Where + First.Message +
              (Errors > 1 ? "; " + std::to_string(Errors) + " errors" : "") +
              ")";
  return D;
}

std::vector<Diagnostic>
boundwise::lsp::diagnosticsFor(const Snapshot &S,
                               const FeatureContext &Context) {
  std::vector<Diagnostic> Diagnostics;
  if (std::optional<Diagnostic> Incomplete = incompleteAnalysis(S, Context))
    Diagnostics.push_back(std::move(*Incomplete));
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
  D.data = {{"suggestedModel", modelName(F.SuggestedModel).str()},
            {"fixes", fixesToJSON(S, F, Context)}};
  return D;
}
