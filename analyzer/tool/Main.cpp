//===--- Main.cpp - The boundwise command line ----------------------------===//
//
/// \file
/// `boundwise [options] <file>... [-- <compile args>]`, with clang-tidy's
/// conventions so that it can stand where clang-tidy stands.
/// Exit codes: 0 no errors; 1 a finding promoted by --warnings-as-errors, or
/// a file that does not compile; 2 bad usage, configuration or input.
//
//===----------------------------------------------------------------------===//
#include "analyzer/Analysis.h"
#include "analyzer/Catalog.h"
#include "analyzer/CompilationSetup.h"
#include "analyzer/CompileCommands.h"
#include "analyzer/Config.h"
#include "analyzer/CrashRecovery.h"
#include "analyzer/Fixes.h"
#include "analyzer/GlobList.h"
#include "analyzer/HtmlReport.h"
#include "analyzer/NestingLimit.h"
#include "analyzer/Output.h"
#include "analyzer/Rule.h"
#include "analyzer/measure/Measure.h"

#include "analyzer/SummaryFile.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/raw_ostream.h"
#include <csignal>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

using namespace boundwise;
using namespace llvm;
using namespace clang;

static cl::OptionCategory Options("boundwise options");

static cl::list<std::string> Sources(cl::Positional,
                                     cl::desc("<source0> [... <sourceN>]"),
                                     cl::cat(Options));
static cl::opt<std::string>
    BuildPath("p",
              cl::desc("Build path: the directory of compile_commands.json"),
              cl::value_desc("dir"), cl::cat(Options));
static cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc("Additional argument to append to the compiler command"),
              cl::cat(Options));
static cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("Additional argument to prepend to the compiler command"),
    cl::cat(Options));
static cl::opt<std::string>
    Checks("checks",
           cl::desc("Comma-separated globs of rules to run; a '-' prefix "
                    "removes. Appended to the configuration's Checks, as "
                    "clang-tidy does."),
           cl::cat(Options));
static cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the configuration the first source is analysed with "
             "(.boundwise.yaml with the command line applied, every value "
             "set) as YAML, and exit"),
    cl::cat(Options));
static cl::opt<bool> ExplainConfig(
    "explain-config",
    cl::desc("For each enabled rule, say where it is enabled (the default, "
             "a configuration file, the command line), and exit"),
    cl::cat(Options));
static cl::opt<bool> VerifyConfig(
    "verify-config",
    cl::desc("Check the configuration of each source (its rule names) and "
             "exit, without analysing"),
    cl::cat(Options));
static cl::opt<bool> ListChecks("list-checks",
                                cl::desc("List the enabled rules and exit"),
                                cl::cat(Options));
static cl::opt<std::string>
    ConfigText("config",
               cl::desc("Configuration in YAML, instead of .boundwise.yaml "
                        "files: --config=\"{Checks: '-*,blocking-in-async'}\""),
               cl::cat(Options));
static cl::opt<std::string>
    ConfigFilePath("config-file",
                   cl::desc("Read the configuration from this file instead of "
                            "searching for .boundwise.yaml"),
                   cl::value_desc("path"), cl::cat(Options));
static cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Globs of rules whose findings are errors (exit code 1); "
             "appended to the configuration's WarningsAsErrors"),
    cl::cat(Options));
static cl::opt<bool> AllowNoChecks(
    "allow-no-checks",
    cl::desc("Succeed, doing nothing, when the checks enable no rule"),
    cl::cat(Options));
static cl::opt<bool>
    Verbose("verbose",
            cl::desc("Say which compile database and command each file is "
                     "analysed with"),
            cl::cat(Options));
static cl::opt<bool> Quiet("quiet",
                           cl::desc("Do not print the summary of findings"),
                           cl::cat(Options));
static cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression of headers whose findings are reported too "
             "(system headers only with --system-headers); the main file "
             "always is"),
    cl::cat(Options));
static cl::opt<std::string> ExcludeHeaderFilter(
    "exclude-header-filter",
    cl::desc("Regular expression of headers whose findings are not reported, "
             "whatever --header-filter says"),
    cl::cat(Options));
static cl::opt<bool> SystemHeaders(
    "system-headers",
    cl::desc("Report findings in system headers too (as --header-filter "
             "selects them)"),
    cl::cat(Options));
static cl::opt<std::string> LineFilter(
    "line-filter",
    cl::desc("Report only findings on these lines, as clang-tidy: a JSON "
             "array of files with line ranges, "
             "[{\"name\":\"file1.cpp\",\"lines\":[[1,3],[5,7]]},"
             "{\"name\":\"file2.h\"}]; a file without \"lines\" is "
             "reported whole, a file not listed not at all"),
    cl::cat(Options));
static cl::opt<unsigned> Jobs("j", cl::desc("Files analysed in parallel"),
                              cl::init(1), cl::cat(Options));

static cl::opt<bool> Project(
    "project",
    cl::desc("Follow calls into the other files of the compilation database "
             "(-p): each is summarised first, one more parse per file, so a "
             "chain may cross files. On by default when -p is given without "
             "sources: every file of the database, as one project"),
    cl::cat(Options));
static cl::opt<std::string> ExportSummaries(
    "export-summaries",
    cl::desc("Only summarise the sources, what their functions do, into this "
             "file (JSON), for a project's run elsewhere "
             "(--import-summaries): the map step on one machine of many"),
    cl::value_desc("file"), cl::cat(Options));
