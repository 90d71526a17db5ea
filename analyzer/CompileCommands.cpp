//===--- CompileCommands.cpp - Safe compile commands ----------------------===//
#include "analyzer/CompileCommands.h"
#include "analyzer/NestingLimit.h"

#include "clang/Driver/Driver.h"
#include "clang/Options/Options.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace boundwise;
using namespace clang::options;
namespace tooling = clang::tooling;
using llvm::opt::Visibility;

/// Options that write a file or load code. Option::matches also catches
/// their aliases (`--output`, `--write-dependencies`, `-mllvm=`, `/Fo:`).
/// Options that only shape the compiled program (`-fprofile-generate`,
/// `-gsplit-dwarf`, `-Wl,`, `-Wa,`) are kept: a syntax-only run never
/// generates code, assembles or links.
static constexpr unsigned UnsafeOptions[] = {
    // Outputs.
    OPT_o, OPT_save_temps, OPT_save_temps_EQ, OPT_fmodule_output,
    OPT_fmodule_output_EQ, OPT_fcrash_diagnostics_dir,
    // Dependency files, include lists and other reports.
    OPT_M, OPT_MM, OPT_MD, OPT_MMD, OPT_MF, OPT_MT, OPT_MQ, OPT_MJ, OPT_MG,
    OPT_MP, OPT_dependency_file, OPT_dependency_dot, OPT_header_include_file,
    OPT_module_dependency_dir, OPT_show_includes, OPT__serialize_diags,
    OPT_diagnostic_serialized_file, OPT_diagnostic_log_file, OPT_stats_file,
    OPT_ftime_trace, OPT_ftime_trace_EQ, OPT_ftime_trace_granularity_EQ,
    OPT_ftime_trace_verbose,
    // Implicit module builds write a module cache; without them, headers
    // are parsed as text, which is all the analysis needs.
    OPT_fmodules, OPT_fcxx_modules, OPT_fimplicit_module_maps,
    OPT_fmodules_cache_path,
    // Code: plugins, and LLVM options (the backend's, never needed for a
    // syntax-only run; some of them write files).
    OPT_fplugin_EQ, OPT_fplugin_arg, OPT_fpass_plugin_EQ, OPT_load, OPT_plugin,
    OPT_add_plugin, OPT_plugin_arg, OPT_mllvm,
    // Clang configuration files, which can bring any of the above.
    OPT_config, OPT_config_system_dir_EQ, OPT_config_user_dir_EQ,
    // clang-cl's outputs.
    OPT__SLASH_Fo, OPT__SLASH_Fe, OPT__SLASH_Fa, OPT__SLASH_Fi, OPT__SLASH_Fp,
    OPT__SLASH_FR, OPT__SLASH_Fr, OPT__SLASH_Fd, OPT__SLASH_Fm, OPT__SLASH_Yc,
    OPT__SLASH_sourceDependencies, OPT__SLASH_showIncludes,
    OPT__SLASH_showIncludes_user};

/// What a compile command's argument is, to the sanitizer.
enum class ArgRole {
  Harmless,
  /// Writes a file or loads code.
  Unsafe,
  /// Chooses what the compiler produces (`-c`, `-E`, `-emit-pch`): the
  /// analysis always asks for `-fsyntax-only`.
  Action,
  /// Passes its values on as options (`-Xclang <option>`).
  Wrapper,
};

/// The families of wrappers. The driver passes each family's values on as
/// one sequence, so an option and its value may come in two wrappers
/// (`-Xclang -dependency-file -Xclang <path>`); an Arch wrapper holds one
/// whole driver option.
enum class Family { Xclang, Preprocessor, Analyzer, ClangCL, Arch };
constexpr unsigned SequenceFamilies = static_cast<unsigned>(Family::Arch);

/// Whether \p Opt prints on the standard output, the language server's
/// channel to its client: the driver's `--help`, `-###`, `-print-*` (and
/// `-print-file-name=<name>` echoes the name), the frontend's
/// `-fdump-record-layouts`. Or it dumps into a file (`-dumpdir`,
/// `-dump-minimization-hints=`).
static bool printsOrDumps(const llvm::opt::Option &Opt) {
  llvm::StringRef Name = Opt.getName();
  if (Name.starts_with("print-") || Name.starts_with("dump") ||
      Name.starts_with("fdump-") || Name.starts_with("ccc-print-"))
    return true;
  static constexpr unsigned Printing[] = {
      OPT__HASH_HASH_HASH, OPT_autocomplete, OPT_help,
      OPT__help_hidden,    OPT__version,     OPT_version};
  return llvm::any_of(Printing, [&](unsigned ID) { return Opt.matches(ID); });
}

