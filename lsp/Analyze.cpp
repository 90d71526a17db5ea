//===--- Analyze.cpp - One analysis run over a precompiled preamble -------===//
#include "lsp/Analyze.h"
#include "lsp/Logger.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Driver/CreateInvocationFromArgs.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/PrecompiledPreamble.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Serialization/PCHContainerOperations.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/xxhash.h"

using namespace clang;
using namespace boundwise;
using namespace boundwise::lsp;

namespace {

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const AnalysisOptions &Options, FileResult &Result)
      : Options(Options), Result(Result) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return createAnalysisConsumer(Options, Result);
  }

private:
  const AnalysisOptions &Options;
  FileResult &Result;
};

/// The preamble skips the bodies of functions in system headers, as clangd
/// does: the catalog knows what library functions do. The project's own
/// headers keep theirs, for the analysis walks into them.
class SkipSystemBodiesCallbacks : public PreambleCallbacks {
public:
  void BeforeExecute(CompilerInstance &CI) override {
    SM = &CI.getSourceManager();
  }
  bool shouldSkipFunctionBody(Decl *D) override {
    return SM && SM->isInSystemHeader(D->getLocation());
  }

private:
  const SourceManager *SM = nullptr;
};

} // namespace

void boundwise::lsp::enableCrashRecovery() {
  llvm::CrashRecoveryContext::Enable();
}

/// The compile command as a syntax-only run with clang's builtin headers.
static std::vector<std::string> adjustedArgs(const AnalysisInputs &Inputs) {
  std::vector<std::string> Args = Inputs.Command.CommandLine;
  Args = tooling::getClangStripOutputAdjuster()(Args, Inputs.Path);
  Args = tooling::getClangSyntaxOnlyAdjuster()(Args, Inputs.Path);
  bool HasResourceDir = llvm::any_of(Args, [](llvm::StringRef Arg) {
    return Arg.starts_with("-resource-dir");
  });
  if (!HasResourceDir && !Inputs.ResourceDir.empty())
    Args.push_back("-resource-dir=" + Inputs.ResourceDir);
  return Args;
}

/// The real file system with the open documents laid over it. An open
/// document's modification time is a hash of its text, so that the preamble
/// sees an unsaved edit of a header as a change.
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
      llvm::vfs::getRealFileSystem());
  Overlay->pushOverlay(Memory);
  if (!Inputs.Command.Directory.empty())
    (void)Overlay->setCurrentWorkingDirectory(Inputs.Command.Directory);
  return Overlay;
}

static void runAnalysis(const AnalysisInputs &Inputs, PreambleCache &Cache,
                        FileResult &Result) {
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
  std::string MainName = Invocation->getFrontendOpts().Inputs[0].getFile().str();
  Result.File = MainName;

  std::unique_ptr<llvm::MemoryBuffer> MainBuffer =
      llvm::MemoryBuffer::getMemBufferCopy(Inputs.Contents, MainName);
  PreambleBounds Bounds = ComputePreambleBounds(
      Invocation->getLangOpts(), MainBuffer->getMemBufferRef(), 0);
  auto PCHOperations = std::make_shared<PCHContainerOperations>();
  bool Reusable = Cache.Preamble && Cache.Args == Args &&
                  Cache.Preamble->CanReuse(*Invocation,
                                           MainBuffer->getMemBufferRef(),
                                           Bounds, *VFS);
  if (!Reusable) {
    Cache = {};
    SkipSystemBodiesCallbacks Callbacks;
    CompilerInvocation PreambleInvocation(*Invocation);
    PreambleInvocation.getFrontendOpts().SkipFunctionBodies = true;
    auto Built = PrecompiledPreamble::Build(
        PreambleInvocation, MainBuffer.get(), Bounds, Diags, VFS, PCHOperations,
        /*StoreInMemory=*/true, /*StoragePath=*/"", Callbacks);
    if (Built) {
      Cache.Preamble = std::make_shared<PrecompiledPreamble>(std::move(*Built));
      Cache.Args = Args;
      vlog("built a preamble of " + llvm::Twine(Cache.Preamble->getSize()) +
           " bytes for " + Inputs.Path);
    } else {
      log("no preamble for " + Inputs.Path + ": " + Built.getError().message() +
          "; parsing it whole");
    }
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
  AnalysisAction Action(Inputs.Options, Result);
  if (!Action.BeginSourceFile(*Clang, Clang->getFrontendOpts().Inputs[0])) {
    Result.FatalError = "cannot parse " + Inputs.Path;
    return;
  }
  if (llvm::Error Failed = Action.Execute())
    Result.FatalError = llvm::toString(std::move(Failed));
  Action.EndSourceFile();
}

FileResult boundwise::lsp::analyzeDocument(const AnalysisInputs &Inputs,
                                           PreambleCache &Cache) {
  FileResult Result;
  Result.File = Inputs.Path;
  llvm::CrashRecoveryContext Recovery;
  if (Recovery.RunSafely([&] { runAnalysis(Inputs, Cache, Result); }))
    return Result;
  // What the crashed run left behind cannot be trusted.
  Cache = {};
  FileResult Crashed;
  Crashed.File = Inputs.Path;
  Crashed.FatalError = "clang crashed while analysing " + Inputs.Path;
  return Crashed;
}