static cl::list<std::string> ImportSummaries(
    "import-summaries",
    cl::desc("Analyse as a project's run does, with the summaries these "
             "files (written by --export-summaries) hold of the project's "
             "other files"),
    cl::CommaSeparated, cl::value_desc("file,..."), cl::cat(Options));
static cl::opt<bool> Diagnose(
    "diagnose",
    cl::desc("Print the diagnosis report instead of findings: each function, "
             "I/O-bound or CPU-bound, why, and the model that fits"),
    cl::cat(Options));

enum class OutputFormat { Text, Json, Sarif, Html };
static cl::opt<OutputFormat> Format(
    "format", cl::desc("Output format"), cl::init(OutputFormat::Text),
    cl::values(clEnumValN(OutputFormat::Text, "text", "clang-tidy's format"),
               clEnumValN(OutputFormat::Json, "json", "JSON"),
               clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0"),
               clEnumValN(OutputFormat::Html, "html",
                          "one self-contained HTML page (with --diagnose, "
                          "the diagnosis table too)")),
    cl::cat(Options));
static cl::opt<bool> UseColor(
    "use-color",
    cl::desc("Colour the text output as clang does; by default only on a "
             "terminal (--use-color=false turns it off there)"),
    cl::cat(Options));
static cl::opt<bool> Fix("fix",
                         cl::desc("Apply the findings' fixes to the files in "
                                  "place (not to files with compiler errors)"),
                         cl::cat(Options));
static cl::opt<bool> FixErrors(
    "fix-errors",
    cl::desc("Apply the fixes like --fix, also to files with compiler errors"),
    cl::cat(Options));
static cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the findings and their fixes to this file as YAML for "
             "clang-apply-replacements"),
    cl::value_desc("filename"), cl::cat(Options));

static int usageError(const Twine &Message) {
  errs() << "boundwise: error: " << Message << "\n";
  return 2;
}

/// The configuration of each source, loaded once per configuration file.
struct ConfigSet {
  std::map<std::string, Config> ByPath;
  std::vector<const Config *> OfSource;
};

static Expected<ConfigSet> loadConfigs() {
  ConfigSet Set;
  if (!ConfigText.empty()) {
    auto Parsed = parseConfig(ConfigText, "--config");
    if (!Parsed)
      return Parsed.takeError();
    Set.ByPath["--config"] = std::move(*Parsed);
  } else if (!ConfigFilePath.empty()) {
    auto Parsed = loadConfigFile(ConfigFilePath);
    if (!Parsed)
      return Parsed.takeError();
    Set.ByPath[ConfigFilePath] = std::move(*Parsed);
  }
  for (const std::string &Source : Sources) {
    std::string Path = !ConfigText.empty()       ? "--config"
                       : !ConfigFilePath.empty() ? ConfigFilePath.getValue()
                                                 : findConfigFile(Source);
    if (!Set.ByPath.count(Path)) {
      Config Loaded;
      if (!Path.empty()) {
        auto Parsed = loadConfigFile(Path);
        if (!Parsed)
          return Parsed.takeError();
        Loaded = std::move(*Parsed);
      }
      Set.ByPath[Path] = std::move(Loaded);
    }
    Set.OfSource.push_back(&Set.ByPath[Path]);
  }
  return Set;
}

static std::string effective(const cl::opt<std::string> &Flag,
                             const std::optional<std::string> &FromConfig,
                             StringRef Default) {
  if (Flag.getNumOccurrences())
    return Flag;
  return FromConfig ? *FromConfig : Default.str();
}

/// A glob list of the configuration with the command line's appended, as
/// clang-tidy combines `Checks` and `--checks`: the command line's globs
/// come last, and so win.
static std::string appended(const cl::opt<std::string> &Flag,
                            const std::optional<std::string> &FromConfig,
                            StringRef Default) {
  std::string Globs = FromConfig ? *FromConfig : Default.str();
  if (StringRef(Flag).trim().empty())
    return Globs;
  return Globs.empty() ? Flag.getValue() : Globs + "," + Flag.getValue();
}

/// \p Conf with the command line's options applied and every value set:
/// what a file is analysed with, and what --dump-config prints.
static Config effectiveConfig(const Config &Conf) {
  Config Effective = Conf;
  Effective.Checks = appended(Checks, Conf.Checks, "*");
  Effective.WarningsAsErrors =
      appended(WarningsAsErrors, Conf.WarningsAsErrors, "");
  Effective.HeaderFilterRegex =
      effective(HeaderFilter, Conf.HeaderFilterRegex, "");
  Effective.ExcludeHeaderFilterRegex =
      effective(ExcludeHeaderFilter, Conf.ExcludeHeaderFilterRegex, "");
  Effective.SystemHeaders = SystemHeaders.getNumOccurrences()
                                ? SystemHeaders.getValue()
                                : Conf.SystemHeaders.value_or(false);
  const CostModel Defaults;
  CostModelConfig &Cost = Effective.CostModel;
  Cost.LoopIterations = Cost.LoopIterations.value_or(Defaults.LoopIterations);
  Cost.NestedDataLoops =
      Cost.NestedDataLoops.value_or(Defaults.NestedDataLoops);
  Cost.PerItemIterations =
      Cost.PerItemIterations.value_or(Defaults.PerItemIterations);
  return Effective;
}

