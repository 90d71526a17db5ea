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
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Serialization/PCHContainerOperations.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <functional>
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
    if (Options.ProjectSummaries) {
      std::vector<std::string> Registered;
      for (const AsyncContext &Async : Contexts)
        Registered.push_back(Lookup.identity(Async.Function));
      Summaries.addReachedFrom(*Options.ProjectSummaries,
                               std::move(Registered));
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

/// The functions of the main file that another file can call: external
/// definitions, not templates (their instantiations are made where used).
class ExternalDefinitions : public RecursiveASTVisitor<ExternalDefinitions> {
public:
  explicit ExternalDefinitions(const SourceManager &SM) : SM(SM) {}

  bool VisitFunctionDecl(FunctionDecl *Function) {
    if (Function->isThisDeclarationADefinition() &&
        !Function->isDependentContext() && Function->isExternallyVisible() &&
        SM.isInMainFile(SM.getExpansionLoc(Function->getLocation())))
      Found.push_back(Function);
    return true;
  }

  std::vector<const FunctionDecl *> Found;

private:
  const SourceManager &SM;
};

/// The map step of a project's analysis: summarises what each function of
/// the main file that other files call does.
class ProjectSummaryConsumer : public ASTConsumer {
public:
  ProjectSummaryConsumer(const AnalysisOptions &Options, SummaryIndex &Out)
      : Options(Options), Out(Out) {}

  void HandleTranslationUnit(ASTContext &Context) override {
    DeclLookup Lookup(Context, *Options.TheCatalog);
    Summarizer Builder(Lookup, Out, Options.Cost);
    ExternalDefinitions Definitions(Context.getSourceManager());
    Definitions.TraverseDecl(Context.getTranslationUnitDecl());
    for (const FunctionDecl *Function : Definitions.Found)
      Builder.summarize(Function);
  }

private:
  const AnalysisOptions &Options;
  SummaryIndex &Out;
};

/// Runs the consumer \p Make gives on each file of a tool.
class ConsumerActionFactory : public tooling::FrontendActionFactory {
public:
  using ConsumerMaker = std::function<std::unique_ptr<ASTConsumer>()>;
  explicit ConsumerActionFactory(ConsumerMaker Make) : Make(std::move(Make)) {}

  std::unique_ptr<FrontendAction> create() override {
    class Action : public ASTFrontendAction {
    public:
      explicit Action(const ConsumerMaker &Make) : Make(Make) {}
      std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                     llvm::StringRef) override {
        return Make();
      }

    private:
      const ConsumerMaker &Make;
    };
    return std::make_unique<Action>(Make);
  }

private:
  ConsumerMaker Make;
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

/// Parses \p Request's file with its commands and runs \p Factory on it;
/// whether every command succeeded.
static bool runOnFile(const AnalysisRequest &Request,
                      tooling::FrontendActionFactory &Factory,
                      DiagnosticConsumer &Diagnostics) {
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
  Tool.setDiagnosticConsumer(&Diagnostics);
  return Tool.run(&Factory) == 0;
}

FileResult boundwise::analyzeFile(const AnalysisRequest &Request) {
  FileResult Result;
  Result.File = Request.File;
  ErrorCollector Errors(Result);
  ConsumerActionFactory Factory(
      [&] { return createAnalysisConsumer(Request.Options, Result); });
  if (!runOnFile(Request, Factory, Errors) && !Result.HasCompilerErrors &&
      Result.Findings.empty())
    Result.FatalError = "cannot analyse " + Request.File;
  return Result;
}

SummaryIndex boundwise::summarizeFile(const AnalysisRequest &Request) {
  SummaryIndex Summaries;
  // Compiler errors are the analysis pass's to report; a file that does not
  // parse adds what it could summarise.
  IgnoringDiagConsumer Quiet;
  ConsumerActionFactory Factory([&] {
    return std::make_unique<ProjectSummaryConsumer>(Request.Options, Summaries);
  });
  runOnFile(Request, Factory, Quiet);
  std::vector<tooling::CompileCommand> Commands =
      Request.Database->getCompileCommands(Request.File);
  if (!Commands.empty())
    Summaries.makePathsAbsolute(Commands.front().Directory);
  Summaries.addSourceFile(normalizedPath(Request.File));
  return Summaries;
}
