//===--- Diagnosis.cpp - What each function waits for ---------------------===//
#include "analyzer/Diagnosis.h"
#include "analyzer/ChainReport.h"
#include "analyzer/Contexts.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/Effects.h"
#include "analyzer/LineSource.h"
#include "analyzer/ModelSentences.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include <map>
#include <set>

using namespace clang;
using namespace boundwise;

llvm::StringRef boundwise::verdictName(Verdict V) {
  switch (V) {
  case Verdict::Trivial:
    return "trivial";
  case Verdict::IOBound:
    return "I/O-bound";
  case Verdict::CPUBound:
    return "CPU-bound";
  case Verdict::Mixed:
    return "mixed";
  }
  llvm_unreachable("covered switch");
}

namespace {
class DefinitionFinder : public RecursiveASTVisitor<DefinitionFinder> {
public:
  explicit DefinitionFinder(llvm::function_ref<bool(SourceLocation)> InScope)
      : InScope(InScope) {}

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && !InScope(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitFunctionDecl(FunctionDecl *Function) {
    // A template is diagnosed as written, through its instantiations;
    // implicit members have no code of the user's.
    if (!Function->doesThisDeclarationHaveABody() || Function->isImplicit() ||
        Function->isTemplateInstantiation())
      return true;
    DiagnosedFunction Diagnosed{Function, {}};
    if (const FunctionTemplateDecl *Template =
            Function->getDescribedFunctionTemplate())
      for (const FunctionDecl *Instance : Template->specializations())
        if (Instance->hasBody())
          Diagnosed.Instances.push_back(Instance);
    Functions.push_back(std::move(Diagnosed));
    return true;
  }

  // A lambda's body is a function of its own: it runs where it is passed.
  bool VisitLambdaExpr(LambdaExpr *Lambda) {
    if (const CXXMethodDecl *Call = Lambda->getCallOperator())
      if (Call->doesThisDeclarationHaveABody() &&
          InScope(Lambda->getBeginLoc()))
        Functions.push_back({Call, {}});
    return true;
  }

  std::vector<DiagnosedFunction> Functions;

private:
  llvm::function_ref<bool(SourceLocation)> InScope;
};
} // namespace

namespace {
/// The names of functions in the main file: callees of calls (a member by
/// its member name) and the names of definitions.
class ReferenceFinder : public RecursiveASTVisitor<ReferenceFinder> {
public:
  ReferenceFinder(DeclLookup &Lookup, LineSource &Lines)
      : Lookup(Lookup), Lines(Lines),
        SM(Lookup.astContext().getSourceManager()) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (const auto *Member =
            dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParenImpCasts()))
      return add(Member->getMemberLoc(), Callee);
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts()))
      return add(Ref->getLocation(), Callee);
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *Function) {
    if (Function->doesThisDeclarationHaveABody())
      add(Function->getLocation(), Function);
    return true;
  }

  std::vector<FunctionReference> References;

private:
  bool add(SourceLocation Name, const FunctionDecl *Function) {
    if (!Function || Name.isInvalid() || Name.isMacroID() ||
        !SM.isInMainFile(Name) || !Function->getIdentifier())
      return true;
    // A call of a template's instance names the template as written.
    if (const FunctionDecl *Pattern =
            Function->getTemplateInstantiationPattern())
      Function = Pattern;
    FunctionReference Reference;
    Reference.Loc = Lines.locate(Lookup.point(Name));
    Reference.Usr = Lookup.identity(Function);
    References.push_back(std::move(Reference));
    return true;
  }

  DeclLookup &Lookup;
  LineSource &Lines;
  const SourceManager &SM;
};
} // namespace

std::vector<FunctionReference>
boundwise::functionReferences(ASTContext &Context, DeclLookup &Lookup,
                              LineSource &Lines) {
  ReferenceFinder Finder(Lookup, Lines);
  Finder.TraverseDecl(Context.getTranslationUnitDecl());
  return std::move(Finder.References);
}

std::vector<DiagnosedFunction> boundwise::functionsToDiagnose(
    ASTContext &Context, llvm::function_ref<bool(SourceLocation)> InScope) {
  DefinitionFinder Finder(InScope);
  Finder.TraverseDecl(Context.getTranslationUnitDecl());
  return std::move(Finder.Functions);
}