/// --explain-config, as clang-tidy's: for each enabled rule, the source of
/// the glob that enables it (the last that matches it decides).
static int explainConfig(const Config &Conf, StringRef ConfigName) {
  std::string FromConfig = Conf.Checks.value_or("*");
  size_t ConfigGlobs = GlobList(FromConfig).size();
  std::string Globs = appended(Checks, Conf.Checks, "*");
  GlobList All(Globs);
  for (const std::string &Rule : enabledRules(Globs)) {
    std::string Origin = *All.decidingGlob(Rule) >= ConfigGlobs
                             ? "the command line (--checks)"
                         : Conf.Checks ? ConfigName.str()
                                       : "the default ('*')";
    outs() << "'" << Rule << "' is enabled in " << Origin << ".\n";
  }
  return 0;
}

/// An unknown rule name in a check list is an error, as a typo would
/// otherwise silently disable the check.
static Error validateChecks(StringRef Globs) {
  std::vector<std::string> Malformed = malformedChecks(Globs);
  if (!Malformed.empty())
    return createStringError("a malformed glob in the checks: " +
                             Malformed.front());
  std::vector<std::string> Unknown = unknownChecks(Globs);
  if (Unknown.empty())
    return Error::success();
  return createStringError("unknown check '" + Unknown.front() +
                           "'; --list-checks shows the known ones");
}

/// --verify-config, as clang-tidy's: every configuration read (each parsed
/// already, or the run would have stopped) names only known rules in its
/// Checks and WarningsAsErrors, and so does the command line.
static int verifyConfigs(const ConfigSet &Configs) {
  bool Failed = false;
  auto Verify = [&](StringRef Where, StringRef Key,
                    const std::optional<std::string> &Globs) {
    if (!Globs)
      return;
    for (const std::string &Glob : malformedChecks(*Globs)) {
      errs() << Where << ": " << Key << ": malformed glob " << Glob << "\n";
      Failed = true;
    }
    for (const std::string &Name : unknownChecks(*Globs)) {
      errs() << Where << ": " << Key << ": unknown check '" << Name << "'\n";
      Failed = true;
    }
  };
  for (const auto &[Path, Conf] : Configs.ByPath) {
    StringRef Where = Path.empty() ? StringRef("(no configuration)") : Path;
    Verify(Where, "Checks", Conf.Checks);
    Verify(Where, "WarningsAsErrors", Conf.WarningsAsErrors);
  }
  if (Checks.getNumOccurrences())
    Verify("command line", "--checks", Checks.getValue());
  if (WarningsAsErrors.getNumOccurrences())
    Verify("command line", "--warnings-as-errors", WarningsAsErrors.getValue());
  if (Failed)
    return 1;
  outs() << "No config errors detected.\n";
  return 0;
}

/// The command line's header filters compile as regular expressions (a
/// configuration's are checked as it is read): an invalid one would match
/// nothing and hide every header's finding without a word.
static Error validateHeaderFilters() {
  for (const cl::opt<std::string> *Flag :
       {&HeaderFilter, &ExcludeHeaderFilter}) {
    std::string Reason;
    if (!Flag->getValue().empty() &&
        !llvm::Regex(Flag->getValue()).isValid(Reason))
      return createStringError("--" + Flag->ArgStr + " '" + Flag->getValue() +
                               "' is not a regular expression: " + Reason);
  }
  return Error::success();
}

/// What stands for a file whose analysis crashed: its error, no findings
/// (what the crashed run left behind cannot be trusted).
static FileResult crashedResult(const std::string &Source) {
  FileResult Crashed;
  Crashed.File = Source;
  Crashed.FatalError = crashedMessage(Source);
  return Crashed;
}

/// For --verbose: the commands \p Source is analysed with, as they run,
/// and where they come from. One write, so that -j does not mix lines.
static void sayCommands(StringRef Source, StringRef AbsoluteSource,
                        StringRef Origin,
                        const tooling::CompilationDatabase &Database,
                        StringRef ResourceDir) {
  std::string Said;
  for (const tooling::CompileCommand &Command :
       Database.getCompileCommands(AbsoluteSource))
    Said += ("boundwise: " + Source + ": compile command from " + Origin +
             ": [" + Command.Directory + "] " +
             join(analysisCommandLine(Command, ExtraArgsBefore, ExtraArgs,
                                      ResourceDir),
                  " ") +
             "\n")
                .str();
  errs() << Said;
}

/// Where the files of a run find their commands, and boundwise its headers.
struct CommandSources {
  const tooling::CompilationDatabase *FixedDatabase;
  /// Where FixedDatabase comes from, for --verbose.
  StringRef FixedOrigin;
  CompilationDatabaseCache &Databases;
  StringRef ResourceDir;
};

/// One file's request, and the database its commands are in.
struct PreparedSource {
  AnalysisRequest Request;
  CompilationDatabaseCache::Database Owned;
  /// The working directory of its first command.
  std::string Directory;
};

