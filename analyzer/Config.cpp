//===--- Config.cpp - A project's .boundwise.yaml -------------------------===//
#include "analyzer/Config.h"
#include "analyzer/CatalogYAML.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

using namespace boundwise;

namespace llvm {
namespace yaml {
template <> struct MappingTraits<CostModelConfig> {
  static void mapping(IO &Io, CostModelConfig &C) {
    Io.mapOptional("LoopIterations", C.LoopIterations);
    Io.mapOptional("NestedDataLoops", C.NestedDataLoops);
    Io.mapOptional("PerItemIterations", C.PerItemIterations);
  }
  static std::string validate(IO &, CostModelConfig &C) {
    if (C.LoopIterations && *C.LoopIterations == 0)
      return "LoopIterations must be at least 1";
    if (C.NestedDataLoops && *C.NestedDataLoops < 1)
      return "NestedDataLoops must be at least 1";
    if (C.PerItemIterations && *C.PerItemIterations == 0)
      return "PerItemIterations must be at least 1";
    return "";
  }
};

template <> struct MappingTraits<Config> {
  static void mapping(IO &Io, Config &C) {
    Io.mapOptional("Checks", C.Checks);
    Io.mapOptional("WarningsAsErrors", C.WarningsAsErrors);
    Io.mapOptional("HeaderFilterRegex", C.HeaderFilterRegex);
    Io.mapOptional("ExcludeHeaderFilterRegex", C.ExcludeHeaderFilterRegex);
    Io.mapOptional("SystemHeaders", C.SystemHeaders);
    Io.mapOptional("Catalog", C.Catalog);
    Io.mapOptional("DisabledApis", C.DisabledApis);
    Io.mapOptional("CostModel", C.CostModel);
    Io.mapOptional("InheritParentConfig", C.InheritParentConfig);
  }
  // An invalid filter would match nothing and hide every header's finding
  // without a word.
  static std::string validate(IO &, Config &C) {
    for (auto [Key, Pattern] :
         {std::pair{"HeaderFilterRegex", &C.HeaderFilterRegex},
          std::pair{"ExcludeHeaderFilterRegex", &C.ExcludeHeaderFilterRegex}}) {
      std::string Reason;
      // Empty is no filter.
      if (*Pattern && !(*Pattern)->empty() &&
          !llvm::Regex(**Pattern).isValid(Reason))
        return std::string(Key) + " '" + **Pattern +
               "' is not a regular expression: " + Reason;
    }
    return "";
  }
};
/// What --dump-config prints: Config without the catalog sections.
struct DumpedConfig {
  Config &C;
};
template <> struct MappingTraits<DumpedConfig> {
  static void mapping(IO &Io, DumpedConfig &D) {
    Config &C = D.C;
    Io.mapOptional("Checks", C.Checks);
    Io.mapOptional("WarningsAsErrors", C.WarningsAsErrors);
    Io.mapOptional("HeaderFilterRegex", C.HeaderFilterRegex);
    Io.mapOptional("ExcludeHeaderFilterRegex", C.ExcludeHeaderFilterRegex);
    Io.mapOptional("SystemHeaders", C.SystemHeaders);
    Io.mapOptional("DisabledApis", C.DisabledApis);
    Io.mapOptional("CostModel", C.CostModel);
  }
};
} // namespace yaml
} // namespace llvm

void boundwise::dumpConfig(const Config &Conf, llvm::raw_ostream &OS) {
  Config Copy = Conf;
  llvm::yaml::DumpedConfig Dumped{Copy};
  llvm::yaml::Output Out(OS);
  Out << Dumped;
}

llvm::Expected<Config> boundwise::parseConfig(llvm::StringRef Text,
                                              llvm::StringRef SourceName) {
  Config Result;
  // An empty file, like `--config={}`, configures nothing.
  if (Text.trim().empty())
    return Result;
  if (llvm::Error Err = readYAML(Text, SourceName, Result))
    return std::move(Err);
  Result.Catalog.FromProject = true;
  return Result;
}

std::vector<CatalogFile> boundwise::projectCatalogs(const Config &Conf) {
  std::vector<CatalogFile> Files = Conf.InheritedCatalogs;
  Files.push_back(Conf.Catalog);
  return Files;
}

/// \p Child on top of \p Parent, as clang-tidy merges inherited options.
static Config inherit(const Config &Parent, Config Child) {
  auto AppendGlobs = [](std::optional<std::string> &Own,
                        const std::optional<std::string> &Inherited) {
    if (Inherited)
      Own = Own ? *Inherited + "," + *Own : *Inherited;
  };
  AppendGlobs(Child.Checks, Parent.Checks);
  AppendGlobs(Child.WarningsAsErrors, Parent.WarningsAsErrors);
  auto Keep = [](auto &Own, const auto &Inherited) {
    if (!Own)
      Own = Inherited;
  };
  Keep(Child.HeaderFilterRegex, Parent.HeaderFilterRegex);
  Keep(Child.ExcludeHeaderFilterRegex, Parent.ExcludeHeaderFilterRegex);
  Keep(Child.SystemHeaders, Parent.SystemHeaders);
  Keep(Child.CostModel.LoopIterations, Parent.CostModel.LoopIterations);
  Keep(Child.CostModel.NestedDataLoops, Parent.CostModel.NestedDataLoops);
  Keep(Child.CostModel.PerItemIterations, Parent.CostModel.PerItemIterations);
  Child.DisabledApis.insert(Child.DisabledApis.begin(),
                            Parent.DisabledApis.begin(),
                            Parent.DisabledApis.end());
  Child.InheritedCatalogs = projectCatalogs(Parent);
  return Child;
}

llvm::Expected<Config> boundwise::loadConfigFile(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read configuration file " + Path +
                                       ": " + Buffer.getError().message());
  auto Parsed = parseConfig((*Buffer)->getBuffer(), Path);
  if (!Parsed || !Parsed->InheritParentConfig.value_or(false))
    return Parsed;
  // The search starts in the directory above this file's: each step goes
  // up, so the chain ends at the root.
  llvm::SmallString<256> Directory(Path);
  llvm::sys::fs::make_absolute(Directory);
  llvm::sys::path::remove_filename(Directory);
  std::string ParentPath = findConfigFile(Directory);
  if (ParentPath.empty())
    return Parsed;
  auto Parent = loadConfigFile(ParentPath);
  if (!Parent)
    return Parent.takeError();
  return inherit(*Parent, std::move(*Parsed));
}

std::string boundwise::findConfigFile(llvm::StringRef SourceFile) {
  llvm::SmallString<256> Directory(SourceFile);
  llvm::sys::fs::make_absolute(Directory);
  llvm::sys::path::remove_filename(Directory);
  for (llvm::StringRef Dir = Directory; !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, ConfigFileName);
    if (llvm::sys::fs::is_regular_file(Candidate))
      return std::string(Candidate);
  }
  return "";
}
