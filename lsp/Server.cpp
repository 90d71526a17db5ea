//===--- Server.cpp - The language server's C++ API -----------------------===//
#include "lsp/Server.h"
#include "lsp/Logger.h"

#include "analyzer/Rule.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Path.h"

using namespace boundwise;
using namespace boundwise::lsp;

Server::Server(std::vector<CatalogFile> BaseCatalog, Options Opts,
               Callbacks &Results)
    : BaseCatalog(std::move(BaseCatalog)), Opts(std::move(Opts)),
      Results(Results), Databases([](llvm::StringRef File) {
        log("loaded the compilation database " + File);
      }),
      Work(this->Opts.Scheduling) {}

Server::~Server() = default;

void Server::addDocument(llvm::StringRef Path, std::string Contents,
                         int Version) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Document &Doc = Documents[Path];
    Doc.Contents = Contents;
    Doc.Version = Version;
  }
  scheduleAnalysis(Path, std::move(Contents), Version);
  reanalyzeDependents(Path);
}

void Server::savedDocument(llvm::StringRef Path) { reanalyzeDependents(Path); }

void Server::reanalyzeDependents(llvm::StringRef Path) {
  std::vector<std::tuple<std::string, std::string, int>> Dependents;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    for (const auto &Entry : Documents)
      if (Entry.first() != Path &&
          llvm::is_contained(Entry.second.Dependencies, Path))
        Dependents.emplace_back(Entry.first().str(), Entry.second.Contents,
                                Entry.second.Version);
  }
  // Sorted, so that tests see the documents in a stable order.
  llvm::sort(Dependents);
  for (auto &[Dependent, Contents, Version] : Dependents) {
    vlog("re-analysing " + Dependent + ": it reads " + Path);
    scheduleAnalysis(Dependent, std::move(Contents), Version);
  }
}

void Server::removeDocument(llvm::StringRef Path) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Documents.erase(Path);
  }
  // A running analysis of it stops at its next cancellation point; its
  // preamble goes with the last task that holds it.
  Work.cancel(Path);
  reanalyzeDependents(Path);
}

std::optional<std::string> Server::documentText(llvm::StringRef Path) const {
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Documents.find(Path);
  if (It == Documents.end())
    return std::nullopt;
  return It->second.Contents;
}

void Server::withSnapshot(
    llvm::StringRef Path,
    llvm::unique_function<void(std::shared_ptr<const Snapshot>)> Action) {
  Work.read(Path,
            [this, Path = Path.str(), Action = std::move(Action)]() mutable {
              std::shared_ptr<const Snapshot> Latest;
              {
                std::lock_guard<std::mutex> Lock(Mutex);
                auto It = Documents.find(Path);
                if (It != Documents.end())
                  Latest = It->second.Latest;
              }
              Action(std::move(Latest));
            });
}

/// Why \p Checks cannot be used, or nothing when it can. A project may
/// switch every rule off; an editor setting that does is a mistake.
static std::optional<std::string> checksProblem(llvm::StringRef Checks,
                                                bool MustEnableARule) {
  std::vector<std::string> Malformed = malformedChecks(Checks);
  if (!Malformed.empty())
    return "a malformed glob " + Malformed.front();
  std::vector<std::string> Unknown = unknownChecks(Checks);
  if (!Unknown.empty())
    return "there is no rule '" + Unknown.front() + "'";
  if (MustEnableARule && enabledRules(Checks).empty())
    return "'" + Checks.str() + "' enables no rule";
  return std::nullopt;
}

void Server::applySettings(const ServerSettings &Sent) {
  std::vector<std::string> Problems = Sent.problems;
  ServerSettings New = Sent;
  if (New.checks)
    if (std::optional<std::string> Problem =
            checksProblem(*New.checks, /*MustEnableARule=*/false)) {
      Problems.push_back("ignored the setting \"checks\": " + *Problem);
      New.checks.reset();
    }
  bool FlagsChanged;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    FlagsChanged =
        (New.fallbackFlags && New.fallbackFlags != Settings.fallbackFlags) ||
        (New.compilationDatabasePath &&
         New.compilationDatabasePath != Settings.compilationDatabasePath) ||
        (New.checks && New.checks != Settings.checks);
    if (New.fallbackFlags)
      Settings.fallbackFlags = New.fallbackFlags;
    if (New.compilationDatabasePath)
      Settings.compilationDatabasePath = New.compilationDatabasePath;
    if (New.inlayHints)
      Settings.inlayHints = New.inlayHints;
    if (New.checks)
      Settings.checks = New.checks;
  }
  // Said before the new analyses, which may have problems of their own.
  for (const std::string &Problem : Problems)
    Results.onProblem(Problem);
  if (FlagsChanged)
    reanalyzeAll();
}