static DiagLocation signatureEnd(const FunctionDecl *Function,
                                 DeclLookup &Lookup, LineSource &Lines) {
  const ASTContext &Context = Lookup.astContext();
  SourceLocation RParen;
  if (FunctionTypeLoc TypeLoc = Function->getFunctionTypeLoc())
    RParen = TypeLoc.getRParenLoc();
  if (RParen.isInvalid())
    return Lines.locate(Lookup.point(Function->getLocation()));
  SourceLocation After = Lexer::getLocForEndOfToken(
      RParen, 0, Context.getSourceManager(), Context.getLangOpts());
  return Lines.locate(Lookup.point(After.isValid() ? After : RParen));
}

/// `blocks on the network (recv, line 12)`, for each category of
/// \p Summary that \p Accept takes, nearest first.
static std::string describeWaits(const FunctionSummary &Summary,
                                 const SummaryIndex &Summaries,
                                 llvm::function_ref<bool(Category)> Accept,
                                 std::vector<std::string> &Names) {
  std::string Text;
  for (auto [Cat, Op] : Summaries.nearestOps(Summary, Mode::Any, Accept)) {
    Names.push_back(categoryName(Cat).str());
    if (!Text.empty())
      Text += ", ";
    Text += categoryVerb(Cat).str() + " (" + Op->Api + ", line " +
            std::to_string(Op->Loc.Line) + ")";
  }
  return Text;
}

/// The summary that speaks for \p Diagnosed: its own, or for a template
/// the first instantiation that waits or computes (the pattern's dependent
/// calls are unresolved).
static const FunctionSummary *summaryFor(const DiagnosedFunction &Diagnosed,
                                         DeclLookup &Lookup,
                                         const SummaryIndex &Summaries) {
  const FunctionSummary *Own =
      Summaries.find(Lookup.identity(Diagnosed.Definition));
  if (Own && !Own->Reaches.empty())
    return Own;
  for (const FunctionDecl *Instance : Diagnosed.Instances) {
    const FunctionSummary *Summary = Summaries.find(Lookup.identity(Instance));
    if (Summary && !Summary->Reaches.empty())
      return Summary;
  }
  return Own;
}

static FunctionDiagnosis diagnoseOne(const DiagnosedFunction &Diagnosed,
                                     DeclLookup &Lookup,
                                     const SummaryIndex &Summaries,
                                     LineSource &Lines) {
  const FunctionDecl *Function = Diagnosed.Definition;
  FunctionDiagnosis Result;
  Result.Usr = Lookup.identity(Function);
  Result.Name = Lookup.displayName(Function);
  Result.Loc = Lines.locate(Lookup.point(Function->getLocation()));
  Result.SignatureEnd = signatureEnd(Function, Lookup, Lines);
  Result.EndLine =
      Lines.locate(Lookup.point(Function->getSourceRange().getEnd())).Line;
  const FunctionSummary *Summary = summaryFor(Diagnosed, Lookup, Summaries);
  std::string Waits, Computes;
  std::vector<std::string> CpuNames;
  if (Summary) {
    Waits = describeWaits(*Summary, Summaries, isBlocking, Result.WaitsOn);
    Computes = describeWaits(
        *Summary, Summaries, [](Category C) { return C == Category::Cpu; },
        CpuNames);
  }
  if (Waits.empty() && Computes.empty()) {
    Result.Summary = "trivial: neither waits nor computes for long";
    return Result;
  }
  if (!Waits.empty() && !Computes.empty()) {
    Result.Kind = Verdict::Mixed;
    Result.Summary = "mixed: " + Waits + "; " + Computes;
  } else if (!Waits.empty()) {
    Result.Kind = Verdict::IOBound;
    Result.Summary = "I/O-bound: " + Waits;
  } else {
    Result.Kind = Verdict::CPUBound;
    Result.Summary = "CPU-bound: " + Computes;
  }
  const BlockingReach *Nearest = Summary->shortestReach(
      [](Category C) { return isBlocking(C) || C == Category::Cpu; });
  Result.Evidence = chainNotes(Summaries, Lines, Summary->Usr, Nearest->Cat,
                               Mode::Any, /*WithNoun=*/false);
  return Result;
}

