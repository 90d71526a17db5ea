//===--- CompilationSetup.cpp - Finding what a run needs ------------------===//
#include "analyzer/CompilationSetup.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace boundwise;

std::string boundwise::executableDirectory(const char *Argv0) {
  static int Anchor;
  std::string Path = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  return std::string(llvm::sys::path::parent_path(Path));
}

std::string boundwise::clangResourceDirectory(llvm::StringRef ExecutableDir) {
  llvm::SmallString<256> Beside(ExecutableDir);
  llvm::sys::path::append(Beside, "..", "lib", "clang",
                          std::to_string(LLVM_VERSION_MAJOR));
  llvm::SmallString<256> Probe(Beside);
  llvm::sys::path::append(Probe, "include", "stddef.h");
  if (llvm::sys::fs::exists(Probe)) {
    llvm::sys::path::remove_dots(Beside, /*remove_dot_dot=*/true);
    return std::string(Beside);
  }
  return BOUNDWISE_CLANG_RESOURCE_DIR;
}

/// `<bin>/../share/boundwise/<Name>`.
static std::string dataDirectory(llvm::StringRef ExecutableDir,
                                 llvm::StringRef Name) {
  llvm::SmallString<256> Path(ExecutableDir);
  llvm::sys::path::append(Path, "..", BOUNDWISE_DATA_DIR, Name);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

std::string boundwise::catalogDirectory(llvm::StringRef ExecutableDir) {
  return dataDirectory(ExecutableDir, "catalog");
}

std::string boundwise::rulePagesDirectory(llvm::StringRef ExecutableDir) {
  return dataDirectory(ExecutableDir, "docs");
}