/// The request for one file with its own compilation database and catalog;
/// none when the file does not exist. \p Source is named as the user named
/// it, \p AbsoluteSource resolved against the working directory boundwise
/// started in. With \p Say, a missing command and --verbose are said.
static std::optional<PreparedSource>
prepareSource(const std::string &Source, const std::string &AbsoluteSource,
              const Config &Conf, const Catalog &TheCatalog,
              const CommandSources &Commands, bool Say) {
  if (!sys::fs::exists(AbsoluteSource))
    return std::nullopt;
  PreparedSource Prepared;
  const tooling::CompilationDatabase *Database = Commands.FixedDatabase;
  std::string Origin = Commands.FixedOrigin.str();
  if (!Database) {
    std::string Error;
    Prepared.Owned =
        Commands.Databases.covering(AbsoluteSource, Error, &Origin);
    if (!Prepared.Owned && !Error.empty() && Say)
      errs() << "boundwise: warning: " << Error << "\n";
    Database = Prepared.Owned.get();
  }
  // A file no database covers is still analysed, as clangd does.
  if (!Database || Database->getCompileCommands(AbsoluteSource).empty()) {
    if (Say)
      errs() << "boundwise: no compile command for " << Source
             << "; analysing with default flags\n";
    std::vector<std::string> Flags;
    // C++ unless the file says C: a `.h` is a C++ header, as in clangd.
    if (sys::path::extension(Source) != ".c")
      Flags = {"--driver-mode=g++", "-std=c++20"};
    Prepared.Owned =
        std::make_shared<tooling::FixedCompilationDatabase>(".", Flags);
    Database = Prepared.Owned.get();
    Origin = "the default flags";
  }
  if (Verbose && Say)
    sayCommands(Source, AbsoluteSource, Origin, *Database,
                Commands.ResourceDir);

  AnalysisRequest &Request = Prepared.Request;
  Request.File = AbsoluteSource;
  Request.Database = Database;
  Request.Options.TheCatalog = &TheCatalog;
  Config Effective = effectiveConfig(Conf);
  Request.Options.EnabledRules = enabledRules(*Effective.Checks);
  Request.Options.HeaderFilterRegex = *Effective.HeaderFilterRegex;
  Request.Options.ExcludeHeaderFilterRegex =
      *Effective.ExcludeHeaderFilterRegex;
  Request.Options.SystemHeaders = *Effective.SystemHeaders;
  Request.Options.Cost.LoopIterations = *Effective.CostModel.LoopIterations;
  Request.Options.Cost.NestedDataLoops = *Effective.CostModel.NestedDataLoops;
  Request.Options.Cost.PerItemIterations =
      *Effective.CostModel.PerItemIterations;
  Request.Options.Diagnose = Diagnose;
  Request.ResourceDir = Commands.ResourceDir.str();
  Request.ExtraArgsBefore = ExtraArgsBefore;
  Request.ExtraArgs = ExtraArgs;
  std::vector<tooling::CompileCommand> Found =
      Database->getCompileCommands(AbsoluteSource);
  if (!Found.empty())
    Prepared.Directory = Found.front().Directory;
  return Prepared;
}

/// Runs on one file, with what \p Project (when given) says of the
/// functions the project's other files define.
static FileResult analyzeSource(const std::string &Source,
                                const std::string &AbsoluteSource,
                                const Config &Conf, const Catalog &TheCatalog,
                                const CommandSources &Commands,
                                const SummaryIndex *Project) {
  std::optional<PreparedSource> Prepared = prepareSource(
      Source, AbsoluteSource, Conf, TheCatalog, Commands, /*Say=*/true);
  if (!Prepared) {
    FileResult Missing;
    Missing.File = Source;
    Missing.FatalError = "no such file: " + Source;
    return Missing;
  }
  Prepared->Request.Options.ProjectSummaries = Project;
  FileResult Result = analyzeFile(Prepared->Request);
  Result.File = Source;
  Result.Directory = Prepared->Directory;
  Config Effective = effectiveConfig(Conf);
  GlobList AsErrors(*Effective.WarningsAsErrors);
  for (Finding &F : Result.Findings)
    F.AsError = F.Level == Severity::Warning && AsErrors.contains(F.Rule);
  return Result;
}

/// The map step of a project's analysis: the summaries of \p Files, in
/// parallel, merged (a function defined in several files keeps its first
/// summary). A file among \p AbsoluteSources is read with its own
/// configuration, any other with the first source's.
static SummaryIndex summarizeFiles(
    const std::vector<std::string> &Files,
    ArrayRef<std::string> AbsoluteSources, const ConfigSet &Configs,
    const std::map<const Config *, std::unique_ptr<Catalog>> &Catalogs,
    const CommandSources &Commands) {
  std::map<std::string, const Config *> ConfigOf;
  for (size_t I = 0; I < AbsoluteSources.size(); ++I)
    ConfigOf[AbsoluteSources[I]] = Configs.OfSource[I];
  if (!Quiet)
    errs() << "boundwise: summarising the " << Files.size()
           << " files of the project\n";
  std::vector<SummaryIndex> PerFile(Files.size());
  {
    DefaultThreadPool Pool(hardware_concurrency(Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] {
        auto Own = ConfigOf.find(Files[I]);
        const Config &Conf =
            Own != ConfigOf.end() ? *Own->second : *Configs.OfSource.front();
        std::optional<PreparedSource> Prepared =
            prepareSource(Files[I], Files[I], Conf, *Catalogs.at(&Conf),
                          Commands, /*Say=*/false);
        if (Prepared)
          runOnAnalysisStack(
              [&] { PerFile[I] = summarizeFile(Prepared->Request); });
      });
    Pool.wait();
  }
  SummaryIndex Merged;
  for (SummaryIndex &File : PerFile)
    Merged.merge(std::move(File));
  return Merged;
}