void Server::tellProblem(const std::string &Message) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (!ToldProblems.insert(Message).second)
      return;
  }
  Results.onProblem(Message);
}

bool Server::inlayHintsEnabled() const {
  std::lock_guard<std::mutex> Lock(Mutex);
  return Settings.inlayHints.value_or(true);
}

void Server::reanalyzeAll() {
  std::vector<std::tuple<std::string, std::string, int>> Open;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Setups.clear();
    for (const auto &Entry : Documents)
      Open.emplace_back(Entry.first().str(), Entry.second.Contents,
                        Entry.second.Version);
  }
  // Sorted, so that tests see the documents in a stable order.
  llvm::sort(Open);
  for (auto &[Path, Contents, Version] : Open)
    scheduleAnalysis(Path, std::move(Contents), Version);
}

void Server::scheduleAnalysis(llvm::StringRef Path, std::string Contents,
                              int Version) {
  uint64_t Generation;
  std::shared_ptr<PreambleCache> Preamble;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = Documents.find(Path);
    if (It == Documents.end())
      return;
    Generation = It->second.Generation = ++LastGeneration;
    Preamble = It->second.Preamble;
  }
  Work.update(Path, [this, Path = Path.str(), Contents = std::move(Contents),
                     Version, Generation,
                     Preamble = std::move(Preamble)]() mutable {
    // Whether a newer analysis was scheduled, the document closed, or the
    // server stopped.
    auto IsStale = [this, &Path, Generation] {
      std::lock_guard<std::mutex> Lock(Mutex);
      return !currentDocument(Path, Generation);
    };
    auto Drop = [&](llvm::StringRef When) {
      vlog("stopped the analysis of " + Path + " version " +
           llvm::Twine(Version) + " " + When +
           ": a newer version or a close replaced it");
    };
    if (IsStale()) {
      Drop("before it started");
      return;
    }
    AnalysisInputs Inputs;
    std::shared_ptr<const ProjectSetup> Setup;
    Inputs.Contents = std::move(Contents);
    if (!prepareInputs(Path, Inputs, Setup))
      return;
    Inputs.IsStale = IsStale;
    auto Result = std::make_shared<Snapshot>();
    Result->Path = Path;
    Result->Version = Version;
    AnalysisOutput Output = analyzeDocument(Inputs, *Preamble);
    Scheduler::excludeFromRebuildTime(Output.PreambleBuildTime);
    if (Output.Cancelled) {
      Drop("between two phases");
      return;
    }
    Result->Result = std::move(Output.Result);
    Result->Contents = std::move(Inputs.Contents);
    Result->Directory = std::move(Inputs.Command.Directory);
    if (!Result->Result.FatalError.empty())
      elog(Result->Result.FatalError);
    // Publish only the latest analysis of the document, and nothing once it
    // is closed: this is the critical section clangd calls Publish.
    std::lock_guard<std::mutex> Lock(Mutex);
    Document *Current = currentDocument(Path, Generation);
    if (!Current) {
      vlog("dropped the result of " + Path + " version " +
           llvm::Twine(Version) + ": a newer version or a close replaced it");
      return;
    }
    Current->Latest = Result;
    Current->Dependencies = std::move(Output.Dependencies);
    Results.onAnalysis(*Result);
  });
}

Server::Document *Server::currentDocument(llvm::StringRef Path,
                                          uint64_t Generation) {
  auto It = Documents.find(Path);
  if (Stopped || It == Documents.end() || It->second.Generation != Generation)
    return nullptr;
  return &It->second;
}

