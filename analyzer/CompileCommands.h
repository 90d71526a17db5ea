//===--- CompileCommands.h - Safe compile commands --------------*- C++ -*-===//
//
/// \file
/// A workspace's compile commands are untrusted input: a cloned repository
/// must not make boundwise write a file it names or load code it names.
/// Every command either front end runs, from a compilation database, from
/// `--`, from settings or a fallback, with the extra arguments, goes through
/// analysisCommandLine.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_COMPILECOMMANDS_H
#define BOUNDWISE_ANALYZER_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace boundwise {

/// Removes from \p Command every option that writes a file (outputs,
/// dependency files, serialized diagnostics, traces, temporaries, module
/// caches, crash reports) or loads code (plugins, LLVM options, clang
/// configuration files), in every spelling clang's option table knows and
/// inside the wrappers that pass options on (`-Xclang`, `-Wp,`,
/// `-Xpreprocessor`, `-Xanalyzer`, `-Xarch_*`, `/clang:`). Response files
/// (`@file`, relative to the command's directory) are expanded first, so
/// what they hold is sanitized too; one that cannot be read is dropped.
/// The compiler's own name (the first argument) is kept.
/// \returns the removed arguments, as they were spelled.
std::vector<std::string>
sanitizeCompileCommand(clang::tooling::CompileCommand &Command);

/// The command line of a syntax-only run of \p Command: \p ExtraArgsBefore
/// after the compiler's name and \p ExtraArgs at the end, all of it
/// sanitized, with `-fsyntax-only`, and `-resource-dir=` \p ResourceDir
/// unless the command names one (or \p ResourceDir is empty).
/// \p Removed, when given, receives what sanitizing removed.
std::vector<std::string>
analysisCommandLine(clang::tooling::CompileCommand Command,
                    llvm::ArrayRef<std::string> ExtraArgsBefore,
                    llvm::ArrayRef<std::string> ExtraArgs,
                    llvm::StringRef ResourceDir,
                    std::vector<std::string> *Removed = nullptr);

} // namespace boundwise

#endif