static ArgRole roleOf(const llvm::opt::Arg &A) {
  const llvm::opt::Option &Opt = A.getOption();
  if (printsOrDumps(Opt) ||
      llvm::any_of(UnsafeOptions, [&](unsigned ID) { return Opt.matches(ID); }))
    return ArgRole::Unsafe;
  if (Opt.matches(OPT_Action_Group))
    return ArgRole::Action;
  // The driver turns `-Wp,-MD,<path>` into `-MD -MF <path>`.
  if (Opt.matches(OPT_Wp_COMMA) && A.getNumValues() &&
      (llvm::StringRef(A.getValue(0)) == "-MD" ||
       llvm::StringRef(A.getValue(0)) == "-MMD"))
    return ArgRole::Unsafe;
  for (unsigned ID :
       {OPT_Xclang, OPT_Xanalyzer, OPT_Xpreprocessor, OPT_Wp_COMMA,
        OPT__SLASH_clang, OPT_Xarch__, OPT_Xarch_device, OPT_Xarch_host,
        OPT_Xopenmp_target, OPT_Xopenmp_target_EQ})
    if (Opt.matches(ID))
      return A.getNumValues() ? ArgRole::Wrapper : ArgRole::Unsafe;
  return ArgRole::Harmless;
}

static Family familyOf(const llvm::opt::Arg &A) {
  const llvm::opt::Option &Opt = A.getOption();
  if (Opt.matches(OPT_Xclang))
    return Family::Xclang;
  if (Opt.matches(OPT_Xanalyzer))
    return Family::Analyzer;
  if (Opt.matches(OPT__SLASH_clang))
    return Family::ClangCL;
  if (Opt.matches(OPT_Wp_COMMA) || Opt.matches(OPT_Xpreprocessor))
    return Family::Preprocessor;
  return Family::Arch;
}

/// What a family's values are parsed as: frontend (cc1) or driver options.
static Visibility visibilityOf(Family F) {
  return F == Family::ClangCL || F == Family::Arch ? Visibility(ClangOption)
                                                   : Visibility(CC1Option);
}

/// For each of \p Args, whether an option parsed from it with \p Mask is
/// not harmless: inside a wrapper, actions and further wrappers count as
/// unsafe too. An option that misses its value would take the next
/// argument the driver adds, so it is unsafe as well.
static std::vector<bool> unsafeWrapped(llvm::ArrayRef<const char *> Args,
                                       Visibility Mask) {
  llvm::opt::InputArgList List(Args.begin(), Args.end());
  const llvm::opt::OptTable &Table = clang::getDriverOptTable();
  std::vector<bool> Unsafe(Args.size(), false);
  for (unsigned Index = 0; Index < Args.size();) {
    unsigned Start = Index;
    std::unique_ptr<llvm::opt::Arg> A = Table.ParseOneArg(List, Index, Mask);
    bool Drop = !A || roleOf(*A) != ArgRole::Harmless;
    if (!A)
      Index = Args.size();
    if (Drop)
      std::fill(Unsafe.begin() + Start, Unsafe.begin() + Index, true);
  }
  return Unsafe;
}

/// Replaces `@file` arguments with the file's arguments, read relative to
/// \p Directory; one that cannot be read is dropped.
static void expandResponseFiles(std::vector<std::string> &CommandLine,
                                llvm::StringRef Directory, bool IsClangCL) {
  if (llvm::none_of(CommandLine,
                    [](llvm::StringRef Arg) { return Arg.starts_with("@"); }))
    return;
  llvm::BumpPtrAllocator Allocator;
  llvm::cl::ExpansionContext Expander(
      Allocator, IsClangCL ? llvm::cl::TokenizeWindowsCommandLine
                           : llvm::cl::TokenizeGNUCommandLine);
  llvm::SmallVector<const char *, 32> Argv;
  for (const std::string &Arg : CommandLine)
    Argv.push_back(Arg.c_str());
  // A file that cannot be read is left in place, and dropped below.
  llvm::consumeError(
      Expander.setCurrentDir(Directory).expandResponseFiles(Argv));
  std::vector<std::string> Expanded;
  for (llvm::StringRef Arg : Argv)
    if (!Arg.starts_with("@"))
      Expanded.push_back(Arg.str());
  CommandLine = std::move(Expanded);
}

