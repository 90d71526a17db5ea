//===--- Server.h - The language server's C++ API ---------------*- C++ -*-===//
//
/// \file
/// Open documents, their compile commands and configuration, and their
/// analysis, as an asynchronous API in the manner of clangd's ClangdServer:
/// updates are analysed on the file's worker, results are delivered through
/// Callbacks, and reads see the latest snapshot once the updates scheduled
/// before them are done. It knows nothing of JSON-RPC.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_SERVER_H
#define BOUNDWISE_LSP_SERVER_H

#include "lsp/Analyze.h"
#include "lsp/Protocol.h"
#include "lsp/Scheduler.h"
#include "lsp/Snapshot.h"

#include "analyzer/Catalog.h"
#include "analyzer/CompileCommands.h"
#include "analyzer/Config.h"
#include "llvm/ADT/FunctionExtras.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

namespace boundwise {
namespace lsp {

class Server {
public:
  struct Options {
    Scheduler::Options Scheduling;
    /// Clang's builtin headers.
    std::string ResourceDir;
    /// `--compile-commands-dir`: overrides the upward search.
    std::string CompileCommandsDir;
    bool AllowCrashPragmas = false;
  };

  /// Where results go. Called on worker threads, one file at a time.
  class Callbacks {
  public:
    virtual ~Callbacks() = default;
    /// A version was analysed and is still the document's latest.
    virtual void onAnalysis(const Snapshot &S) = 0;
    /// A file has no compile command; said once per session.
    virtual void onFallbackFlags(llvm::StringRef Path,
                                 llvm::ArrayRef<std::string> Flags) = 0;
    /// Something the user must fix, such as a mistyped setting or a broken
    /// .boundwise.yaml or compile_commands.json; the analysis goes on
    /// without it. A problem of the project's files is said once.
    virtual void onProblem(llvm::StringRef Message) = 0;
  };

  Server(std::vector<CatalogFile> BaseCatalog, Options Opts,
         Callbacks &Results);
  ~Server();

  /// Opens or changes a document and schedules its analysis, and that of
  /// the open documents that read it (an unsaved header).
  void addDocument(llvm::StringRef Path, std::string Contents, int Version);
  /// Closes a document: no result of it is delivered after this, and the
  /// open documents that read it are re-analysed with the file on disk.
  void removeDocument(llvm::StringRef Path);
  /// A document was saved: the open documents that read it are re-analysed,
  /// as clangd re-parses open files on save (the save may have come with
  /// other changes on disk).
  void savedDocument(llvm::StringRef Path);
  /// The text of an open document, for applying incremental changes.
  std::optional<std::string> documentText(llvm::StringRef Path) const;

  /// Runs \p Action with the latest snapshot of \p Path (null if it has
  /// none), after the updates scheduled so far.
  void withSnapshot(
      llvm::StringRef Path,
      llvm::unique_function<void(std::shared_ptr<const Snapshot>)> Action);

  /// Takes the client's settings; a change of flags re-analyses.
  /// Applies the settings that are valid, and tells onProblem what was
  /// wrong with the others, which are ignored.
  void applySettings(const ServerSettings &Settings);
  bool inlayHintsEnabled() const;
  /// Forgets loaded configurations and re-analyses every open document:
  /// a compile_commands.json or .boundwise.yaml changed.
  void reanalyzeAll();
  void blockUntilIdle() { Work.blockUntilIdle(); }
  /// Delivers no result from now on, drops the queued work and waits up to
  /// \p Grace for the running analyses. False when some still run: this
  /// server must then outlive them (it is leaked until the process ends).
  bool stop(Clock::duration Grace);

private:
  struct Document {
    std::string Contents;
    int Version = 0;
    /// The server-wide number of the analysis last scheduled for it: a run
    /// whose generation is no longer the document's is stale (a newer
    /// version, a changed header, a new configuration, a close and reopen),
    /// is stopped early and its result dropped.
    uint64_t Generation = 0;
    /// Its own: a reopened document starts with a new one, so that a run of
    /// the closed one can never share it.
    std::shared_ptr<PreambleCache> Preamble = std::make_shared<PreambleCache>();
    std::shared_ptr<const Snapshot> Latest;
    /// The files its latest analysis read.
    std::vector<std::string> Dependencies;
  };
  /// A configuration and the catalog it extends.
  struct ProjectSetup {
    Config TheConfig;
    std::unique_ptr<Catalog> TheCatalog;
    std::vector<std::string> EnabledRules;
  };

  void scheduleAnalysis(llvm::StringRef Path, std::string Contents,
                        int Version);
  /// The document whose latest analysis is \p Generation; null when that
  /// run is stale. Called with Mutex held.
  Document *currentDocument(llvm::StringRef Path, uint64_t Generation);
  /// Re-analyses the open documents whose latest analysis read \p Path.
  void reanalyzeDependents(llvm::StringRef Path);
  /// Fills the inputs of a run; false (with a log line) when it cannot run.
  bool prepareInputs(llvm::StringRef Path, AnalysisInputs &Inputs,
                     std::shared_ptr<const ProjectSetup> &Setup);
  clang::tooling::CompileCommand commandFor(llvm::StringRef Path);
  std::shared_ptr<const ProjectSetup> setupFor(llvm::StringRef Path);

  const std::vector<CatalogFile> BaseCatalog;
  const Options Opts;
  Callbacks &Results;
  /// The compilation databases, read again only when their file changes.
  CompilationDatabaseCache Databases;

  mutable std::mutex Mutex;
  llvm::StringMap<Document> Documents;
  uint64_t LastGeneration = 0;
  /// Set by stop(): results have nowhere to go.
  bool Stopped = false;
  ServerSettings Settings;
  bool ToldAboutFallback = false;
  /// The problems said through onProblem, each once.
  std::set<std::string> ToldProblems;
  std::map<std::string, std::shared_ptr<const ProjectSetup>> Setups;

  /// Says \p Message through onProblem unless it was said already.
  void tellProblem(const std::string &Message);

  /// Last: its workers must stop before the state above goes.
  Scheduler Work;
};

} // namespace lsp
} // namespace boundwise

#endif
