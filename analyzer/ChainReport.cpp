//===--- ChainReport.cpp - Findings with an evidence chain ----------------===//
#include "analyzer/ChainReport.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/LineSource.h"

#include "llvm/ADT/STLExtras.h"

using namespace boundwise;

std::vector<ChainStart>
boundwise::chainStarts(const FunctionSummary &Function, Mode M,
                       CategoryFilter Accept, const SummaryIndex &Summaries,
                       const std::set<std::string> &Skip) {
  std::vector<ChainStart> Starts;
  for (const EffectOp &Op : Function.Ops)
    if (Accept(Op.Cat) && countsIn(M, Op.State))
      Starts.push_back({&Op, nullptr, nullptr, M, Op.Cat});
  for (const CallEdge &Call : Function.Calls) {
    std::optional<Mode> Next = modeAcross(M, Call.State);
    const FunctionSummary *Callee = Summaries.find(Call.CalleeUsr);
    if (!Next || !Callee || Skip.count(Callee->Identity))
      continue;
    if (const BlockingReach *Reach = Callee->shortestReach(Accept, *Next))
      Starts.push_back({nullptr, &Call, Callee, *Next, Reach->Cat});
  }
  return Starts;
}

const EffectOp *boundwise::lastOp(const ChainStart &Start,
                                  const SummaryIndex &Summaries) {
  if (Start.Op)
    return Start.Op;
  std::vector<ChainStep> Chain =
      Summaries.chain(Start.Callee->Usr, Start.Cat, Start.CalleeMode);
  return Chain.empty() ? nullptr : Chain.back().Op;
}

std::string boundwise::opPhrase(const EffectOp &Op) {
  if (Op.IsLoop)
    return Op.What;
  return "calls '" + Op.Api + "', which " + Op.What;
}

std::string boundwise::describeReaches(const ChainStart &Start,
                                       CategoryFilter Accept,
                                       const SummaryIndex &Summaries) {
  std::string Text;
  for (auto [Cat, Op] :
       Summaries.nearestOps(*Start.Callee, Start.CalleeMode, Accept)) {
    if (!Text.empty())
      Text += ", ";
    Text += categoryVerb(Cat).str() + " (" + Op->Api + ")";
  }
  return Text;
}

std::vector<FindingNote> boundwise::chainNotes(const SummaryIndex &Summaries,
                                               LineSource &Lines,
                                               llvm::StringRef Usr,
                                               Category Cat, Mode M,
                                               bool WithNoun) {
  std::vector<FindingNote> Notes;
  for (const ChainStep &Step : Summaries.chain(Usr, Cat, M)) {
    if (Step.Op) {
      std::string Text = "'" + Step.Function->Name + "' " + opPhrase(*Step.Op);
      if (WithNoun && Step.Op->Cat != Category::Declared)
        Text += " (" + categoryNoun(Step.Op->Cat).str() + ")";
      Notes.push_back({Lines.locate(Step.Op->Loc), Text});
      continue;
    }
    const FunctionSummary *Next = Summaries.find(Step.Call->CalleeUsr);
    Notes.push_back({Lines.locate(Step.Call->Loc),
                     "'" + Step.Function->Name + "' calls '" +
                         (Next ? Next->Name : std::string("?")) + "'"});
  }
  return Notes;
}

std::vector<FindingNote> boundwise::chainNotes(llvm::StringRef Usr,
                                               Category Cat, Mode M,
                                               const AnalysisState &State) {
  return chainNotes(State.Summaries, State.Lines, Usr, Cat, M,
                    /*WithNoun=*/true);
}

Finding boundwise::chainFinding(llvm::StringRef Rule, const ChainStart &Start,
                                std::string Message, ConcurrencyModel Model,
                                const AnalysisState &State) {
  Finding Result;
  Result.Rule = Rule.str();
  Result.Loc = State.Lines.locate(Start.loc());
  Result.Work = Result.Loc;
  Result.Message = std::move(Message);
  Result.SuggestedModel = Model;
  if (Start.Callee)
    Result.Notes =
        chainNotes(Start.Callee->Usr, Start.Cat, Start.CalleeMode, State);
  return Result;
}

std::set<std::string> boundwise::asyncContextUsrs(const AnalysisState &State) {
  std::set<std::string> Usrs;
  for (const AsyncContext &Context : State.Contexts)
    if (Context.isAsync() || Context.Kind == ContextKind::Coroutine)
      Usrs.insert(State.Lookup.identity(Context.Function));
  return Usrs;
}

std::string boundwise::offloadAdvice(const AsyncContext &Context,
                                     const Catalog &TheCatalog,
                                     llvm::StringRef Fallback) {
  if (const Advice *Library = TheCatalog.adviceFor(Context.Library)) {
    const std::string &Form = Context.Kind == ContextKind::Coroutine
                                  ? Library->Coroutine
                                  : Library->Handler;
    if (!Form.empty())
      return Form;
  }
  return Fallback.str();
}

Mode boundwise::pythonEntryMode(const AsyncContext &Entry) {
  return Entry.ReleasedByGuard ? Mode::GilAcquired : Mode::GilHeld;
}

bool boundwise::touchesPythonWhenReleased(const AsyncContext &Context,
                                          const FunctionSummary &Entry,
                                          const SummaryIndex &Summaries) {
  // A Python object taken by value is released after the body, GIL or not.
  if (Context.PythonValueParam)
    return true;
  return !chainStarts(
              Entry, Mode::GilReleased,
              [](Category Cat) { return Cat == Category::Python; }, Summaries)
              .empty();
}