/// Writes \p Summaries to --export-summaries' file; the exit status.
static int exportSummaries(const SummaryIndex &Summaries) {
  std::error_code Error;
  raw_fd_ostream Out(ExportSummaries, Error);
  if (!Error) {
    Out << writeSummaries(Summaries);
    Out.close();
    Error = Out.error();
  }
  if (Error) {
    errs() << "boundwise: error: cannot write '" << ExportSummaries
           << "': " << Error.message() << "\n";
    return 2;
  }
  return 0;
}

/// The summaries of one --import-summaries file.
static Expected<SummaryIndex> importSummaries(StringRef File) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Text = MemoryBuffer::getFile(File);
  if (!Text)
    return createStringError(Text.getError(), "cannot read '" + File + "': " +
                                                  Text.getError().message());
  return readSummaries((*Text)->getBuffer(), File);
}

/// One entry of --line-filter: a file (matched as a suffix of the path, on
/// a path component boundary) and its inclusive line ranges; no ranges means
/// the whole file.
struct FileLineFilter {
  std::string Name;
  std::vector<std::pair<unsigned, unsigned>> Lines;
};

/// Parses --line-filter's JSON; an empty string is no filter.
static Expected<std::vector<FileLineFilter>> parseLineFilter(StringRef Text) {
  std::vector<FileLineFilter> Filters;
  if (Text.trim().empty())
    return Filters;
  auto Malformed = [](const Twine &Why) {
    return createStringError("invalid --line-filter: " + Why);
  };
  if (Error Err = checkJSONNesting(Text, "--line-filter"))
    return Malformed(toString(std::move(Err)));
  nlohmann::json Parsed =
      nlohmann::json::parse(Text.begin(), Text.end(), nullptr,
                            /*allow_exceptions=*/false);
  if (Parsed.is_discarded())
    return Malformed("not JSON");
  if (!Parsed.is_array())
    return Malformed("expected an array of {\"name\": ..., \"lines\": ...}");
  for (const nlohmann::json &Entry : Parsed) {
    auto Name = Entry.is_object() ? Entry.find("name") : Entry.end();
    if (!Entry.is_object() || Name == Entry.end() || !Name->is_string() ||
        Name->get_ref<const std::string &>().empty())
      return Malformed("each entry needs a non-empty \"name\"");
    FileLineFilter Filter;
    Filter.Name = Name->get<std::string>();
    auto Lines = Entry.find("lines");
    if (Lines != Entry.end()) {
      if (!Lines->is_array())
        return Malformed("\"lines\" of '" + Filter.Name +
                         "' is not an array of [first, last] pairs");
      for (const nlohmann::json &Range : *Lines) {
        bool IsPair = Range.is_array() && Range.size() == 2 &&
                      Range[0].is_number_unsigned() &&
                      Range[1].is_number_unsigned();
        if (!IsPair)
          return Malformed("\"lines\" of '" + Filter.Name +
                           "' is not an array of [first, last] pairs");
        Filter.Lines.emplace_back(Range[0].get<unsigned>(),
                                  Range[1].get<unsigned>());
      }
    }
    Filters.push_back(std::move(Filter));
  }
  return Filters;
}

/// Whether Path names the filter's file: the same path, or one ending in
/// it after a separator (`src/a.cpp` names `/repo/src/a.cpp`).
static bool namesFile(StringRef Path, StringRef Name) {
  if (!Path.ends_with(Name))
    return false;
  if (Path.size() == Name.size())
    return true;
  return sys::path::is_separator(Path[Path.size() - Name.size() - 1]);
}

/// clang-tidy's rule: the first filter naming the file decides.
static bool passesLineFilter(ArrayRef<FileLineFilter> Filters,
                             const DiagLocation &Loc) {
  for (const FileLineFilter &Filter : Filters) {
    if (!namesFile(Loc.File, Filter.Name))
      continue;
    if (Filter.Lines.empty())
      return true;
    return llvm::any_of(Filter.Lines, [&](const auto &Range) {
      return Range.first <= Loc.Line && Loc.Line <= Range.second;
    });
  }
  return false;
}

/// As in clang-tidy, a finding is kept when its location or one of its
/// notes' is on a filtered line (a blocking call added deep in a chain
/// still reports the chain), and compiler errors are always kept.
static bool passesLineFilter(ArrayRef<FileLineFilter> Filters,
                             const Finding &F) {
  if (Filters.empty() || F.Rule == "clang-diagnostic-error")
    return true;
  return passesLineFilter(Filters, F.Loc) ||
         llvm::any_of(F.Notes, [&](const FindingNote &Note) {
           return passesLineFilter(Filters, Note.Loc);
         });
}