/// How code reached from \p Context runs: `from an async context
/// ('handle')`; empty for contexts that say nothing of concurrency.
static std::string usage(const AsyncContext &Context,
                         const FunctionSummary &Summary) {
  if (Context.isAsync())
    return "from an async context ('" + Summary.Name + "')";
  switch (Context.Kind) {
  case ContextKind::PoolTask:
    if (Context.PerConnection)
      return "from an accept loop, a thread per connection";
    return (Context.NewThread ? "on a thread of its own ('"
                              : "on a thread pool ('") +
           Context.Api + "')" +
           (Context.PerItem ? ", one per item of a loop" : "");
  case ContextKind::PythonEntry:
    return "from Python ('" + Context.PythonName + "')";
  default:
    return "";
  }
}

/// Where code reached from \p Context runs: `the event loop`; empty for
/// contexts that say nothing of it.
static std::string place(const AsyncContext &Context) {
  if (Context.isAsync())
    return loopOf(Context).str();
  switch (Context.Kind) {
  case ContextKind::PoolTask:
    if (Context.PerConnection)
      return "a thread per connection";
    if (Context.NewThread)
      return Context.PerItem ? "a thread per item" : "a thread of its own";
    return "a thread pool";
  case ContextKind::PythonEntry:
    return Context.ReleasedByGuard ? "Python, the GIL released"
                                   : "Python, holding the GIL";
  default:
    return "";
  }
}

/// The functions reachable from \p Usr over calls, itself included.
static std::set<std::string> reachableFrom(const std::string &Usr,
                                           const SummaryIndex &Summaries) {
  std::set<std::string> Seen{Usr};
  std::vector<std::string> Work{Usr};
  while (!Work.empty()) {
    const FunctionSummary *Summary = Summaries.find(Work.back());
    Work.pop_back();
    if (!Summary)
      continue;
    for (const CallEdge &Call : Summary->Calls)
      if (Seen.insert(Call.CalleeUsr).second)
        Work.push_back(Call.CalleeUsr);
  }
  return Seen;
}

/// Fills each diagnosis's UsedWith from the contexts that reach it and the
/// loops that call it.
static void addUsage(std::vector<FunctionDiagnosis> &Diagnoses,
                     llvm::ArrayRef<AsyncContext> Contexts, DeclLookup &Lookup,
                     const SummaryIndex &Summaries) {
  std::map<std::string, std::set<std::string>> Uses, Places;
  for (const AsyncContext &Context : Contexts) {
    const FunctionSummary *Summary =
        Summaries.find(Lookup.identity(Context.Function));
    std::string Text = Summary ? usage(Context, *Summary) : "";
    if (Text.empty())
      continue;
    std::string Where = place(Context);
    for (const std::string &Usr : reachableFrom(Summary->Usr, Summaries)) {
      Uses[Usr].insert(Text);
      if (!Where.empty())
        Places[Usr].insert(Where);
    }
  }
  for (const auto &[Usr, Caller] : Summaries.functions())
    for (const CallEdge &Call : Caller.Calls)
      if (Call.InLoop)
        Uses[Call.CalleeUsr].insert("called per item in a loop ('" +
                                    Caller.Name + "')");
  for (FunctionDiagnosis &Diagnosis : Diagnoses) {
    auto It = Uses.find(Diagnosis.Usr);
    if (It != Uses.end())
      Diagnosis.UsedWith.assign(It->second.begin(), It->second.end());
    auto Where = Places.find(Diagnosis.Usr);
    if (Where != Places.end())
      Diagnosis.RunsOn.assign(Where->second.begin(), Where->second.end());
  }
}

