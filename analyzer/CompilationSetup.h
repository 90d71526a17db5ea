//===--- CompilationSetup.h - Finding what a run needs ----------*- C++ -*-===//
//
/// \file
/// Where the catalog and clang's builtin headers are, relative to the
/// running binary (build tree or install prefix), and which compilation
/// database covers a source file, found as clangd finds it.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_COMPILATIONSETUP_H
#define BOUNDWISE_ANALYZER_COMPILATIONSETUP_H

#include "clang/Tooling/CompilationDatabase.h"
#include <memory>
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

/// The compile_commands.json covering \p SourceFile: in its directory or an
/// ancestor, or in a `build/` directory beside one of them. Null when there
/// is none; \p Error says why when one was found but could not be read.
std::unique_ptr<clang::tooling::CompilationDatabase>
findCompilationDatabase(llvm::StringRef SourceFile, std::string &Error);

} // namespace boundwise

#endif
