//===--- Analyze.cpp - One analysis run over a precompiled preamble -------===//
#include "lsp/Analyze.h"
#include "lsp/Logger.h"

#include "analyzer/CompileCommands.h"
#include "analyzer/CrashRecovery.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Driver/CreateInvocationFromArgs.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Frontend/PrecompiledPreamble.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Serialization/PCHContainerOperations.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/xxhash.h"

using namespace clang;
using namespace boundwise;
using namespace boundwise::lsp;

namespace {

/// The analysis consumer, skipped when the run went stale while parsing
/// (cancellation point 3): the analysis does all its work at the end of the
/// translation unit.
class CancellableConsumer : public MultiplexConsumer {
public:
  CancellableConsumer(std::unique_ptr<ASTConsumer> Analysis,
                      const AnalysisInputs &Inputs, bool &Cancelled)
      : MultiplexConsumer(std::move(Analysis)), Inputs(Inputs),
        Cancelled(Cancelled) {}

  void HandleTranslationUnit(ASTContext &Context) override {
    if (Inputs.IsStale && Inputs.IsStale()) {
      Cancelled = true;
      return;
    }
    MultiplexConsumer::HandleTranslationUnit(Context);
  }

private:
  const AnalysisInputs &Inputs;
  bool &Cancelled;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const AnalysisInputs &Inputs, FileResult &Result,
                 bool &Cancelled)
      : Inputs(Inputs), Result(Result), Cancelled(Cancelled) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return std::make_unique<CancellableConsumer>(
        createAnalysisConsumer(Inputs.Options, Result), Inputs, Cancelled);
  }

private:
  const AnalysisInputs &Inputs;
  FileResult &Result;
  bool &Cancelled;
};

/// The files \p SM read, but the main file, as absolute paths without dots.
static void collectFiles(const SourceManager &SM, llvm::StringRef Directory,
                         std::vector<std::string> &Out) {
  for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End;
       ++It) {
    const auto &Entry = *It;
    llvm::SmallString<256> Path(Entry.first.getName());
    if (!llvm::sys::path::is_absolute(Path) && !Directory.empty())
      llvm::sys::path::make_absolute(Directory, Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Out.push_back(Path.str().str());
  }
}

/// The preamble skips the bodies of functions in system headers, as clangd
/// does: the catalog knows what library functions do. The project's own
/// headers keep theirs, for the analysis walks into them.
/// It also records the files the preamble read.
class SkipSystemBodiesCallbacks : public PreambleCallbacks {
public:
  SkipSystemBodiesCallbacks(llvm::StringRef Directory,
                            std::vector<std::string> &Files)
      : Directory(Directory), Files(Files) {}

  void BeforeExecute(CompilerInstance &CI) override {
    SM = &CI.getSourceManager();
  }
  void AfterExecute(CompilerInstance &CI) override {
    collectFiles(CI.getSourceManager(), Directory, Files);
  }
  bool shouldSkipFunctionBody(Decl *D) override {
    return SM && SM->isInSystemHeader(D->getLocation());
  }

private:
  const SourceManager *SM = nullptr;
  llvm::StringRef Directory;
  std::vector<std::string> &Files;
};

} // namespace

/// The compile command made safe, as a syntax-only run with clang's
/// builtin headers.
static std::vector<std::string> adjustedArgs(const AnalysisInputs &Inputs) {
  std::vector<std::string> Removed;
  std::vector<std::string> Args =
      analysisCommandLine(Inputs.Command, /*ExtraArgsBefore=*/{},
                          /*ExtraArgs=*/{}, Inputs.ResourceDir, &Removed);
  if (!Removed.empty())
    vlog("removed from the compile command of " + Inputs.Path + ": " +
         llvm::join(Removed, " "));
  // As clangd logs it: what a file was parsed with, to tell why it parsed
  // as it did.
  log("compile command of " + Inputs.Path + ": [" + Inputs.Command.Directory +
      "] " + llvm::join(Args, " "));
  return Args;
}

/// The real file system with the open documents laid over it. An open
/// document's modification time is a hash of its text, so that the preamble
/// sees an unsaved edit of a header as a change. The physical file system is
/// one of its own: its working directory is not the process's, which the
/// other workers share.
static llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
fileSystemWith(const AnalysisInputs &Inputs) {
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto &[Path, Text] : Inputs.OpenFiles) {
    if (Path == Inputs.Path)
      continue;
    time_t Stamp = static_cast<time_t>(llvm::xxh3_64bits(Text) & 0x7fffffff);
    Memory->addFile(Path, Stamp,
                    llvm::MemoryBuffer::getMemBufferCopy(Text, Path));
  }
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::createPhysicalFileSystem());
  Overlay->pushOverlay(Memory);
  if (!Inputs.Command.Directory.empty())
    (void)Overlay->setCurrentWorkingDirectory(Inputs.Command.Directory);
  return Overlay;
}

static bool isStale(const AnalysisInputs &Inputs) {
  return Inputs.IsStale && Inputs.IsStale();
}

