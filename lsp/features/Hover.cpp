//===--- Hover.cpp - The diagnosis of a function, on hover ----------------===//
#include "lsp/features/FeatureUtils.h"
#include "lsp/features/Features.h"
#include "lsp/SourceCode.h"

#include "analyzer/Diagnosis.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace boundwise;
using namespace boundwise::lsp;

/// `read` for `ns::File::read`.
static llvm::StringRef unqualifiedName(llvm::StringRef Name) {
  size_t Colons = Name.rfind("::");
  return Colons == llvm::StringRef::npos ? Name : Name.drop_front(Colons + 2);
}

/// The function the identifier at \p Offset names: the one defined right
/// there, else the first of that name (a call).
static const FunctionDiagnosis *functionAt(const Snapshot &S, size_t Offset,
                                           llvm::StringRef Identifier,
                                           const FeatureContext &Context) {
  const FunctionDiagnosis *Named = nullptr;
  Position Where = offsetToPosition(S.Contents, Offset, Context.Encoding);
  for (const FunctionDiagnosis &Function : S.Result.Functions) {
    if (Function.Loc.File != S.Result.File ||
        unqualifiedName(Function.Name) != Identifier)
      continue;
    Range Definition = rangeOf(S, Function.Loc, Context);
    if (Definition.touches({Where, Where}))
      return &Function;
    if (!Named)
      Named = &Function;
  }
  return Named;
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
  auto Offset = positionToOffset(S.Contents, Where, Context.Encoding);
  if (!Offset) {
    llvm::consumeError(Offset.takeError());
    return std::nullopt;
  }
  llvm::StringRef Identifier = identifierAt(S.Contents, *Offset);
  if (Identifier.empty())
    return std::nullopt;
  const FunctionDiagnosis *Function =
      functionAt(S, *Offset, Identifier, Context);
  if (!Function)
    return std::nullopt;
  Hover Result;
  Result.contents.value = markdownOf(*Function, S.Result);
  size_t Begin = Identifier.data() - S.Contents.data();
  Result.range = Range{
      offsetToPosition(S.Contents, Begin, Context.Encoding),
      offsetToPosition(S.Contents, Begin + Identifier.size(), Context.Encoding)};
  return Result;
}
