//===--- Config.cpp - A project's .boundwise.yaml -------------------------===//
#include "analyzer/Config.h"
#include "analyzer/CatalogYAML.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

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

llvm::Expected<Config> boundwise::loadConfigFile(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read configuration file " + Path +
                                       ": " + Buffer.getError().message());
  return parseConfig((*Buffer)->getBuffer(), Path);
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
