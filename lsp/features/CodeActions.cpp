//===--- CodeActions.cpp - Fix-its and suppressions as quick fixes --------===//
#include "lsp/SourceCode.h"
#include "lsp/features/FeatureUtils.h"
#include "lsp/features/Features.h"

using namespace boundwise;
using namespace boundwise::lsp;

/// Appends `  // NOLINT(rule)` to the finding's line.
static CodeAction suppression(const Snapshot &S, const Finding &F,
                              const Diagnostic &D,
                              const FeatureContext &Context) {
  CodeAction Action;
  Action.title = "Suppress with // NOLINT(" + F.Rule + ")";
  Action.diagnostics = {D};
  Action.editUri = Context.URIs.toURI(S.Path);
  llvm::StringRef Line = lineOf(S.Contents, D.range.start.line);
  Position End{D.range.start.line,
               static_cast<int>(lspLength(Line, Context.Encoding))};
  Action.edits.push_back({{End, End}, "  // NOLINT(" + F.Rule + ")"});
  return Action;
}

std::vector<CodeAction>
boundwise::lsp::codeActionsFor(const Snapshot &S, Range Where,
                               const FeatureContext &Context) {
  std::vector<CodeAction> Actions;
  for (const Finding &F : S.Result.Findings) {
    if (!isShownFinding(S, F))
      continue;
    Diagnostic D = toDiagnostic(S, F, Context);
    if (!D.range.touches(Where))
      continue;
    for (const FixIt &Fix : F.Fixes) {
      std::vector<TextEdit> Edits = editsOf(S, Fix, Context);
      if (Edits.empty() || Edits.size() != Fix.Edits.size())
        continue;
      CodeAction Action;
      Action.title = Fix.Description;
      Action.diagnostics = {D};
      Action.editUri = Context.URIs.toURI(S.Path);
      Action.edits = std::move(Edits);
      Action.isPreferred = true;
      Actions.push_back(std::move(Action));
    }
    Actions.push_back(suppression(S, F, D, Context));
  }
  return Actions;
}