static bool isClangCL(llvm::ArrayRef<std::string> CommandLine) {
  std::vector<const char *> Rest;
  for (const std::string &Arg : llvm::drop_begin(CommandLine))
    Rest.push_back(Arg.c_str());
  return clang::driver::IsClangCL(
      clang::driver::getDriverMode(CommandLine.front(), Rest));
}

/// What becomes of an argument of a compile command.
enum class Fate { Keep, Remove, RemoveQuietly };

/// The fate of each of \p Args, the driver's arguments (after the
/// compiler's name), parsed as options of \p DriverMask.
static std::vector<Fate> fatesOf(llvm::ArrayRef<const char *> Args,
                                 Visibility DriverMask) {
  llvm::opt::InputArgList List(Args.begin(), Args.end());
  const llvm::opt::OptTable &Table = clang::getDriverOptTable();
  std::vector<Fate> Fates(Args.size(), Fate::Keep);
  // Each family's values, and the arguments (from, to) they came in.
  struct Sequence {
    std::vector<const char *> Values;
    std::vector<std::pair<unsigned, unsigned>> Owners;
  };
  Sequence Sequences[SequenceFamilies];
  for (unsigned Index = 0; Index < Args.size();) {
    unsigned Start = Index;
    std::unique_ptr<llvm::opt::Arg> A =
        Table.ParseOneArg(List, Index, DriverMask);
    if (!A) {
      // A trailing option without its value.
      std::fill(Fates.begin() + Start, Fates.end(), Fate::Remove);
      break;
    }
    auto Mark = [&](Fate F) {
      std::fill(Fates.begin() + Start, Fates.begin() + Index, F);
    };
    switch (roleOf(*A)) {
    case ArgRole::Harmless:
      break;
    case ArgRole::Unsafe:
      Mark(Fate::Remove);
      break;
    case ArgRole::Action:
      Mark(Fate::RemoveQuietly);
      break;
    case ArgRole::Wrapper: {
      Family Of = familyOf(*A);
      if (Of == Family::Arch) {
        if (unsafeWrapped(A->getValues().back(), visibilityOf(Of))[0])
          Mark(Fate::Remove);
        break;
      }
      Sequence &Into = Sequences[static_cast<unsigned>(Of)];
      for (const char *Value : A->getValues()) {
        Into.Values.push_back(Value);
        Into.Owners.emplace_back(Start, Index);
      }
      break;
    }
    }
  }
  for (unsigned F = 0; F < SequenceFamilies; ++F) {
    const Sequence &Wrapped = Sequences[F];
    std::vector<bool> Unsafe =
        unsafeWrapped(Wrapped.Values, visibilityOf(static_cast<Family>(F)));
    for (unsigned V = 0; V < Wrapped.Values.size(); ++V)
      if (Unsafe[V])
        std::fill(Fates.begin() + Wrapped.Owners[V].first,
                  Fates.begin() + Wrapped.Owners[V].second, Fate::Remove);
  }
  return Fates;
}

std::vector<std::string>
boundwise::sanitizeCompileCommand(tooling::CompileCommand &Command) {
  std::vector<std::string> &CommandLine = Command.CommandLine;
  if (CommandLine.empty())
    return {};
  bool IsClangCL = isClangCL(CommandLine);
  expandResponseFiles(CommandLine, Command.Directory, IsClangCL);
  std::vector<const char *> Args;
  for (const std::string &Arg : llvm::drop_begin(CommandLine))
    Args.push_back(Arg.c_str());
  std::vector<Fate> Fates =
      fatesOf(Args, Visibility(IsClangCL ? CLOption : ClangOption));

  std::vector<std::string> Kept = {CommandLine.front()};
  std::vector<std::string> Removed;
  for (unsigned I = 0; I < Args.size(); ++I) {
    if (Fates[I] == Fate::Keep)
      Kept.push_back(Args[I]);
    else if (Fates[I] == Fate::Remove)
      Removed.push_back(Args[I]);
  }
  CommandLine = std::move(Kept);
  return Removed;
}

