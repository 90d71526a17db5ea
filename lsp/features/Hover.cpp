//===--- Hover.cpp - The diagnosis of a function, on hover ----------------===//
#include "lsp/SourceCode.h"
#include "lsp/features/FeatureUtils.h"
#include "lsp/features/Features.h"

#include "analyzer/Diagnosis.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace boundwise;
using namespace boundwise::lsp;

/// The reference (a call's callee, a definition's name) at \p Where, and
/// the diagnosis of the function it names, by identity: hovering `b.read()`
/// shows `B::read`, whatever else is called `read`.
static std::pair<const FunctionReference *, const FunctionDiagnosis *>
functionAt(const Snapshot &S, Position Where, const FeatureContext &Context) {
  for (const FunctionReference &Reference : S.Result.References) {
    if (Reference.Loc.File != S.Result.File ||
        !rangeOf(S, Reference.Loc, Context).touches({Where, Where}))
      continue;
    for (const FunctionDiagnosis &Function : S.Result.Functions)
      if (Function.Usr == Reference.Usr)
        return {&Reference, &Function};
  }
  return {nullptr, nullptr};
}

static std::string markdownOf(const FunctionDiagnosis &Function,
                              const FileResult &Result) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << "### `" << Function.Name << "`: " << verdictName(Function.Kind)
     << "\n\n"
     << Function.Summary << "\n\n"
     << "**Model that fits:** " << Function.Model << "\n\n"
     << "**Runs on:** "
     << (Function.RunsOn.empty() ? std::string("unknown")
                                 : llvm::join(Function.RunsOn, ", "))
     << " (" << fitStatus(Function, Result) << ")\n";
  if (!Function.Evidence.empty()) {
    OS << "\n**Why:**\n";
    for (const FindingNote &Step : Function.Evidence)
      OS << "- line " << Step.Loc.Line << ": " << Step.Message << "\n";
  }
  return Text;
}

std::optional<Hover> boundwise::lsp::hoverAt(const Snapshot &S, Position Where,
                                             const FeatureContext &Context) {
  auto [Reference, Function] = functionAt(S, Where, Context);
  if (!Function)
    return std::nullopt;
  Hover Result;
  Result.contents.value = markdownOf(*Function, S.Result);
  Result.range = rangeOf(S, Reference->Loc, Context);
  return Result;
}
