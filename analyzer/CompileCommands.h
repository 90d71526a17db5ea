//===--- CompileCommands.h - Safe compile commands --------------*- C++ -*-===//
//
/// \file
/// A workspace's compile commands are untrusted input: a cloned repository
/// must not make boundwise write a file it names or load code it names.
/// Every command either front end runs, from a compilation database, from
/// `--`, from settings or a fallback, with the extra arguments, goes through
/// analysisCommandLine; and the databases themselves are loaded once, by
/// CompilationDatabaseCache.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_COMPILECOMMANDS_H
#define BOUNDWISE_ANALYZER_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Chrono.h"
#include <functional>
#include <memory>
#include <mutex>
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

/// Compilation databases by file, each loaded once and again only when its
/// file changes (modification time or size). Missing commands (headers, new
/// files) are inferred from the nearest neighbour. Thread-safe.
class CompilationDatabaseCache {
public:
  using Database = std::shared_ptr<const clang::tooling::CompilationDatabase>;

  /// \p OnLoad, when given, is told the path of each database (re)read.
  explicit CompilationDatabaseCache(
      std::function<void(llvm::StringRef)> OnLoad = nullptr)
      : OnLoad(std::move(OnLoad)) {}

  /// The database in \p Directory: its compile_commands.json, else its
  /// compile_flags.txt. Null when there is none; \p Error then says why
  /// when one was found but could not be read. \p File, when given, is set
  /// to the database's path.
  Database inDirectory(llvm::StringRef Directory, std::string &Error,
                       std::string *File = nullptr);

  /// The compile_commands.json covering \p SourceFile: in its directory or
  /// an ancestor, or in a `build/` directory beside one of them, as clangd
  /// finds it.
  Database covering(llvm::StringRef SourceFile, std::string &Error,
                    std::string *File = nullptr);

private:
  struct Entry {
    llvm::sys::TimePoint<> ModificationTime;
    uint64_t Size = 0;
    Database Loaded;
    /// Why it could not be loaded.
    std::string Error;
  };

  Database load(llvm::StringRef File, std::string &Error);

  std::function<void(llvm::StringRef)> OnLoad;
  std::mutex Mutex;
  llvm::StringMap<Entry> ByFile;
};

} // namespace boundwise

#endif
