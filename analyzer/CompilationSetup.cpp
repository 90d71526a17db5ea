//===--- CompilationSetup.cpp - Finding what a run needs ------------------===//
#include "analyzer/CompilationSetup.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Config/llvm-config.h"

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

std::string boundwise::catalogDirectory(llvm::StringRef ExecutableDir) {
  llvm::SmallString<256> Path(ExecutableDir);
  llvm::sys::path::append(Path, "..", BOUNDWISE_DATA_DIR, "catalog");
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

std::unique_ptr<clang::tooling::CompilationDatabase>
boundwise::findCompilationDatabase(llvm::StringRef SourceFile,
                                   std::string &Error) {
  llvm::SmallString<256> Directory(SourceFile);
  llvm::sys::fs::make_absolute(Directory);
  llvm::sys::path::remove_dots(Directory, /*remove_dot_dot=*/true);
  llvm::sys::path::remove_filename(Directory);
  for (llvm::StringRef Dir = Directory; !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    for (llvm::StringRef Sub : {"", "build"}) {
      llvm::SmallString<256> Candidate(Dir);
      llvm::sys::path::append(Candidate, Sub, "compile_commands.json");
      if (!llvm::sys::fs::exists(Candidate))
        continue;
      auto Database = clang::tooling::JSONCompilationDatabase::loadFromFile(
          Candidate, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
      if (!Database)
        return nullptr;
      // A header or a new file borrows the flags of its nearest neighbour.
      return clang::tooling::inferMissingCompileCommands(std::move(Database));
    }
  }
  return nullptr;
}
