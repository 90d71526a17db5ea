//===--- Config.h - A project's .boundwise.yaml -----------------*- C++ -*-===//
//
/// \file
/// Project configuration, found upward from a source file like .clang-tidy.
/// Top-level keys follow clang-tidy (`Checks`, `WarningsAsErrors`,
/// `HeaderFilterRegex`); `Catalog` extends the API catalog with entries of
/// the same schema as rules/catalog/*.yaml, and `DisabledApis` switches
/// catalog entries off for the project.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_CONFIG_H
#define BOUNDWISE_ANALYZER_CONFIG_H

#include "analyzer/Catalog.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace boundwise {

/// `CostModel:` thresholds; unset ones keep the defaults.
struct CostModelConfig {
  std::optional<uint64_t> LoopIterations;
  std::optional<unsigned> NestedDataLoops;
  std::optional<uint64_t> PerItemIterations;
};

struct Config {
  std::optional<std::string> Checks;
  std::optional<std::string> WarningsAsErrors;
  std::optional<std::string> HeaderFilterRegex;
  std::optional<std::string> ExcludeHeaderFilterRegex;
  std::optional<bool> SystemHeaders;
  CatalogFile Catalog;
  std::vector<std::string> DisabledApis;
  CostModelConfig CostModel;
  /// `InheritParentConfig: true`: the nearest .boundwise.yaml above this
  /// one's directory applies first, and this one on top of it.
  std::optional<bool> InheritParentConfig;
  /// The `Catalog:` sections of the configurations inherited, outermost
  /// first.
  std::vector<CatalogFile> InheritedCatalogs;
};

/// The project's catalog entries: those inherited, then its own.
std::vector<CatalogFile> projectCatalogs(const Config &Conf);

/// The name of the configuration file searched upward from sources.
inline constexpr const char *ConfigFileName = ".boundwise.yaml";

/// Parses configuration text; \p SourceName names it in errors.
llvm::Expected<Config> parseConfig(llvm::StringRef Text,
                                   llvm::StringRef SourceName);

/// Reads and parses the configuration file at \p Path, and those it
/// inherits (as clang-tidy's InheritParentConfig): checks and
/// WarningsAsErrors are the parent's with this file's appended; other keys
/// this file sets win.
llvm::Expected<Config> loadConfigFile(llvm::StringRef Path);

/// Prints \p Conf as a .boundwise.yaml would say it: its top-level keys and
/// cost model (the project's catalog entries are not repeated).
void dumpConfig(const Config &Conf, llvm::raw_ostream &OS);

/// The nearest .boundwise.yaml in the directory of \p SourceFile or above,
/// or empty if there is none.
std::string findConfigFile(llvm::StringRef SourceFile);

} // namespace boundwise

#endif
