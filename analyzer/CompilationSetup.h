//===--- CompilationSetup.h - Finding what a run needs ----------*- C++ -*-===//
//
/// \file
/// Where the catalog and clang's builtin headers are, relative to the
/// running binary (build tree or install prefix).
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_COMPILATIONSETUP_H
#define BOUNDWISE_ANALYZER_COMPILATIONSETUP_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace boundwise {

/// The directory holding the running binary.
std::string executableDirectory(const char *Argv0);

/// Clang's resource directory: `<bin>/../lib/clang/<major>` when it holds the
/// builtin headers, else the one of the clang package boundwise was built
/// against.
std::string clangResourceDirectory(llvm::StringRef ExecutableDir);

/// The catalog directory: `<bin>/../share/boundwise/catalog`.
std::string catalogDirectory(llvm::StringRef ExecutableDir);

/// The rule pages: `<bin>/../share/boundwise/docs`.
std::string rulePagesDirectory(llvm::StringRef ExecutableDir);

} // namespace boundwise

#endif
