//===--- InlayHints.cpp - Each function's verdict after its signature -----===//
#include "lsp/SourceCode.h"
#include "lsp/features/Features.h"

#include "analyzer/Diagnosis.h"
#include "llvm/ADT/StringExtras.h"

using namespace boundwise;
using namespace boundwise::lsp;

std::vector<InlayHint>
boundwise::lsp::inlayHintsFor(const Snapshot &S, Range Where,
                              const FeatureContext &Context) {
  std::vector<InlayHint> Hints;
  for (const FunctionDiagnosis &Function : S.Result.Functions) {
    // A trivial function has nothing to say; a hint on each would be noise.
    if (Function.Kind == Verdict::Trivial ||
        Function.SignatureEnd.File != S.Result.File ||
        Function.SignatureEnd.Line == 0)
      continue;
    InlayHint Hint;
    Hint.position = columnToPosition(
        Function.SignatureEnd.Line, Function.SignatureEnd.Column,
        lineOf(S.Contents, Function.SignatureEnd.Line - 1), Context.Encoding);
    if (!Range{Hint.position, Hint.position}.touches(Where))
      continue;
    Hint.label = verdictName(Function.Kind).str();
    if (!Function.WaitsOn.empty())
      Hint.label += ": " + llvm::join(Function.WaitsOn, ", ");
    Hint.tooltip = Function.Summary;
    Hints.push_back(std::move(Hint));
  }
  return Hints;
}