static void runAnalysis(const AnalysisInputs &Inputs, PreambleCache &Cache,
                        AnalysisOutput &Output) {
  FileResult &Result = Output.Result;
  std::vector<std::string> Args = adjustedArgs(Inputs);
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS = fileSystemWith(Inputs);
  DiagnosticOptions DiagOpts;
  ErrorCollector Errors(Result);
  IntrusiveRefCntPtr<DiagnosticsEngine> Diags =
      CompilerInstance::createDiagnostics(*VFS, DiagOpts, &Errors,
                                          /*ShouldOwnClient=*/false);
  CreateInvocationOptions InvocationOptions;
  InvocationOptions.Diags = Diags;
  InvocationOptions.VFS = VFS;
  InvocationOptions.RecoverOnError = true;
  std::vector<const char *> ArgPointers;
  for (const std::string &Arg : Args)
    ArgPointers.push_back(Arg.c_str());
  std::shared_ptr<CompilerInvocation> Invocation =
      createInvocation(ArgPointers, InvocationOptions);
  if (!Invocation || Invocation->getFrontendOpts().Inputs.empty()) {
    Result.FatalError = "cannot make a compiler invocation for " + Inputs.Path;
    return;
  }
  Invocation->getPreprocessorOpts().DisablePragmaDebugCrash =
      !Inputs.AllowCrashPragmas;
  // The process lives on: memory must be freed after each run.
  Invocation->getFrontendOpts().DisableFree = false;
  std::string MainName =
      Invocation->getFrontendOpts().Inputs[0].getFile().str();
  Result.File = MainName;

  std::unique_ptr<llvm::MemoryBuffer> MainBuffer =
      llvm::MemoryBuffer::getMemBufferCopy(Inputs.Contents, MainName);
  PreambleBounds Bounds = ComputePreambleBounds(
      Invocation->getLangOpts(), MainBuffer->getMemBufferRef(), 0);
  auto PCHOperations = std::make_shared<PCHContainerOperations>();
  bool Reusable = Cache.Preamble && Cache.Args == Args &&
                  Cache.Preamble->CanReuse(
                      *Invocation, MainBuffer->getMemBufferRef(), Bounds, *VFS);
  if (!Reusable) {
    // Cancellation point 1.
    if (isStale(Inputs)) {
      Output.Cancelled = true;
      return;
    }
    Cache = {};
    std::vector<std::string> Files;
    SkipSystemBodiesCallbacks Callbacks(Inputs.Command.Directory, Files);
    CompilerInvocation PreambleInvocation(*Invocation);
    PreambleInvocation.getFrontendOpts().SkipFunctionBodies = true;
    auto BuildStart = std::chrono::steady_clock::now();
    auto Built = PrecompiledPreamble::Build(
        PreambleInvocation, MainBuffer.get(), Bounds, Diags, VFS, PCHOperations,
        // On disk, in the system's temporary folder, as clangd keeps them by
        // default: a server with hundreds of open files would otherwise hold
        // every file's PCH in its memory. The file goes with the preamble.
        /*StoreInMemory=*/false, /*StoragePath=*/"", Callbacks);
    Output.PreambleBuildTime = std::chrono::steady_clock::now() - BuildStart;
    if (Built) {
      Cache.Preamble = std::make_shared<PrecompiledPreamble>(std::move(*Built));
      Cache.Args = Args;
      Cache.Files = std::move(Files);
      vlog("built a preamble of " + llvm::Twine(Cache.Preamble->getSize()) +
           " bytes for " + Inputs.Path);
    } else {
      log("no preamble for " + Inputs.Path + ": " + Built.getError().message() +
          "; parsing it whole");
    }
  }
  // Cancellation point 2.
  if (isStale(Inputs)) {
    Output.Cancelled = true;
    return;
  }
  if (Cache.Preamble)
    Cache.Preamble->AddImplicitPreamble(*Invocation, VFS, MainBuffer.get());
  else
    Invocation->getPreprocessorOpts().addRemappedFile(MainName,
                                                      MainBuffer.get());

  auto Clang = std::make_unique<CompilerInstance>(Invocation, PCHOperations);
  // The compiler instance frees the remapped main buffer.
  MainBuffer.release();
  Clang->setVirtualFileSystem(VFS);
  Clang->createDiagnostics(&Errors, /*ShouldOwnClient=*/false);
  Clang->createFileManager();
  if (!Clang->createTarget()) {
    Result.FatalError = "unknown target for " + Inputs.Path;
    return;
  }
  AnalysisAction Action(Inputs, Result, Output.Cancelled);
  if (!Action.BeginSourceFile(*Clang, Clang->getFrontendOpts().Inputs[0])) {
    Result.FatalError = "cannot parse " + Inputs.Path;
    return;
  }
  if (llvm::Error Failed = Action.Execute())
    Result.FatalError = llvm::toString(std::move(Failed));
  Output.Dependencies = Cache.Files;
  collectFiles(Clang->getSourceManager(), Inputs.Command.Directory,
               Output.Dependencies);
  llvm::sort(Output.Dependencies);
  Output.Dependencies.erase(llvm::unique(Output.Dependencies),
                            Output.Dependencies.end());
  llvm::erase(Output.Dependencies, Inputs.Path);
  Action.EndSourceFile();
}

AnalysisOutput boundwise::lsp::analyzeDocument(const AnalysisInputs &Inputs,
                                               PreambleCache &Cache) {
  AnalysisOutput Output;
  Output.Result.File = Inputs.Path;
  if (runRecoverably([&] { runAnalysis(Inputs, Cache, Output); })) {
    if (Output.Cancelled)
      Output.Result = {};
    return Output;
  }
  // What the crashed run left behind cannot be trusted.
  Cache = {};
  AnalysisOutput Crashed;
  Crashed.Result.File = Inputs.Path;
  Crashed.Result.FatalError = crashedMessage(Inputs.Path);
  return Crashed;
}
