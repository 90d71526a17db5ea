//===--- FeatureUtils.cpp - Helpers shared by the features ----------------===//
#include "lsp/features/FeatureUtils.h"
#include "lsp/SourceCode.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

using namespace boundwise;
using namespace boundwise::lsp;

bool boundwise::lsp::isShownFinding(const Snapshot &S, const Finding &F) {
  return !llvm::StringRef(F.Rule).starts_with("clang-diagnostic-") &&
         F.Loc.File == S.Result.File;
}

Range boundwise::lsp::rangeOf(const Snapshot &S, const DiagLocation &Loc,
                              const FeatureContext &Context) {
  llvm::StringRef LineText = Loc.LineText;
  if (Loc.File == S.Result.File && Loc.Line > 0)
    LineText = lineOf(S.Contents, Loc.Line - 1);
  return identifierRange(Loc.Line, Loc.Column, LineText, Context.Encoding);
}

std::string boundwise::lsp::uriOf(const Snapshot &S, llvm::StringRef File,
                                  const FeatureContext &Context) {
  if (File == S.Result.File)
    return Context.URIs.toURI(S.Path);
  llvm::SmallString<256> Absolute(File);
  llvm::sys::path::make_absolute(S.Directory, Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return Context.URIs.toURI(Absolute);
}

std::vector<TextEdit> boundwise::lsp::editsOf(const Snapshot &S,
                                              const FixIt &Fix,
                                              const FeatureContext &Context) {
  std::vector<TextEdit> Edits;
  for (const Replacement &R : Fix.Edits) {
    if (R.File != S.Result.File || R.Offset + R.Length > S.Contents.size())
      continue;
    TextEdit Edit;
    Edit.range.start = offsetToPosition(S.Contents, R.Offset, Context.Encoding);
    Edit.range.end =
        offsetToPosition(S.Contents, R.Offset + R.Length, Context.Encoding);
    Edit.newText = R.Text;
    Edits.push_back(std::move(Edit));
  }
  return Edits;
}
