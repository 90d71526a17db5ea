//===--- Analysis.cpp - Analysing one translation unit --------------------===//
#include "analyzer/Analysis.h"
#include "analyzer/CompileCommands.h"
#include "analyzer/Contexts.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/Diagnosis.h"
#include "analyzer/Effects.h"
#include "analyzer/LineSource.h"
#include "analyzer/Rule.h"
#include "analyzer/Summarizer.h"
#include "analyzer/Suppression.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Serialization/PCHContainerOperations.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <set>
#include <tuple>

using namespace clang;
using namespace boundwise;

void ErrorCollector::HandleDiagnostic(DiagnosticsEngine::Level Level,
                                      const Diagnostic &Info) {
  DiagnosticConsumer::HandleDiagnostic(Level, Info);
  if (Level < DiagnosticsEngine::Error)
    return;
  Result.HasCompilerErrors = true;
  Finding Error;
  Error.Rule = "clang-diagnostic-error";
  Error.Level = Severity::Error;
  llvm::SmallString<128> Message;
  Info.FormatDiagnostic(Message);
  Error.Message = std::string(Message);
  if (Info.getLocation().isValid() && Info.hasSourceManager()) {
    const SourceManager &SM = Info.getSourceManager();
    SourceLocation Loc = SM.getExpansionLoc(Info.getLocation());
    PresumedLoc Presumed = SM.getPresumedLoc(Loc);
    if (Presumed.isValid()) {
      Error.Loc = {Presumed.getFilename(), Presumed.getLine(),
                   Presumed.getColumn(), ""};
      bool Invalid = false;
      llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Loc), &Invalid);
      if (!Invalid) {
        unsigned Offset = SM.getFileOffset(Loc);
        size_t Start = Buffer.rfind('\n', Offset ? Offset - 1 : 0);
        Start = (Start == llvm::StringRef::npos || Offset == 0) ? 0 : Start + 1;
        Error.Loc.LineText =
            Buffer.substr(Start)
                .take_until([](char C) { return C == '\n' || C == '\r'; })
                .str();
      }
    }
  }
  Result.Findings.push_back(std::move(Error));
}

/// What a context's caller, the event loop, tells of the parameters: a
/// readiness watcher's callback gets its descriptor ready.
/// The rule whose findings a finding of \p Rule makes repeats at its place.
static llvm::StringRef subsumedBy(llvm::StringRef Rule) {
  for (const RuleInfo &Info : allRules())
    if (Info.Name == Rule)
      return Info.Subsumes;
  return "";
}

static EntryFacts entryOf(const AsyncContext &Context) {
  EntryFacts Entry;
  // The body names the definition's parameters, not a prototype's.
  const FunctionDecl *Definition = Context.Function->getDefinition();
  if (Context.ReadyParam && Definition)
    Entry.Conditions.Ready.insert(
        Definition->getParamDecl(*Context.ReadyParam));
  return Entry;
}

namespace {

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(const AnalysisOptions &Options, FileResult &Result)
      : Options(Options), Result(Result),
        HeaderFilter(Options.HeaderFilterRegex),
        ExcludeHeaderFilter(Options.ExcludeHeaderFilterRegex) {}

  void HandleTranslationUnit(ASTContext &Context) override {
    const SourceManager &SM = Context.getSourceManager();
    DeclLookup Lookup(Context, *Options.TheCatalog);
    auto InScope = [&](SourceLocation Loc) {
      if (Loc.isInvalid())
        return false;
      Loc = SM.getExpansionLoc(Loc);
      if (SM.isInMainFile(Loc))
        return true;
      return (Options.SystemHeaders || !SM.isInSystemHeader(Loc)) &&
             matchesHeaderFilter(SM.getFilename(Loc));
    };
    std::vector<AsyncContext> Contexts =
        findAsyncContexts(Context, Lookup, InScope);

    SummaryIndex Summaries;
    Summarizer Builder(Lookup, Summaries, Options.Cost);
    for (const AsyncContext &Async : Contexts)
      Builder.summarize(Async.Function, entryOf(Async));
    std::vector<DiagnosedFunction> Diagnosed;
    if (Options.Diagnose)
      Diagnosed = functionsToDiagnose(Context, InScope);
    for (const DiagnosedFunction &Function : Diagnosed) {
      Builder.summarize(Function.Definition);
      for (const FunctionDecl *Instance : Function.Instances)
        Builder.summarize(Instance);
    }
    Summaries.addCallSiteLoops(Options.Cost.LoopIterations);
    Summaries.propagate();

    LineSource Lines(SM);
    Result.Functions = diagnose(Diagnosed, Contexts, Lookup, Summaries, Lines);
    if (Options.Diagnose)
      Result.References = functionReferences(Context, Lookup, Lines);
    AnalysisState State{Lookup, Contexts, Summaries, Lines};
    std::vector<Finding> Findings;
    for (const RuleInfo &Info : allRules())
      if (llvm::is_contained(Options.EnabledRules, Info.Name))
        Info.Create()->check(State, Findings);
    keepReportable(Findings, Lines,
                   normalizedPath(SM.getPresumedLoc(SM.getLocForStartOfFile(
                                                        SM.getMainFileID()))
                                      .getFilename()));
  }

private:
  bool matchesHeaderFilter(llvm::StringRef File) const {
    return !Options.HeaderFilterRegex.empty() && HeaderFilter.match(File) &&
           (Options.ExcludeHeaderFilterRegex.empty() ||
            !ExcludeHeaderFilter.match(File));
  }

