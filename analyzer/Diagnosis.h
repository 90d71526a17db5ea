//===--- Diagnosis.h - What each function waits for -------------*- C++ -*-===//
//
/// \file
/// The diagnosis of each function defined in the analysed file: I/O-bound
/// (and on what), CPU-bound, mixed or trivial, with the evidence chain and
/// the concurrency model that fits. One structure, printed by
/// `--diagnose` and shown by the language server's hover and inlay hints.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_DIAGNOSIS_H
#define BOUNDWISE_ANALYZER_DIAGNOSIS_H

#include "analyzer/Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class SourceLocation;
} // namespace clang

namespace boundwise {

class DeclLookup;
class LineSource;
class SummaryIndex;
struct AsyncContext;

/// `trivial`, `I/O-bound`, `CPU-bound`, `mixed`.
llvm::StringRef verdictName(Verdict V);

/// A function to diagnose: its definition as written and, for a function
/// template, the instantiations whose calls are resolved.
struct DiagnosedFunction {
  const clang::FunctionDecl *Definition = nullptr;
  std::vector<const clang::FunctionDecl *> Instances;
};

/// The functions defined in the files \p InScope accepts, in source order.
std::vector<DiagnosedFunction>
functionsToDiagnose(clang::ASTContext &Context,
                    llvm::function_ref<bool(clang::SourceLocation)> InScope);

/// Where the main file names a function, by call or definition.
std::vector<FunctionReference> functionReferences(clang::ASTContext &Context,
                                                  DeclLookup &Lookup,
                                                  LineSource &Lines);

/// The diagnosis of each of \p Functions, whose summaries (instances
/// included) are in \p Summaries, propagated; \p Contexts tell how they
/// are used.
std::vector<FunctionDiagnosis>
diagnose(llvm::ArrayRef<DiagnosedFunction> Functions,
         llvm::ArrayRef<AsyncContext> Contexts, DeclLookup &Lookup,
         const SummaryIndex &Summaries, LineSource &Lines);

/// `ok`, or `mismatch: blocking-in-async at line 63`: whether where
/// \p Function runs fits its work, by the findings of \p Result in its body,
/// or else by the place its work does not fit (the finding is then at the
/// context that enters it); `unknown` when nothing visible runs it.
std::string fitStatus(const FunctionDiagnosis &Function,
                      const FileResult &Result);

} // namespace boundwise

#endif
