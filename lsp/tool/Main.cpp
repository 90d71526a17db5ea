//===--- Main.cpp - boundwise-lsp, the language server --------------------===//
//
/// \file
/// Flags and wiring: the transport over stdin/stdout, the catalog, and the
/// LSP server. `-lit-test` sets up the transcript tests (see STYLE.md 6.1).
/// Exit status 0 when the client sent `shutdown` before `exit`, else 1.
//
//===----------------------------------------------------------------------===//
#include "lsp/Analyze.h"
#include "lsp/LSPServer.h"
#include "lsp/Logger.h"
#include "lsp/Transport.h"
#include "lsp/URI.h"

#include "analyzer/Catalog.h"
#include "analyzer/CompilationSetup.h"
#include "analyzer/CrashRecovery.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace boundwise;
using namespace boundwise::lsp;
using namespace llvm;

static cl::OptionCategory Options("boundwise-lsp options");

static cl::opt<bool> LitTest(
    "lit-test",
    cl::desc("For transcript tests: delimited input, pretty output, "
             "synchronous work, verbose log, test: URIs, crash pragmas"),
    cl::cat(Options));
// LSP clients (vscode-languageclient's stdio transport among them) pass
// --stdio; stdin/stdout is the only transport, so it changes nothing.
static cl::opt<bool> Stdio("stdio",
                           cl::desc("Talk over stdin and stdout (the default)"),
                           cl::cat(Options));
static cl::opt<bool> Sync("sync", cl::desc("Analyse on the reading thread"),
                          cl::cat(Options));
static cl::opt<bool> Pretty("pretty", cl::desc("Pretty-print JSON output"),
                            cl::cat(Options));
static cl::opt<JSONStreamStyle> InputStyle(
    "input-style", cl::desc("How input messages are delimited"),
    cl::init(JSONStreamStyle::Standard),
    cl::values(clEnumValN(JSONStreamStyle::Standard, "standard",
                          "Content-Length headers"),
               clEnumValN(JSONStreamStyle::Delimited, "delimited",
                          "'---' lines between messages, '#' comments")),
    cl::cat(Options));
static cl::opt<LogLevel> Log(
    "log", cl::desc("What to log on stderr"), cl::init(LogLevel::Info),
    cl::values(clEnumValN(LogLevel::Error, "error", "errors only"),
               clEnumValN(LogLevel::Info, "info", "and what happens"),
               clEnumValN(LogLevel::Verbose, "verbose", "and every message")),
    cl::cat(Options));
static cl::opt<std::string>
    InputMirrorFile("input-mirror-file",
                    cl::desc("Copy every byte read from stdin to this file"),
                    cl::value_desc("path"), cl::cat(Options));
static cl::opt<std::string> CompileCommandsDir(
    "compile-commands-dir",
    cl::desc("The directory of compile_commands.json, instead of searching "
             "upward from each file"),
    cl::value_desc("dir"), cl::cat(Options));
static cl::opt<bool> CrashPragmas(
    "crash-pragmas",
    cl::desc("Let '#pragma clang __debug crash' crash the parser (tests)"),
    cl::cat(Options));
static cl::opt<unsigned> Jobs(
    "j",
    cl::desc("The most files analysed at once (default: the number of cores)"),
    cl::cat(Options));
static cl::opt<unsigned> DebounceMs(
    "debounce-ms",
    cl::desc("A fixed debounce delay instead of one from rebuild times"),
    cl::cat(Options));

/// Flags given explicitly win over what -lit-test implies.
static void applyLitTestDefaults() {
  if (!LitTest)
    return;
  if (!Sync.getNumOccurrences())
    Sync = true;
  if (!Pretty.getNumOccurrences())
    Pretty = true;
  if (!InputStyle.getNumOccurrences())
    InputStyle = JSONStreamStyle::Delimited;
  if (!Log.getNumOccurrences())
    Log = LogLevel::Verbose;
  if (!CrashPragmas.getNumOccurrences())
    CrashPragmas = true;
}

/// `file://<prefix>/share/boundwise/docs/`, where the rule pages are
/// installed (and linked in the build tree).
static std::string docsBase(StringRef ExecutableDir, const URIMapper &URIs) {
  SmallString<256> Docs(ExecutableDir);
  sys::path::append(Docs, "..", "share", "boundwise", "docs");
  sys::path::remove_dots(Docs, /*remove_dot_dot=*/true);
  return URIs.toURI(Docs) + "/";
}

int main(int Argc, const char **Argv) {
  InitLLVM Init(Argc, Argv);
  cl::HideUnrelatedOptions(Options);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "boundwise-lsp, of boundwise version " << BOUNDWISE_VERSION
       << " (LLVM " << LLVM_VERSION_STRING << ")\n";
  });
  cl::ParseCommandLineOptions(
      Argc, Argv,
      "boundwise-lsp: boundwise's findings, diagnoses and fixes in any LSP "
      "editor, over stdin/stdout\n");
  applyLitTestDefaults();
  setLogLevel(Log);
  enableCrashRecovery();

  std::string ExecutableDir = executableDirectory(Argv[0]);
  auto BaseCatalog = loadCatalogDirectory(catalogDirectory(ExecutableDir));
  if (!BaseCatalog) {
    elog("cannot load the API catalog: " + toString(BaseCatalog.takeError()));
    return 2;
  }

  std::unique_ptr<raw_fd_ostream> Mirror;
  if (!InputMirrorFile.empty()) {
    std::error_code Error;
    Mirror = std::make_unique<raw_fd_ostream>(InputMirrorFile, Error,
                                              sys::fs::OF_None);
    if (Error) {
      elog("cannot open " + InputMirrorFile + ": " + Error.message());
      return 2;
    }
  }

  LSPServer::Options ServerOptions;
  ServerOptions.AllowTestScheme = LitTest;
  ServerOptions.DocsBase = docsBase(ExecutableDir, URIMapper(false));
  Server::Options &Analysis = ServerOptions.ServerOptions;
  Analysis.Scheduling.Async = !Sync;
  Analysis.Scheduling.Workers = Jobs;
  if (DebounceMs.getNumOccurrences())
    Analysis.Scheduling.Debounce =
        DebouncePolicy::fixed(std::chrono::milliseconds(DebounceMs));
  Analysis.ResourceDir = clangResourceDirectory(ExecutableDir);
  Analysis.CompileCommandsDir = CompileCommandsDir;
  Analysis.AllowCrashPragmas = CrashPragmas;

  std::unique_ptr<Transport> Channel =
      newJSONTransport(stdin, outs(), Mirror.get(), Pretty, InputStyle);
  LSPServer TheServer(*Channel, std::move(*BaseCatalog),
                      std::move(ServerOptions));
  int ExitCode = TheServer.run() ? 0 : 1;
  outs().flush();
  // A compile that crashed and was recovered leaves its objects registered
  // in LLVM's global tables (timers); tearing those down would crash, so the
  // process ends without running global destructors.
  sys::Process::Exit(ExitCode, /*NoCleanup=*/true);
}