void boundwise::addReleaseFix(const AsyncContext &Entry, Finding &Out) {
  if (!Entry.ReleaseFix)
    return;
  static constexpr llvm::StringLiteral Description =
      "release the GIL for the whole call";
  if (!Entry.ReleaseFixInMacro) {
    Out.Fixes.push_back({Description.str(), {*Entry.ReleaseFix}});
    return;
  }
  const Replacement &MacroUse = *Entry.ReleaseFix;
  Out.FixesInMacros.push_back(
      {{MacroUse.File, MacroUse.Line, MacroUse.Column, ""}, Description.str()});
}

std::string boundwise::releaseScopeName(const AsyncContext &Entry) {
  return Entry.ReleaseScope.empty() ? "a gil_scoped_release scope"
                                    : Entry.ReleaseScope;
}

/// How to release the GIL for entry point \p Entry: on its binding, with
/// CPython's macros, or inside it.
static std::string releaseAdvice(const AsyncContext &Entry) {
  if (Entry.ReleaseFix)
    return "release the GIL: add " +
           llvm::StringRef(Entry.ReleaseFix->Text).drop_front(2).str() +
           " to the binding";
  if (Entry.Api == "PyMethodDef")
    return "release the GIL around it with Py_BEGIN_ALLOW_THREADS / "
           "Py_END_ALLOW_THREADS";
  return "release the GIL inside it (" + releaseScopeName(Entry) +
         ") around the work";
}

/// A finding whose fix is the binding's (a call_guard on `m.def`), or whose
/// context another file defines, is reported at the binding or the
/// registration; a note leads to the work.
static void moveToRegistration(const AsyncContext &Entry,
                               const FunctionSummary &Summary,
                               const ChainStart &Start,
                               const AnalysisState &State, Finding &Result) {
  std::string Step =
      Start.Op ? opPhrase(*Start.Op) : "calls '" + Start.Callee->Name + "'";
  Result.Notes.insert(Result.Notes.begin(),
                      {Result.Loc, "'" + Summary.Name + "' " + Step});
  Result.Loc = State.Lines.locate(Entry.SubmitLoc);
}

void boundwise::reportHeldGilWork(
    const AnalysisState &State, llvm::StringRef Rule, CategoryFilter Accept,
    llvm::StringRef Consequence,
    llvm::function_ref<std::string(const AsyncContext &)> TouchAdvice,
    std::vector<Finding> &Out) {
  forEachStart(
      State, Accept,
      [](const AsyncContext &C) { return C.Kind == ContextKind::PythonEntry; },
      pythonEntryMode,
      [&](const AsyncContext &Entry, const FunctionSummary &Summary,
          const ChainStart &Start) {
        bool Touches =
            touchesPythonWhenReleased(Entry, Summary, State.Summaries);
        // CPython's macros release the GIL around a part: they fit either
        // way.
        bool Releasable = !Touches || Entry.Api == "PyMethodDef";
        Finding Result = chainFinding(
            Rule, Start,
            describeContext(Entry, Summary.Name) + ", but " +
                describeStart(Start, Accept, State.Summaries) +
                Consequence.str() +
                (Releasable ? releaseAdvice(Entry) : TouchAdvice(Entry)),
            Touches ? ConcurrencyModel::Processes : ConcurrencyModel::Threads,
            State);
        if (!Touches && Entry.ReleaseFix)
          moveToRegistration(Entry, Summary, Start, State, Result);
        if (!Touches)
          addReleaseFix(Entry, Result);
        Out.push_back(std::move(Result));
      },
      Out);
}

std::string boundwise::describeStart(const ChainStart &Start,
                                     CategoryFilter Accept,
                                     const SummaryIndex &Summaries) {
  if (Start.Op)
    return "it " + opPhrase(*Start.Op);
  return "'" + Start.Callee->Name + "' " +
         describeReaches(Start, Accept, Summaries);
}

void boundwise::forEachStart(
    const AnalysisState &State, CategoryFilter Accept,
    llvm::function_ref<bool(const AsyncContext &)> Wanted,
    llvm::function_ref<Mode(const AsyncContext &)> EntryMode,
    llvm::function_ref<void(const AsyncContext &, const FunctionSummary &,
                            const ChainStart &)>
        Report,
    std::vector<Finding> &Out) {
  // A coroutine called from another async context reports its own
  // findings, in the innermost context; the caller's co_await of it is not
  // a second one. A coroutine that runs elsewhere (co_spawned onto a pool)
  // does not run in the caller at all.
  std::set<std::string> AsyncUsrs = asyncContextUsrs(State);
  for (const AsyncContext &Context : State.Contexts) {
    if (!Wanted(Context))
      continue;
    const FunctionSummary *Summary =
        State.Summaries.find(State.Lookup.identity(Context.Function));
    if (!Summary)
      continue;
    const std::set<std::string> NoSkip;
    // Defined in another file: the work is there, the registration here.
    bool Elsewhere =
        !Context.Function->hasBody() && !Context.SubmitLoc.File.empty();
    for (const ChainStart &Start :
         chainStarts(*Summary, EntryMode(Context), Accept, State.Summaries,
                     Context.isAsync() ? AsyncUsrs : NoSkip)) {
      size_t Before = Out.size();
      Report(Context, *Summary, Start);
      if (!Elsewhere)
        continue;
      for (size_t I = Before; I < Out.size(); ++I)
        if (Out[I].Loc.File != Context.SubmitLoc.File ||
            Out[I].Loc.Line != Context.SubmitLoc.Line)
          moveToRegistration(Context, *Summary, Start, State, Out[I]);
    }
  }
}