/// The model that fits \p Diagnosis's work where it runs: DESIGN.md's table,
/// read for the places that run it.
static void fitModel(FunctionDiagnosis &Diagnosis) {
  auto RunsOn = [&](llvm::StringRef Place) {
    return llvm::is_contained(Diagnosis.RunsOn, Place);
  };
  llvm::StringRef Loop =
      RunsOn("the UI thread") ? "the UI thread" : "the event loop";
  bool OnLoop = RunsOn(Loop);
  bool ThreadEach =
      RunsOn("a thread per connection") || RunsOn("a thread per item");
  bool HoldingGil = RunsOn("Python, holding the GIL");
  if (Diagnosis.Kind != Verdict::Trivial)
    Diagnosis.MisfitPlace =
        OnLoop ? Loop.str()
        : ThreadEach && Diagnosis.Kind != Verdict::CPUBound
            ? (RunsOn("a thread per connection") ? "a thread per connection"
                                                 : "a thread per item")
        : HoldingGil && Diagnosis.Kind != Verdict::IOBound
            ? "Python, holding the GIL"
            : "";
  switch (Diagnosis.Kind) {
  case Verdict::Trivial:
    Diagnosis.Model = "any: it costs too little to matter";
    return;
  case Verdict::Mixed:
    Diagnosis.ModelKind = ConcurrencyModel::Threads;
    Diagnosis.Model = "split it: the waiting part on threads or async, the "
                      "computing part on a CPU pool (processes under the GIL)";
    return;
  case Verdict::IOBound:
    Diagnosis.ModelKind = OnLoop || ThreadEach ? ConcurrencyModel::Async
                                               : ConcurrencyModel::Threads;
    Diagnosis.Model =
        OnLoop ? "async: " +
                     std::string(Loop == "the UI thread" ? "the toolkit's"
                                                         : "the event loop's") +
                     " non-blocking form of each call, or the calls offloaded "
                     "to a bounded pool"
        : ThreadEach
            ? "async for thousands of concurrent calls, a bounded pool for "
              "hundreds, rather than a thread each"
        : HoldingGil ? "threads, with the GIL released around the waits"
                     : IOBoundModelSentence.str();
    return;
  case Verdict::CPUBound:
    Diagnosis.ModelKind =
        HoldingGil ? ConcurrencyModel::Processes : ConcurrencyModel::Threads;
    Diagnosis.Model =
        OnLoop ? "a CPU pool sized to the cores, off " + Loop.str()
        : HoldingGil
            ? "threads with the GIL released around the work, or processes"
            : CpuBoundModelSentence.str();
    return;
  }
}

std::vector<FunctionDiagnosis>
boundwise::diagnose(llvm::ArrayRef<DiagnosedFunction> Functions,
                    llvm::ArrayRef<AsyncContext> Contexts, DeclLookup &Lookup,
                    const SummaryIndex &Summaries, LineSource &Lines) {
  std::vector<FunctionDiagnosis> Result;
  for (const DiagnosedFunction &Function : Functions)
    Result.push_back(diagnoseOne(Function, Lookup, Summaries, Lines));
  addUsage(Result, Contexts, Lookup, Summaries);
  for (FunctionDiagnosis &Diagnosis : Result)
    fitModel(Diagnosis);
  return Result;
}

/// The findings reported inside \p Function's body.
static std::vector<const Finding *>
findingsIn(const FunctionDiagnosis &Function, const FileResult &Result) {
  std::vector<const Finding *> Inside;
  for (const Finding &F : Result.Findings)
    if (F.Rule != "clang-diagnostic-error" && F.Loc.File == Function.Loc.File &&
        F.Loc.Line >= Function.Loc.Line && F.Loc.Line <= Function.EndLine)
      Inside.push_back(&F);
  return Inside;
}

std::string boundwise::fitStatus(const FunctionDiagnosis &Function,
                                 const FileResult &Result) {
  std::vector<const Finding *> Inside = findingsIn(Function, Result);
  if (Inside.empty()) {
    if (!Function.MisfitPlace.empty())
      return "mismatch: its callers run it on " + Function.MisfitPlace;
    if (Function.Kind == Verdict::Trivial)
      return "ok";
    return Function.RunsOn.empty() ? "unknown: nothing visible runs it" : "ok";
  }
  std::string Status = "mismatch: ";
  for (size_t I = 0; I < Inside.size(); ++I)
    Status += (I ? ", " : "") + Inside[I]->Rule + " at line " +
              std::to_string(Inside[I]->Loc.Line);
  return Status;
}