/// Drops the findings an earlier file of the run already reported: a
/// header's finding is made once per translation unit that includes it, and
/// reported once. Files are given in the order they are reported.
class RepeatedFindings {
public:
  /// In a project's run (\p ProjectFiles, the database's files), a finding
  /// of a rule that reports once per root cause (RuleInfo) whose chain ends
  /// in another of the project's files is dropped when an earlier one ends
  /// in the same operation.
  explicit RepeatedFindings(std::set<std::string> ProjectFiles)
      : ProjectFiles(std::move(ProjectFiles)) {
    for (const RuleInfo &Info : allRules())
      if (Info.OncePerRootCause)
        OncePerRootCause.insert(Info.Name.str());
  }

  void dropFrom(FileResult &Result) {
    llvm::erase_if(Result.Findings, [&](const Finding &F) {
      if (!Seen.insert(
                   {F.Loc.File, F.Loc.Line, F.Loc.Column, F.Rule, F.Message})
               .second)
        return true;
      if (!isRepeatedCause(F, Result.Directory))
        return false;
      ++SameCause;
      return true;
    });
  }

  /// How many findings were dropped for a root cause already reported.
  unsigned sameCause() const { return SameCause; }

private:
  bool isRepeatedCause(const Finding &F, StringRef Directory) {
    if (F.Notes.empty() || !OncePerRootCause.count(F.Rule))
      return false;
    const DiagLocation &Root = F.Notes.back().Loc;
    std::string RootFile = absolutePathIn(Directory, Root.File);
    if (!ProjectFiles.count(RootFile) ||
        RootFile == absolutePathIn(Directory, F.Loc.File))
      return false;
    return !Causes.insert({F.Rule, RootFile, Root.Line, Root.Column}).second;
  }

  std::set<std::string> ProjectFiles;
  std::set<std::string> OncePerRootCause;
  unsigned SameCause = 0;
  std::set<
      std::tuple<std::string, unsigned, unsigned, std::string, std::string>>
      Seen;
  std::set<std::tuple<std::string, std::string, unsigned, unsigned>> Causes;
};

/// The working directory: reports show paths relative to it.
static std::string currentDirectory() {
  SmallString<256> Directory;
  sys::fs::current_path(Directory);
  return std::string(Directory);
}

/// Prints the diagnosis report; only files that could not be analysed fail.
static int reportDiagnosis(const std::vector<FileResult> &Results) {
  if (Format == OutputFormat::Json)
    printDiagnosisJson(Results, outs());
  else if (Format == OutputFormat::Html)
    printHtml(Results, currentDirectory(), outs());
  else
    printDiagnosisText(Results, currentDirectory(), outs());
  outs().flush();
  bool Failed = false;
  for (const FileResult &Result : Results)
    if (!Result.FatalError.empty()) {
      errs() << "boundwise: error: " << Result.FatalError << "\n";
      Failed = true;
    }
  return Failed ? 2 : 0;
}

/// The installed documentation of a rule (rules/docs/<rule>.md) in
/// \p Pages, or nothing when it cannot be read.
static std::string readRulePage(StringRef Pages, StringRef Rule) {
  SmallString<256> Page(Pages);
  sys::path::append(Page, Rule + ".md");
  auto Buffer = MemoryBuffer::getFile(Page);
  return Buffer ? (*Buffer)->getBuffer().str() : "";
}

/// Takes each file's result as its analysis finishes and hands the results
/// on in the order of the files on the command line, each as soon as those
/// before it are done: a long run shows its findings as it goes, in the
/// same order every time. On a terminal, `[done/total] file` on stderr, as
/// run-clang-tidy prints.
class ResultsInOrder {
public:
  ResultsInOrder(std::vector<FileResult> &Results,
                 std::function<void(FileResult &)> OnNext, bool ShowProgress)
      : Results(Results), Done(Results.size(), false),
        OnNext(std::move(OnNext)), ShowProgress(ShowProgress) {}

  void add(size_t I, FileResult Result) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Results[I] = std::move(Result);
    Done[I] = true;
    ++Finished;
    if (ShowProgress)
      errs() << "[" << Finished << "/" << Results.size() << "] "
             << Results[I].File << "\n";
    for (; Next < Results.size() && Done[Next]; ++Next)
      OnNext(Results[Next]);
  }

private:
  std::mutex Mutex;
  std::vector<FileResult> &Results;
  std::vector<bool> Done;
  size_t Next = 0, Finished = 0;
  std::function<void(FileResult &)> OnNext;
  bool ShowProgress;
};

/// clang-tidy's line on the findings NOLINT suppressed, so that none
/// disappears without a word. (Async code in headers outside the header
/// filter is not looked into, so there is no count of those to give.)
static void saySuppressed(const std::vector<FileResult> &Results) {
  unsigned Nolint = 0;
  for (const FileResult &Result : Results)
    Nolint += Result.SuppressedByNolint;
  if (Nolint)
    errs() << "Suppressed " << Nolint << " warning" << (Nolint == 1 ? "" : "s")
           << " (" << Nolint << " NOLINT).\n";
}