std::vector<std::string>
boundwise::analysisCommandLine(tooling::CompileCommand Command,
                               llvm::ArrayRef<std::string> ExtraArgsBefore,
                               llvm::ArrayRef<std::string> ExtraArgs,
                               llvm::StringRef ResourceDir,
                               std::vector<std::string> *Removed) {
  std::vector<std::string> &Args = Command.CommandLine;
  Args = tooling::getInsertArgumentAdjuster(
      std::vector<std::string>(ExtraArgsBefore.begin(), ExtraArgsBefore.end()),
      tooling::ArgumentInsertPosition::BEGIN)(Args, Command.Filename);
  Args = tooling::getInsertArgumentAdjuster(
      std::vector<std::string>(ExtraArgs.begin(), ExtraArgs.end()),
      tooling::ArgumentInsertPosition::END)(Args, Command.Filename);
  std::vector<std::string> Dropped = sanitizeCompileCommand(Command);
  if (Removed)
    *Removed = std::move(Dropped);
  Args = tooling::getClangSyntaxOnlyAdjuster()(Args, Command.Filename);
  bool HasResourceDir = llvm::any_of(Args, [](llvm::StringRef Arg) {
    return Arg.starts_with("-resource-dir");
  });
  if (!HasResourceDir && !ResourceDir.empty())
    Args = tooling::getInsertArgumentAdjuster(
        ("-resource-dir=" + ResourceDir).str().c_str(),
        tooling::ArgumentInsertPosition::END)(Args, Command.Filename);
  return Args;
}

/// A compile_commands.json, refused when it nests deeper than any real one
/// (clang's reader recurses once per level).
static std::unique_ptr<clang::tooling::CompilationDatabase>
loadJSONDatabase(llvm::StringRef File, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(File);
  if (!Buffer) {
    Error = "cannot read " + File.str() + ": " + Buffer.getError().message();
    return nullptr;
  }
  if (llvm::Error Err = checkYAMLNesting((*Buffer)->getBuffer(), File)) {
    Error = llvm::toString(std::move(Err));
    return nullptr;
  }
  return tooling::JSONCompilationDatabase::loadFromBuffer(
      (*Buffer)->getBuffer(), Error,
      tooling::JSONCommandLineSyntax::AutoDetect);
}

CompilationDatabaseCache::Database
CompilationDatabaseCache::load(llvm::StringRef File, std::string &Error) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(File, Status))
    return nullptr;
  std::lock_guard<std::mutex> Lock(Mutex);
  Entry &Cached = ByFile[File];
  bool Unchanged =
      Cached.ModificationTime == Status.getLastModificationTime() &&
      Cached.Size == Status.getSize();
  if (Unchanged && (Cached.Loaded || !Cached.Error.empty())) {
    Error = Cached.Error;
    return Cached.Loaded;
  }
  Cached = {Status.getLastModificationTime(), Status.getSize(), nullptr, ""};
  std::unique_ptr<tooling::CompilationDatabase> Loaded;
  if (llvm::sys::path::filename(File) == "compile_flags.txt") {
    Loaded = tooling::FixedCompilationDatabase::loadFromFile(File, Error);
  } else {
    Loaded = loadJSONDatabase(File, Error);
    // `arm-linux-gnueabi-g++` and `clang-cl` say which target and mode.
    if (Loaded)
      Loaded = tooling::inferTargetAndDriverMode(std::move(Loaded));
  }
  if (OnLoad)
    OnLoad(File);
  // A broken database is not read again either, until it changes.
  if (!Loaded) {
    Cached.Error = Error.empty() ? "cannot read " + File.str() : Error;
    return nullptr;
  }
  // A header or a new file borrows the flags of its nearest neighbour.
  Cached.Loaded = tooling::inferMissingCompileCommands(std::move(Loaded));
  return Cached.Loaded;
}

CompilationDatabaseCache::Database
CompilationDatabaseCache::inDirectory(llvm::StringRef Directory,
                                      std::string &Error, std::string *File) {
  for (llvm::StringRef Name : {"compile_commands.json", "compile_flags.txt"}) {
    llvm::SmallString<256> Candidate(Directory);
    llvm::sys::path::append(Candidate, Name);
    if (!llvm::sys::fs::exists(Candidate))
      continue;
    if (File)
      *File = std::string(Candidate);
    return load(Candidate, Error);
  }
  Error = "no compile_commands.json or compile_flags.txt in '" +
          Directory.str() + "'";
  return nullptr;
}

CompilationDatabaseCache::Database
CompilationDatabaseCache::covering(llvm::StringRef SourceFile,
                                   std::string &Error, std::string *File) {
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
      if (File)
        *File = std::string(Candidate);
      return load(Candidate, Error);
    }
  }
  return nullptr;
}
