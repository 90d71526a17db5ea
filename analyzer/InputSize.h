//===--- InputSize.h - Whether a CPU-heavy call's data is small -*- C++ -*-===//
//
/// \file
/// The cost of sorting, hashing and compression grows with the data. Some
/// data is known small where it is written: an array of three elements, the
/// literal `"ok"`, a `std::string` made from one and passed down through
/// parameters (`set_content("ok", deflate)` deflates two bytes). Such a call
/// is not heavy, however heavy its kind.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_INPUTSIZE_H
#define BOUNDWISE_ANALYZER_INPUTSIZE_H

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class ParmVarDecl;
class VarDecl;
} // namespace clang

namespace boundwise {

struct CpuHeavyEntry;

/// The parameters a caller gave data known small (a string literal, or data
/// made from one).
using SmallParams = llvm::DenseSet<const clang::ParmVarDecl *>;

class InputSize {
public:
  /// Sizes in \p Function's body, entered with \p Small parameters; data of
  /// fewer than \p MostElements elements is small.
  InputSize(const clang::ASTContext &Context,
            const clang::FunctionDecl *Function, const SmallParams &Small,
            uint64_t MostElements)
      : Context(Context), Function(Function), Small(Small),
        MostElements(MostElements) {}

  /// Whether \p E is data known small: a short string literal, a string or
  /// view made from one (through moves, casts and `.data()`), a parameter
  /// given such data, or a local initialised so and never reassigned.
  bool isSmall(const clang::Expr *E) const;

  /// Whether the data \p Call to \p Entry works on is known small: every
  /// input of the entry is, or every pointer it is given points into a
  /// constant-size array (`std::sort` of three elements) too small to make
  /// n log n reach \p MostElements.
  bool isSmallCall(const clang::Expr *Call, const CpuHeavyEntry &Entry) const;

private:
  bool isSmallAt(const clang::Expr *E, unsigned Depth) const;
  bool isSmallLocal(const clang::VarDecl *Var, unsigned Depth) const;
  bool isSmallField(const clang::Expr *Object, llvm::StringRef Field) const;
  bool pointsIntoSmallArrays(const clang::Expr *Call) const;

  const clang::ASTContext &Context;
  const clang::FunctionDecl *Function;
  const SmallParams &Small;
  uint64_t MostElements;
};

} // namespace boundwise

#endif