/// Prints the findings in the chosen format and returns the exit code.
/// \p RulePages is the directory of the rule pages.
static int report(const std::vector<FileResult> &Results, StringRef RulePages) {
  if (Diagnose)
    return reportDiagnosis(Results);
  switch (Format) {
  case OutputFormat::Text:
    // Printed file by file, as each was done.
    break;
  case OutputFormat::Json:
    printJson(Results, outs());
    break;
  case OutputFormat::Sarif:
    printSarif(
        Results, currentDirectory(),
        [&](StringRef Rule) { return readRulePage(RulePages, Rule); }, outs());
    break;
  case OutputFormat::Html:
    printHtml(Results, currentDirectory(), outs());
    break;
  }
  outs().flush();
  unsigned Warnings = 0, Errors = 0;
  bool Failed = false, CompileErrors = false;
  for (const FileResult &Result : Results) {
    if (!Result.FatalError.empty()) {
      errs() << "boundwise: error: " << Result.FatalError << "\n";
      Failed = true;
    }
    CompileErrors |= Result.HasCompilerErrors;
    for (const Finding &F : Result.Findings)
      ++(F.Level == Severity::Error || F.AsError ? Errors : Warnings);
  }
  if (!Quiet && Warnings)
    errs() << Warnings << " warning" << (Warnings == 1 ? "" : "s")
           << " generated.\n";
  if (!Quiet && Errors)
    errs() << Errors << " error" << (Errors == 1 ? "" : "s") << " generated.\n";
  if (!Quiet)
    saySuppressed(Results);
  if (CompileErrors)
    errs() << "Found compiler error(s).\n";
  if (Failed)
    return 2;
  return Errors ? 1 : 0;
}

static void printVersion(raw_ostream &OS) {
  OS << "boundwise version " << BOUNDWISE_VERSION << " (LLVM "
     << LLVM_VERSION_STRING << ")\n";
}