  /// Drops findings outside the reported files and suppressed ones,
  /// duplicates (a template's pattern and its instantiations), and a
  /// finding another rule's at the same place subsumes.
  void keepReportable(std::vector<Finding> &Findings, LineSource &Lines,
                      llvm::StringRef MainFile) {
    auto Key = [](const Finding &F) {
      return std::tie(F.Loc.File, F.Loc.Line, F.Loc.Column, F.Rule, F.Message);
    };
    llvm::stable_sort(Findings, [&](const Finding &A, const Finding &B) {
      return Key(A) < Key(B);
    });
    llvm::StringMap<NolintRegions> RegionsByFile;
    std::set<std::tuple<std::string, unsigned, unsigned, llvm::StringRef>>
        Subsumed;
    for (const Finding &F : Findings)
      if (llvm::StringRef Repeat = subsumedBy(F.Rule); !Repeat.empty())
        Subsumed.insert({F.Work.File, F.Work.Line, F.Work.Column, Repeat});
    for (size_t I = 0; I < Findings.size(); ++I) {
      const Finding &F = Findings[I];
      if (I > 0 && Key(Findings[I - 1]) == Key(F))
        continue;
      if (!F.Work.File.empty() &&
          Subsumed.count({F.Work.File, F.Work.Line, F.Work.Column, F.Rule}))
        continue;
      bool Reported =
          F.Loc.File == MainFile ||
          ((Options.SystemHeaders || !Lines.isSystemFile(F.Loc.File)) &&
           matchesHeaderFilter(F.Loc.File));
      if (!Reported)
        continue;
      auto LineAt = [&](unsigned Line) {
        return Lines.lineAt(F.Loc.File, Line);
      };
      auto Regions = RegionsByFile.find(F.Loc.File);
      if (Regions == RegionsByFile.end())
        Regions =
            RegionsByFile.try_emplace(F.Loc.File, Lines.text(F.Loc.File)).first;
      if (isSuppressed(LineAt, F.Loc.Line, F.Rule, Regions->second)) {
        ++Result.SuppressedByNolint;
        continue;
      }
      Result.Findings.push_back(F);
    }
  }

  const AnalysisOptions &Options;
  FileResult &Result;
  llvm::Regex HeaderFilter;
  llvm::Regex ExcludeHeaderFilter;
};

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

class AnalysisActionFactory : public tooling::FrontendActionFactory {
public:
  AnalysisActionFactory(const AnalysisOptions &Options, FileResult &Result)
      : Options(Options), Result(Result) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(Options, Result);
  }

private:
  const AnalysisOptions &Options;
  FileResult &Result;
};

} // namespace

std::unique_ptr<ASTConsumer>
boundwise::createAnalysisConsumer(const AnalysisOptions &Options,
                                  FileResult &Result) {
  return std::make_unique<AnalysisConsumer>(Options, Result);
}

namespace {
/// The commands of one file, already made safe and syntax-only.
class PreparedCommands : public tooling::CompilationDatabase {
public:
  explicit PreparedCommands(std::vector<tooling::CompileCommand> Commands)
      : Commands(std::move(Commands)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return Commands;
  }

private:
  std::vector<tooling::CompileCommand> Commands;
};
} // namespace

FileResult boundwise::analyzeFile(const AnalysisRequest &Request) {
  FileResult Result;
  Result.File = Request.File;
  std::vector<tooling::CompileCommand> Commands =
      Request.Database->getCompileCommands(Request.File);
  for (tooling::CompileCommand &Command : Commands)
    Command.CommandLine =
        analysisCommandLine(Command, Request.ExtraArgsBefore, Request.ExtraArgs,
                            Request.ResourceDir);
  PreparedCommands Prepared(std::move(Commands));
  // A file system of its own: the tool moves its working directory to each
  // command's directory, which on the real one would chdir the process
  // under the other workers of -j.
  tooling::ClangTool Tool(Prepared, {Request.File},
                          std::make_shared<PCHContainerOperations>(),
                          llvm::vfs::createPhysicalFileSystem());
  Tool.clearArgumentsAdjusters();
  for (const auto &[Path, Contents] : Request.Overlays)
    Tool.mapVirtualFile(Path, Contents);
  ErrorCollector Errors(Result);
  Tool.setDiagnosticConsumer(&Errors);
  AnalysisActionFactory Factory(Request.Options, Result);
  if (Tool.run(&Factory) != 0 && !Result.HasCompilerErrors &&
      Result.Findings.empty())
    Result.FatalError = "cannot analyse " + Request.File;
  return Result;
}