bool Server::prepareInputs(llvm::StringRef Path, AnalysisInputs &Inputs,
                           std::shared_ptr<const ProjectSetup> &Setup) {
  Setup = setupFor(Path);
  if (!Setup)
    return false;
  Inputs.Path = Path.str();
  Inputs.Command = commandFor(Path);
  Inputs.ResourceDir = Opts.ResourceDir;
  Inputs.AllowCrashPragmas = Opts.AllowCrashPragmas;
  Inputs.Options.TheCatalog = Setup->TheCatalog.get();
  Inputs.Options.EnabledRules = Setup->EnabledRules;
  Inputs.Options.HeaderFilterRegex =
      Setup->TheConfig.HeaderFilterRegex.value_or("");
  Inputs.Options.ExcludeHeaderFilterRegex =
      Setup->TheConfig.ExcludeHeaderFilterRegex.value_or("");
  Inputs.Options.SystemHeaders = Setup->TheConfig.SystemHeaders.value_or(false);
  Inputs.Options.Diagnose = true;
  std::lock_guard<std::mutex> Lock(Mutex);
  for (const auto &Entry : Documents)
    Inputs.OpenFiles[Entry.first().str()] = Entry.second.Contents;
  return true;
}

clang::tooling::CompileCommand Server::commandFor(llvm::StringRef Path) {
  ServerSettings Current;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Current = Settings;
  }
  std::string Directory =
      Current.compilationDatabasePath.value_or(Opts.CompileCommandsDir);
  std::string Error;
  CompilationDatabaseCache::Database Database =
      Directory.empty() ? Databases.covering(Path, Error)
                        : Databases.inDirectory(Directory, Error);
  if (!Error.empty())
    tellProblem(Error + "; analysing with the fallback flags");
  if (Database) {
    std::vector<clang::tooling::CompileCommand> Commands =
        Database->getCompileCommands(Path);
    if (!Commands.empty())
      return Commands.front();
  }

  bool IsC = llvm::sys::path::extension(Path) == ".c";
  std::vector<std::string> Flags = Current.fallbackFlags.value_or(
      IsC ? std::vector<std::string>{}
          : std::vector<std::string>{"-std=c++20"});
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (!ToldAboutFallback) {
      ToldAboutFallback = true;
      Results.onFallbackFlags(Path, Flags);
    }
  }
  clang::tooling::CompileCommand Command;
  Command.Directory = llvm::sys::path::parent_path(Path).str();
  Command.Filename = Path.str();
  Command.CommandLine = {IsC ? "clang" : "clang++"};
  Command.CommandLine.insert(Command.CommandLine.end(), Flags.begin(),
                             Flags.end());
  Command.CommandLine.push_back(Path.str());
  return Command;
}

std::shared_ptr<const Server::ProjectSetup>
Server::setupFor(llvm::StringRef Path) {
  std::string ConfigPath = findConfigFile(Path);
  std::optional<std::string> ClientChecks;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = Setups.find(ConfigPath);
    if (It != Setups.end())
      return It->second;
    ClientChecks = Settings.checks;
  }
  auto Setup = std::make_shared<ProjectSetup>();
  if (!ConfigPath.empty()) {
    auto Loaded = loadConfigFile(ConfigPath);
    if (!Loaded) {
      // A broken configuration must not stop the analysis: use none.
      tellProblem(llvm::toString(Loaded.takeError()) + "; analysing without " +
                  ConfigPath);
    } else {
      Setup->TheConfig = std::move(*Loaded);
    }
  }
  std::vector<CatalogFile> Files = BaseCatalog;
  llvm::append_range(Files, projectCatalogs(Setup->TheConfig));
  Setup->TheCatalog = std::make_unique<Catalog>(std::move(Files),
                                                Setup->TheConfig.DisabledApis);
  std::string Checks = Setup->TheConfig.Checks.value_or("*");
  if (std::optional<std::string> Problem =
          checksProblem(Checks, /*MustEnableARule=*/false)) {
    tellProblem("ignored the Checks of " + ConfigPath + ": " + *Problem +
                "; all rules are on");
    Checks = "*";
  }
  // The client's choice of rules (an editor setting) is appended to the
  // project's, as --checks is on the command line.
  if (ClientChecks) {
    std::string Both = Checks + "," + *ClientChecks;
    if (std::optional<std::string> Problem =
            checksProblem(Both, /*MustEnableARule=*/true))
      tellProblem("ignored the setting \"checks\": after the project's "
                  "Checks, " +
                  *Problem);
    else
      Checks = std::move(Both);
  }
  Setup->EnabledRules = enabledRules(Checks);
  std::lock_guard<std::mutex> Lock(Mutex);
  return Setups.emplace(ConfigPath, std::move(Setup)).first->second;
}

bool Server::stop(Clock::duration Grace) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Stopped = true;
  }
  return Work.stop(Grace);
}