int main(int Argc, const char **Argv) {
  InitLLVM Init(Argc, Argv);
  if (Argc > 1 && StringRef(Argv[1]) == "measure")
    return runMeasure(Argc, Argv);
  std::string FixedError;
  // Everything after `--` is the compile command, as for clang-tidy.
  std::unique_ptr<tooling::FixedCompilationDatabase> Fixed =
      tooling::FixedCompilationDatabase::loadFromCommandLine(Argc, Argv,
                                                             FixedError);
  cl::HideUnrelatedOptions(Options);
  cl::SetVersionPrinter(printVersion);
  if (!cl::ParseCommandLineOptions(
          Argc, Argv,
          "boundwise: what is this code waiting for, and does its "
          "concurrency model fit?\n\n"
          "  boundwise [options] <source>... [-- <compile flags>]\n"
          "  boundwise measure [--format=text|json] [--output=FILE] -- "
          "<command> [args...]\n"
          "      runs a program and measures what it waits for "
          "(boundwise measure --help)\n",
          &errs()))
    return 2;
  enableCrashRecovery();
  outs().enable_colors(UseColor.getNumOccurrences() ? UseColor.getValue()
                                                    : outs().has_colors());

  // Each database is read once, however many of the sources it covers.
  CompilationDatabaseCache Databases;
  bool WholeProject = Project;
  bool ListsOnly = ListChecks || DumpConfig || ExplainConfig || VerifyConfig;
  if (Sources.empty() && !Fixed && !BuildPath.empty() && !ListsOnly) {
    std::string Error;
    CompilationDatabaseCache::Database All =
        Databases.inDirectory(BuildPath, Error);
    if (!All)
      return usageError("no compilation database in '" + BuildPath +
                        "': " + Error);
    for (const std::string &File : All->getAllFiles())
      Sources.push_back(File);
    WholeProject = true;
  }
  auto Configs = loadConfigs();
  if (!Configs)
    return usageError(toString(Configs.takeError()));
  // Without sources (--list-checks), --config and --config-file still
  // count.
  static const Config NoConfig;
  auto Inline = Configs->ByPath.find(
      ConfigText.empty() ? ConfigFilePath.getValue() : std::string("--config"));
  const Config &First = !Configs->OfSource.empty() ? *Configs->OfSource.front()
                        : Inline != Configs->ByPath.end() ? Inline->second
                                                          : NoConfig;
  if (VerifyConfig)
    return verifyConfigs(*Configs);
  if (ExplainConfig) {
    std::string FirstName;
    for (const auto &[Path, Conf] : Configs->ByPath)
      if (&Conf == &First)
        FirstName = Path;
    return explainConfig(First, FirstName);
  }
  if (DumpConfig) {
    dumpConfig(effectiveConfig(First), outs());
    return 0;
  }
  std::string CheckGlobs = appended(Checks, First.Checks, "*");
  if (Error Err = validateChecks(CheckGlobs))
    return usageError(toString(std::move(Err)));
  if (ListChecks) {
    outs() << "Enabled checks:\n";
    for (const std::string &Name : enabledRules(CheckGlobs))
      outs() << "    " << Name << "\n";
    return 0;
  }
  if (Sources.empty())
    return usageError("no input files; run boundwise --help for usage");
  auto Filters = parseLineFilter(LineFilter);
  if (!Filters)
    return usageError(toString(Filters.takeError()));
  if (Error Err = validateHeaderFilters())
    return usageError(toString(std::move(Err)));
  if (Diagnose && Format == OutputFormat::Sarif)
    return usageError("--diagnose prints text or JSON, not SARIF");
  if (enabledRules(CheckGlobs).empty()) {
    if (AllowNoChecks)
      return 0;
    return usageError("no checks enabled by '" + CheckGlobs +
                      "'; --allow-no-checks makes that a success");
  }

  std::string ExecutableDir = executableDirectory(Argv[0]);
  auto BaseFiles = loadCatalogDirectory(catalogDirectory(ExecutableDir));
  if (!BaseFiles)
    return usageError("cannot load the API catalog: " +
                      toString(BaseFiles.takeError()));
  // One catalog per configuration: the base plus the project's entries.
  std::map<const Config *, std::unique_ptr<Catalog>> Catalogs;
  for (const auto &[Path, Conf] : Configs->ByPath) {
    std::vector<CatalogFile> Files = *BaseFiles;
    llvm::append_range(Files, projectCatalogs(Conf));
    Catalogs[&Conf] =
        std::make_unique<Catalog>(std::move(Files), Conf.DisabledApis);
  }
  CompilationDatabaseCache::Database Database = std::move(Fixed);
  std::string DatabaseOrigin = "the command line after --";
  if (!Database && !BuildPath.empty()) {
    std::string Error;
    Database = Databases.inDirectory(BuildPath, Error, &DatabaseOrigin);
    if (!Database)
      return usageError("no compilation database in '" + BuildPath +
                        "': " + Error);
  }

  std::string ResourceDir = clangResourceDirectory(ExecutableDir);
  // Resolved here, once: no worker depends on the working directory.
  std::vector<std::string> AbsoluteSources;
  for (const std::string &Source : Sources) {
    SmallString<256> Absolute(Source);
    if (std::error_code Error = sys::fs::make_absolute(Absolute))
      return usageError("cannot resolve '" + Source +
                        "' against the working directory: " + Error.message());
    AbsoluteSources.push_back(std::string(Absolute));
  }
  CommandSources Commands{Database.get(), DatabaseOrigin, Databases,
                          ResourceDir};
  if (!ExportSummaries.empty())
    return exportSummaries(summarizeFiles(AbsoluteSources, AbsoluteSources,
                                          *Configs, Catalogs, Commands));
  SummaryIndex ProjectSummaries;
  if (WholeProject) {
    if (!Database)
      return usageError("--project needs the project's compilation database "
                        "(-p <build directory>)");
    ProjectSummaries = summarizeFiles(Database->getAllFiles(), AbsoluteSources,
                                      *Configs, Catalogs, Commands);
  }
  for (const std::string &File : ImportSummaries) {
    Expected<SummaryIndex> Imported = importSummaries(File);
    if (!Imported)
      return usageError(toString(Imported.takeError()));
    ProjectSummaries.merge(std::move(*Imported));
  }
  bool ProjectRun = WholeProject || !ImportSummaries.empty();
  if (ProjectRun)
    ProjectSummaries.addVirtualDispatches();
  std::vector<FileResult> Results(Sources.size());
  RepeatedFindings Repeats(ProjectRun ? ProjectSummaries.sourceFiles()
                                      : std::set<std::string>());
  ResultsInOrder Finished(
      Results,
      [&](FileResult &Result) {
        llvm::erase_if(Result.Findings, [&](const Finding &F) {
          return !passesLineFilter(*Filters, F);
        });
        Repeats.dropFrom(Result);
        if (!Diagnose && Format == OutputFormat::Text) {
          printText({Result}, outs());
          outs().flush();
        }
      },
      /*ShowProgress=*/!Quiet && sys::Process::StandardErrIsDisplayed());
  {
    DefaultThreadPool Pool(hardware_concurrency(Jobs));
    for (size_t I = 0; I < Sources.size(); ++I)
      Pool.async([&, I] {
        const Config &Conf = *Configs->OfSource[I];
        FileResult Result;
        bool Completed = runOnAnalysisStack([&] {
          Result = analyzeSource(Sources[I], AbsoluteSources[I], Conf,
                                 *Catalogs[&Conf], Commands,
                                 ProjectRun ? &ProjectSummaries : nullptr);
        });
        Finished.add(I,
                     Completed ? std::move(Result) : crashedResult(Sources[I]));
      });
    Pool.wait();
  }
  int Status = report(Results, rulePagesDirectory(ExecutableDir));
  if (!Quiet && Repeats.sameCause())
    errs() << "Not shown: " << Repeats.sameCause() << " more finding"
           << (Repeats.sameCause() == 1 ? "" : "s")
           << " whose work in another file an earlier finding reports (one "
              "per root cause in a project's run).\n";
  // Exported before --fix changes the offsets they refer to.
  if (!ExportFixes.empty())
    if (Error Err = exportFixes(Results, ExportFixes)) {
      errs() << "boundwise: error: " << toString(std::move(Err)) << "\n";
      Status = 2;
    }
  if (Fix || FixErrors) {
#ifdef SIGXFSZ
    // Past the file size limit (ulimit -f) a write fails with EFBIG, so that
    // the file is named and left intact, instead of the signal killing us.
    std::signal(SIGXFSZ, SIG_IGN);
#endif
    FixSummary Fixed = applyFixes(
        Results, FixErrors ? ErrorPolicy::FixAnyway : ErrorPolicy::LeaveAlone,
        errs());
    if (!Quiet && Fixed.Offered) {
      errs() << "boundwise applied " << Fixed.Applied << " of " << Fixed.Offered
             << " suggested fixes";
      if (Fixed.Skipped)
        errs() << "; " << Fixed.Skipped << " skipped (in a macro expansion)";
      errs() << ".\n";
    }
    if (Fixed.FailedFiles)
      Status = 2;
  }
  return Status;
}
