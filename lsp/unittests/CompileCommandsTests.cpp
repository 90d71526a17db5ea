//===--- CompileCommandsTests.cpp - Sanitized commands, cached databases --===//
//
// Every spelling of an option that writes a file or loads code is removed,
// wrapped or not; the rest of the command stays as it was. A database is
// read once, and again when its file changes.
//
//===----------------------------------------------------------------------===//
#include "analyzer/CompileCommands.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace boundwise;
using clang::tooling::CompileCommand;
using Args = std::vector<std::string>;

namespace {

CompileCommand command(Args CommandLine, std::string Directory = "/src") {
  CompileCommand Command;
  Command.Directory = std::move(Directory);
  Command.Filename = "/src/a.cpp";
  Command.CommandLine = std::move(CommandLine);
  return Command;
}

/// The command after sanitizing, without the compiler's name.
Args kept(Args CommandLine) {
  CompileCommand Command = command(std::move(CommandLine));
  sanitizeCompileCommand(Command);
  return Args(Command.CommandLine.begin() + 1, Command.CommandLine.end());
}

Args clang(Args Rest) {
  Rest.insert(Rest.begin(), "clang++");
  return Rest;
}

TEST(SanitizeCompileCommand, KeepsWhatOnlyShapesTheParse) {
  Args Harmless = {"-std=c++20",    "-Iinclude", "-isystem", "/sys",
                   "-DX=1",         "-Wall",     "-include", "pre.h",
                   "-ivfsoverlay",  "vfs.yaml",  "-Wp,-DY",  "-Wl,-rpath,x",
                   "-Xclang",       "-triple",   "-Xclang",  "x86_64-linux-gnu",
                   "-Xarch_x86_64", "-DZ",       "a.cpp"};
  EXPECT_EQ(kept(clang(Harmless)), Harmless);
}

TEST(SanitizeCompileCommand, RemovesOutputsInEverySpelling) {
  for (Args Unsafe : std::vector<Args>{{"-o", "a.o"},
                                       {"-oa.o"},
                                       {"--output=a.o"},
                                       {"--output", "a.o"},
                                       {"-MD"},
                                       {"--write-dependencies"},
                                       {"-MMD"},
                                       {"-M"},
                                       {"-MM"},
                                       {"-MF", "a.d"},
                                       {"-MFa.d"},
                                       {"-MT", "x"},
                                       {"-MQ", "x"},
                                       {"-MJ", "a.json"},
                                       {"-MG"},
                                       {"-MP"},
                                       {"--serialize-diagnostics", "a.dia"},
                                       {"-dependency-file", "a.d"},
                                       {"-dependency-dot", "a.dot"},
                                       {"-ftime-trace"},
                                       {"-ftime-trace=a.json"},
                                       {"-ftime-trace-granularity=1"},
                                       {"-save-temps"},
                                       {"-save-temps=obj"},
                                       {"-fmodules"},
                                       {"-fmodules-cache-path=cache"},
                                       {"-fmodule-output"},
                                       {"-fmodule-output=a.pcm"},
                                       {"-fcrash-diagnostics-dir=crash"},
                                       {"-Wp,-MD,a.d"},
                                       {"-Wp,-MMD,a.d"},
                                       {"-Xarch_x86_64", "-MD"},
                                       {"-Xarch_host", "-ftime-trace"}}) {
    Args Command = Unsafe;
    Command.push_back("a.cpp");
    EXPECT_EQ(kept(clang(Command)), Args{"a.cpp"}) << Unsafe.front();
  }
}

TEST(SanitizeCompileCommand, RemovesWhatLoadsCode) {
  for (Args Unsafe :
       std::vector<Args>{{"-fplugin=p.so"},
                         {"-fpass-plugin=p.so"},
                         {"-fplugin-arg-p-x"},
                         {"-mllvm", "-load=p.so"},
                         {"-mllvm=-load=p.so"},
                         {"--config=evil.cfg"},
                         {"--config", "evil.cfg"},
                         {"--config-user-dir=dir"},
                         {"-Xclang", "-load", "-Xclang", "p.so"},
                         {"-Xclang=-load", "-Xclang=p.so"},
                         {"-Xclang", "-plugin", "-Xclang", "p"},
                         {"-Xclang", "-add-plugin", "-Xclang", "p"}}) {
    Args Command = Unsafe;
    Command.push_back("a.cpp");
    EXPECT_EQ(kept(clang(Command)), Args{"a.cpp"}) << Unsafe.back();
  }
}

TEST(SanitizeCompileCommand, RemovesWhatPrintsOrDumps) {
  for (Args Unsafe : std::vector<Args>{{"--help"},
                                       {"-###"},
                                       {"--version"},
                                       {"-dumpversion"},
                                       {"-dumpdir", "aux"},
                                       {"-print-search-dirs"},
                                       {"-print-file-name=x"},
                                       {"--print-prog-name", "x"},
                                       {"-ccc-print-phases"},
                                       {"--autocomplete=-f"},
                                       {"-Xclang", "-ast-dump"},
                                       {"-Xclang", "-dump-tokens"},
                                       {"-Xclang", "-fdump-record-layouts"}}) {
    Args Command = Unsafe;
    Command.push_back("a.cpp");
    EXPECT_EQ(kept(clang(Command)), Args{"a.cpp"}) << Unsafe.back();
  }
}

TEST(SanitizeCompileCommand, ReadsWrappedOptionsAsOneSequence) {
  // The option and its value come in two wrappers.
  EXPECT_EQ(kept(clang({"-Xclang", "-dependency-file", "-Xclang", "a.d",
                        "-Xclang", "-header-include-file", "-Xclang", "h.txt",
                        "-Xclang", "-emit-pch", "-Xclang", "-o", "-Xclang",
                        "a.pch", "-Xpreprocessor", "-dependency-file",
                        "-Xpreprocessor", "b.d", "a.cpp"})),
            Args{"a.cpp"});
  // A wrapped option missing its value would take the next argument.
  EXPECT_EQ(kept(clang({"a.cpp", "-Xclang", "-main-file-name"})),
            Args{"a.cpp"});
}

TEST(SanitizeCompileCommand, ReportsWhatItRemoved) {
  CompileCommand Command =
      command(clang({"-c", "a.cpp", "-o", "a.o", "-fplugin=p.so"}));
  EXPECT_EQ(sanitizeCompileCommand(Command),
            (Args{"-o", "a.o", "-fplugin=p.so"}));
  EXPECT_EQ(Command.CommandLine, clang({"a.cpp"}));
}

TEST(SanitizeCompileCommand, RemovesATrailingOptionWithoutItsValue) {
  EXPECT_EQ(kept(clang({"a.cpp", "-MF"})), Args{"a.cpp"});
}

TEST(SanitizeCompileCommand, SanitizesResponseFiles) {
  llvm::SmallString<128> Directory;
  ASSERT_FALSE(
      llvm::sys::fs::createUniqueDirectory("boundwise-rsp", Directory));
  llvm::SmallString<128> File(Directory);
  llvm::sys::path::append(File, "args.rsp");
  {
    std::error_code EC;
    llvm::raw_fd_ostream Out(File, EC);
    ASSERT_FALSE(EC);
    Out << "-DFROM_FILE -MD -MF a.d\n";
  }
  CompileCommand Command = command(
      clang({"@args.rsp", "@missing.rsp", "a.cpp"}), Directory.str().str());
  sanitizeCompileCommand(Command);
  EXPECT_EQ(Command.CommandLine, clang({"-DFROM_FILE", "a.cpp"}));
  llvm::sys::fs::remove_directories(Directory);
}

TEST(SanitizeCompileCommand, KnowsClangCL) {
  EXPECT_EQ(kept({"clang-cl", "/c", "/Foa.obj", "/sourceDependencies", "a.json",
                  "/clang:-MD", "/DX", "a.cpp"}),
            (Args{"/DX", "a.cpp"}));
}

TEST(AnalysisCommandLine, IsSyntaxOnlyWithSanitizedExtraArguments) {
  CompileCommand Command = command(clang({"-c", "a.cpp", "-o", "a.o"}));
  std::vector<std::string> Removed;
  EXPECT_EQ(
      analysisCommandLine(Command, {"--serialize-diagnostics", "x.dia"},
                          {"-DEXTRA", "-Wp,-MD,x.d"}, "/resources", &Removed),
      clang({"a.cpp", "-DEXTRA", "-fsyntax-only", "-resource-dir=/resources"}));
  EXPECT_EQ(Removed, (Args{"--serialize-diagnostics", "x.dia", "-o", "a.o",
                           "-Wp,-MD,x.d"}));
}

TEST(CompilationDatabaseCache, LoadsOnceAndAgainWhenTheFileChanges) {
  llvm::SmallString<128> Directory;
  ASSERT_FALSE(
      llvm::sys::fs::createUniqueDirectory("boundwise-cache", Directory));
  llvm::SmallString<128> Database(Directory), Source(Directory);
  llvm::sys::path::append(Database, "compile_commands.json");
  llvm::sys::path::append(Source, "a.cpp");
  auto Write = [&](llvm::StringRef Flags) {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Database, EC);
    ASSERT_FALSE(EC);
    Out << "[{\"directory\": \"" << Directory << "\", \"file\": \"a.cpp\", "
        << "\"command\": \"clang++ " << Flags << " -c a.cpp\"}]";
  };
  Write("-DONE");
  std::vector<std::string> Loads;
  CompilationDatabaseCache Cache(
      [&](llvm::StringRef File) { Loads.push_back(File.str()); });
  std::string Error;
  CompilationDatabaseCache::Database First = Cache.covering(Source, Error);
  ASSERT_TRUE(First) << Error;
  EXPECT_EQ(Cache.covering(Source, Error), First);
  EXPECT_EQ(Cache.inDirectory(Directory, Error), First);
  EXPECT_EQ(Loads, Args{Database.str().str()});

  Write("-DTWO=2");
  CompilationDatabaseCache::Database Second = Cache.covering(Source, Error);
  ASSERT_TRUE(Second) << Error;
  EXPECT_NE(Second, First);
  EXPECT_EQ(Loads.size(), 2u);
  std::vector<CompileCommand> Commands = Second->getCompileCommands(Source);
  ASSERT_EQ(Commands.size(), 1u);
  EXPECT_TRUE(llvm::is_contained(Commands.front().CommandLine, "-DTWO=2"));

  // A broken database is not read again either, until it changes.
  {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Database, EC);
    ASSERT_FALSE(EC);
    Out << "not a database at all";
  }
  EXPECT_FALSE(Cache.covering(Source, Error));
  EXPECT_FALSE(Error.empty());
  Error.clear();
  EXPECT_FALSE(Cache.covering(Source, Error));
  EXPECT_FALSE(Error.empty());
  EXPECT_EQ(Loads.size(), 3u);
  llvm::sys::fs::remove_directories(Directory);
}

} // namespace
