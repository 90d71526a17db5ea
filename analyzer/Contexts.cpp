//===--- Contexts.cpp - Where code runs
//------------------------------------===//
#include "analyzer/Contexts.h"
#include "analyzer/CallableResolver.h"
#include "analyzer/DeclLookup.h"
#include "analyzer/Names.h"
#include "analyzer/Placement.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"

using namespace clang;
using namespace boundwise;

static constexpr llvm::StringLiteral AsyncAnnotation = "boundwise::async";

static bool isCoroutine(const FunctionDecl *Function) {
  return Function && isa_and_nonnull<CoroutineBodyStmt>(Function->getBody());
}

/// Whether \p Function returns a coroutine it does not run itself: a
/// plain function that makes one (`return session(sock);`).
static bool returnsCoroutine(const FunctionDecl *Function) {
  const CXXRecordDecl *Record = classOfType(Function->getReturnType());
  if (!Record || !Record->hasDefinition())
    return false;
  IdentifierInfo &Name = Function->getASTContext().Idents.get("promise_type");
  return !Record->lookup(DeclarationName(&Name)).empty();
}

/// The I/O object of an async operation: a member's own object, or for a
/// free function (`async_read(sock, ...)`) its argument \p Arg.
static const Expr *ioObjectOf(const CallExpr *Call, int Arg) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    return Member->getImplicitObjectArgument();
  return argumentAt(Call, Arg);
}

/// Where a context of kind \p Context starts: event-loop work on the loop,
/// a pool task on its pool or thread. A coroutine's place comes from its
/// starts and callers; the other kinds say nothing of where code runs.
static std::optional<Place> startPlace(const AsyncContext &Context) {
  switch (Context.Kind) {
  case ContextKind::Handler:
  case ContextKind::LoopCallback:
  case ContextKind::Posted:
  case ContextKind::Annotated:
  case ContextKind::EntryPoint:
    return Place::EventLoop;
  case ContextKind::PoolTask:
    return Context.NewThread ? Place::OwnThread : Place::Pool;
  case ContextKind::UiCallback:
  case ContextKind::UiOverride:
    return Place::UiThread;
  case ContextKind::Coroutine:
  case ContextKind::PythonEntry:
  case ContextKind::GilReleasing:
  case ContextKind::ProcessSpawn:
  case ContextKind::ConnectionThread:
    return std::nullopt;
  }
  llvm_unreachable("covered switch");
}

/// Contexts of one group exclude each other; a function may be in several
/// groups (a pool task that releases the GIL).
static int groupOf(ContextKind Kind) {
  switch (Kind) {
  case ContextKind::PoolTask:
    return 1;
  case ContextKind::PythonEntry:
    return 2;
  case ContextKind::GilReleasing:
    return 3;
  case ContextKind::ProcessSpawn:
    return 4;
  case ContextKind::ConnectionThread:
    return 5;
  case ContextKind::Coroutine:
  case ContextKind::Handler:
  case ContextKind::LoopCallback:
  case ContextKind::Posted:
  case ContextKind::Annotated:
  case ContextKind::EntryPoint:
  case ContextKind::UiCallback:
  case ContextKind::UiOverride:
    return 0;
  }
  llvm_unreachable("covered switch");
}

/// Whether a loop starts one task per item: it walks a container, or counts
/// up to a size. A loop up to hardware_concurrency() does not.
static bool isPerItemLoop(const Stmt *Loop) {
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return !Range->getRangeInit() ||
           !Range->getRangeInit()->getType()->isConstantArrayType();
  const auto *For = dyn_cast<ForStmt>(Loop);
  const auto *Compare = dyn_cast_or_null<BinaryOperator>(
      For && For->getCond() ? For->getCond()->IgnoreImplicit() : nullptr);
  if (!Compare || !Compare->isComparisonOp())
    return false;
  for (const Expr *Side : {Compare->getLHS(), Compare->getRHS()}) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(Side->IgnoreImplicit());
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (Method && Method->getIdentifier() &&
        llvm::is_contained({"size", "length", "count"}, Method->getName()))
      return true;
  }
  return false;
}

/// Whether \p Call passes the enumerator of \p Policy (`std::launch::async`)
/// as its policy argument. A policy in a variable, or or-ed with another,
/// leaves the choice to the library.
static bool namesThreadPolicy(const Expr *Call,
                              const std::optional<ThreadPolicy> &Policy) {
  if (!Policy)
    return false;
  const Expr *Arg = argumentAt(Call, Policy->Arg);
  const auto *Ref =
      Arg ? dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()) : nullptr;
  const auto *Enumerator =
      Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
  return Enumerator && catalogNameOf(Enumerator) == Policy->Value;
}

/// The program a command starts: the base name of its first word.
static std::string programName(llvm::StringRef Command, bool IsShell) {
  Command = Command.ltrim();
  if (IsShell)
    Command = Command.take_until([](char C) { return isspace(C); });
  size_t Slash = Command.rfind('/');
  return (Slash == llvm::StringRef::npos ? Command
                                         : Command.drop_front(Slash + 1))
      .str();
}

namespace {

class ContextFinder : public RecursiveASTVisitor<ContextFinder> {
public:
  ContextFinder(DeclLookup &Lookup, FileFilter InScope)
      : Lookup(Lookup), SM(Lookup.astContext().getSourceManager()),
        InScope(InScope) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  /// Only the files being analysed are walked: never all of Asio.
  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && !InScope(D->getLocation()))
      return true;
    const auto *Function = dyn_cast<FunctionDecl>(D);
    if (!Function)
      return RecursiveASTVisitor::TraverseDecl(D);
    return inFunction(Function,
                      [&] { return RecursiveASTVisitor::TraverseDecl(D); });
  }

  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    return inFunction(Lambda->getCallOperator(), [&] {
      return RecursiveASTVisitor::TraverseLambdaExpr(Lambda);
    });
  }

  bool TraverseForStmt(ForStmt *Loop) {
    return inLoop(Loop,
                  [&] { return RecursiveASTVisitor::TraverseForStmt(Loop); });
  }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *Loop) {
    return inLoop(Loop, [&] {
      return RecursiveASTVisitor::TraverseCXXForRangeStmt(Loop);
    });
  }
  bool TraverseWhileStmt(WhileStmt *Loop) {
    return inLoop(Loop,
                  [&] { return RecursiveASTVisitor::TraverseWhileStmt(Loop); });
  }
  bool TraverseDoStmt(DoStmt *Loop) {
    return inLoop(Loop,
                  [&] { return RecursiveASTVisitor::TraverseDoStmt(Loop); });
  }

  bool VisitFunctionDecl(FunctionDecl *Function) {
    if (!Function->doesThisDeclarationHaveABody())
      return true;
    addOwnContext(Function, /*IsLambda=*/false);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *Lambda) {
    addOwnContext(Lambda->getCallOperator(), /*IsLambda=*/true);
    return true;
  }

  bool VisitVarDecl(VarDecl *Var) {
    if (Lookup.typeRole(Var->getType()) == TypeRole::GilRelease)
      addReleasing(catalogSpelling(Var->getType()));
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    ApiRoles Roles = Lookup.roles(Callee);
    std::string Api = Callee->getNameAsString();
    if (Roles.Handler)
      addHandlers(Call, *Roles.Handler, Api);
    if (Roles.Submit)
      addSubmitted(Call, *Roles.Submit, Api);
    if (Roles.Offload)
      addOffloaded(Call, *Roles.Offload, Api);
    if (Roles.Binding)
      addPythonBinding(Call, *Roles.Binding, Api);
    if (Roles.GilCall < 0)
      addReleasing(releaseSpelling(Call, Api));
    if (Roles.Spawner)
      addSpawn(Call, *Roles.Spawner, Api);
    if (Roles.Starter)
      addStartedCoroutine(Call, *Roles.Starter);
    if (Roles.Accepts && !AcceptsInLoop.empty())
      AcceptsInLoop.back().Accept = Call->getExprLoc();
    if (Roles.LimitsConnections && !AcceptsInLoop.empty())
      AcceptsInLoop.back().Limited = true;
    addEmplacedThread(Call);
    addCoroutineCall(Call);
    return true;
  }

  /// `ev->handler = on_read;`: a callback stored into a catalog field runs
  /// on the loop.
  bool VisitBinaryOperator(BinaryOperator *Assign) {
    if (Assign->getOpcode() != BO_Assign)
      return true;
    const auto *Member =
        dyn_cast<MemberExpr>(Assign->getLHS()->IgnoreParenImpCasts());
    const auto *Field =
        Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
    if (!Field)
      return true;
    addStoredCallback(Field, Assign->getRHS());
    return true;
  }

  /// `std::thread t(work)`: the constructor is the offloader.
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    const CXXConstructorDecl *Constructor = Construct->getConstructor();
    ApiRoles Roles = Lookup.roles(Constructor);
    std::string Api = catalogNameOf(Constructor->getParent());
    if (Roles.Offload)
      addOffloaded(Construct, *Roles.Offload, Api);
    if (Roles.Spawner)
      addSpawn(Construct, *Roles.Spawner, Api);
    return true;
  }

  /// An aggregate's initializer: a PyMethodDef table entry, a callback
  /// written into a catalog field (`{"http", callback_http, ...}`).
  bool VisitInitListExpr(InitListExpr *Written) {
    // The semantic form has the fields in order, designators resolved.
    const InitListExpr *List =
        Written->getSemanticForm() ? Written->getSemanticForm() : Written;
    if (Lookup.typeRole(List->getType()) == TypeRole::MethodTable)
      addMethodTableEntry(List);
    addInitializedCallbacks(List);
    return true;
  }

  /// A callback stored into a catalog field runs on the loop.
  void addStoredCallback(const FieldDecl *Field, const Expr *Callback) {
    std::string Name = catalogNameOf(Field);
    if (const HandlerField *Stored = Lookup.catalog().lookup(Name).Field)
      addCallables(Callback, ContextKind::LoopCallback, Name, Stored->Library);
  }

  void addInitializedCallbacks(const InitListExpr *List) {
    const RecordDecl *Record = List->getType()->getAsRecordDecl();
    if (!Record || Record->isUnion())
      return;
    // In C++ the bases come first.
    const auto *Class = dyn_cast<CXXRecordDecl>(Record);
    unsigned Index = Class && Class->hasDefinition() ? Class->getNumBases() : 0;
    for (const FieldDecl *Field : Record->fields()) {
      if (Index >= List->getNumInits())
        return;
      const Expr *Init = List->getInit(Index++);
      if (Field->getType()->isFunctionPointerType())
        addStoredCallback(Field, Init);
    }
  }

  /// A PyMethodDef table entry: its second field is callable from Python.
  void addMethodTableEntry(const InitListExpr *List) {
    if (List->getNumInits() < 2)
      return;
    const auto *Ref =
        dyn_cast<DeclRefExpr>(List->getInit(1)->IgnoreParenCasts());
    const auto *Function =
        Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr;
    if (!Function)
      return;
    // A function another file defines is still the one Python calls.
    const FunctionDecl *Definition = Function->getDefinition();
    if (!Definition)
      Definition = Function;
    AsyncContext Entry{Definition, ContextKind::PythonEntry, "PyMethodDef", "",
                       false};
    Entry.PythonName = Definition->getNameAsString();
    Entry.SubmitLoc = Lookup.point(List->getBeginLoc());
    add(std::move(Entry));
  }

  /// The contexts found, each coroutine placed where it runs.
  std::vector<AsyncContext> takeContexts() {
    Places.resolve();
    std::vector<AsyncContext> Result;
    for (auto &[Key, Context] : Contexts) {
      if (Context.Kind == ContextKind::Coroutine)
        Context.Where = Places.placesOf(Context.Function);
      Result.push_back(Context);
    }
    return Result;
  }

private:
  template <typename TraverseT>
  bool inFunction(const FunctionDecl *Function, TraverseT Traverse) {
    Functions.push_back(Function);
    unsigned SavedLoops = PerItemLoops;
    std::vector<LoopMark> SavedAccepts;
    std::swap(SavedAccepts, AcceptsInLoop);
    PerItemLoops = 0;
    bool Result = Traverse();
    PerItemLoops = SavedLoops;
    std::swap(SavedAccepts, AcceptsInLoop);
    Functions.pop_back();
    return Result;
  }

  template <typename TraverseT>
  bool inLoop(const Stmt *Loop, TraverseT Traverse) {
    bool PerItem = isPerItemLoop(Loop);
    PerItemLoops += PerItem;
    AcceptsInLoop.push_back({});
    bool Result = Traverse();
    AcceptsInLoop.pop_back();
    PerItemLoops -= PerItem;
    return Result;
  }

  /// Contexts a function is by itself: a coroutine, or marked async.
  void addOwnContext(const FunctionDecl *Function, bool IsLambda) {
    if (!Function)
      return;
    if (isCoroutine(Function)) {
      const CoroutineType *Known = Lookup.coroutineType(Function);
      Places.addCoroutine(Function, coroutineKindOf(Function, Lookup));
      return add({Function, ContextKind::Coroutine, "",
                  Known ? Known->Library : "", IsLambda});
    }
    if (hasAnnotation(Function, AsyncAnnotation))
      return add({Function, ContextKind::Annotated, "", "", IsLambda});
    if (Lookup.roles(Function).AsyncEntryPoint)
      return add({Function, ContextKind::EntryPoint, "", "", IsLambda});
    addUiOverride(Function);
  }

  /// `void MainWindow::paintEvent(QPaintEvent *)`: a UI class's override of
  /// a method the catalog says the UI thread calls.
  void addUiOverride(const FunctionDecl *Function) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Function);
    if (!Method || !Method->isVirtual() || !isUiClass(Method->getParent()))
      return;
    if (const auto [Overridden, Entry] = uiOverridden(Method, 0); Entry)
      add({Function, ContextKind::UiOverride, catalogNameOf(Overridden),
           Entry->Library, false});
  }

  /// The method \p Method overrides that the catalog lists, and its entry.
  std::pair<const CXXMethodDecl *, const UiEventHandler *>
  uiOverridden(const CXXMethodDecl *Method, unsigned Depth) {
    if (Depth > 8)
      return {nullptr, nullptr};
    for (const CXXMethodDecl *Overridden : Method->overridden_methods()) {
      if (const UiEventHandler *Entry =
              Lookup.catalog().lookup(catalogNameOf(Overridden)).UiOverride)
        return {Overridden, Entry};
      if (auto Found = uiOverridden(Overridden, Depth + 1); Found.second)
        return Found;
    }
    return {nullptr, nullptr};
  }

  bool isUiClass(const RecordDecl *Record) {
    return Record && Lookup.typeRole(Record) == TypeRole::UiObject;
  }

  /// The handlers of an async operation run where its I/O object's
  /// executor runs them: on the event loop, or on a pool.
  void addHandlers(const CallExpr *Call, const HandlerApi &Handler,
                   llvm::StringRef Api) {
    if (Handler.Kind == HandlerKind::ObjectThread)
      return addObjectThreadCallbacks(Call, Handler, Api);
    bool OnPool = Handler.IoObjectArg &&
                  ioObjectExecutor(ioObjectOf(Call, *Handler.IoObjectArg),
                                   Lookup) == ExecutorKind::Pool;
    ContextKind Kind = Handler.Kind == HandlerKind::LoopCallback
                           ? ContextKind::LoopCallback
                           : ContextKind::Handler;
    for (int Index : Handler.Args)
      addCallables(argumentAt(Call, Index), Kind, Api, Handler.Library, OnPool,
                   Handler.ReadyParam);
  }

  /// `connect(button, &QPushButton::clicked, this, &MainWindow::load)`:
  /// the callable runs on the thread of an object, the UI thread when the
  /// object is a UI class's. Run for another object it says nothing.
  void addObjectThreadCallbacks(const CallExpr *Call, const HandlerApi &Handler,
                                llvm::StringRef Api) {
    if (!isUiClass(threadObjectClass(Call, Handler)))
      return;
    for (int Index : Handler.Args)
      addCallables(argumentAt(Call, Index), ContextKind::UiCallback, Api,
                   Handler.Library);
  }

  /// The class of the object whose thread runs \p Call's callable: the
  /// first thread-object argument that points to an object, else the
  /// caller's own (`QTimer::singleShot(0, f)` in a method runs `f` on the
  /// method's thread).
  const RecordDecl *threadObjectClass(const CallExpr *Call,
                                      const HandlerApi &Handler) {
    for (int Index : Handler.ThreadObjectArgs) {
      const Expr *Arg = argumentAt(Call, Index);
      QualType Type = Arg ? Arg->IgnoreParenImpCasts()->getType() : QualType();
      if (!Type.isNull() && Type->isPointerType() &&
          Type->getPointeeType()->isRecordType())
        return Type->getPointeeType()->getAsRecordDecl();
    }
    auto Caller =
        llvm::find_if(llvm::reverse(Functions), [](const FunctionDecl *F) {
          const auto *Method = dyn_cast_or_null<CXXMethodDecl>(F);
          return Method && !Method->getParent()->isLambda();
        });
    if (Caller == Functions.rend())
      return nullptr;
    const auto *Method = cast<CXXMethodDecl>(*Caller);
    return Method->isInstance() ? Method->getParent() : nullptr;
  }

  /// A call of a coroutine that no API starts: the coroutine runs where
  /// its caller runs (awaited, or driven synchronously). A plain function
  /// that only returns the coroutine leaves that to its own callers.
  void addCoroutineCall(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const FunctionDecl *Definition = nullptr;
    if (!Callee || !Callee->hasBody(Definition) || !isCoroutine(Definition) ||
        Started.count(Call) || Functions.empty() || !Functions.back())
      return;
    const FunctionDecl *Caller = Functions.back();
    if (!isCoroutine(Caller) && returnsCoroutine(Caller))
      return;
    Places.addCall(Caller, Definition);
  }

  void addCallables(const Expr *Callable, ContextKind Kind, llvm::StringRef Api,
                    llvm::StringRef Library, bool OnPool = false,
                    std::optional<unsigned> ReadyParam = std::nullopt) {
    for (const ResolvedCallable &Resolved :
         resolveCallables(Callable, Lookup)) {
      if (Resolved.OnPool || OnPool) {
        addPoolTask(Resolved, Api, /*NewThread=*/false, nullptr);
        continue;
      }
      AsyncContext Context{Resolved.Function, Kind, Api.str(), Library.str(),
                           Resolved.IsLambda};
      Context.SubmitLoc = Lookup.point(Callable->getExprLoc());
      if (ReadyParam && *ReadyParam < Resolved.Function->getNumParams())
        Context.ReadyParam = ReadyParam;
      add(std::move(Context));
    }
  }

  void addPoolTask(const ResolvedCallable &Resolved, llvm::StringRef Api,
                   bool NewThread, const Expr *Submit) {
    AsyncContext Task{Resolved.Function, ContextKind::PoolTask, Api.str(), "",
                      Resolved.IsLambda};
    Task.NewThread = NewThread;
    Task.PerItem = Submit && PerItemLoops > 0;
    Task.PerConnection = llvm::any_of(AcceptsInLoop, [](const LoopMark &Mark) {
      return Mark.Accept.isValid();
    });
    if (Submit)
      Task.SubmitLoc = Lookup.point(Submit->getExprLoc());
    if (NewThread && Task.PerItem)
      Task.ThreadPerItemSites.push_back(Task.SubmitLoc);
    add(std::move(Task));
  }

  /// post/dispatch/co_spawn: on an event loop the callable is a context; on a
  /// pool it is a pool task. A spawned coroutine starts where the executor
  /// runs it, whoever made it.
  void addSubmitted(const CallExpr *Call, const Submitter &Submit,
                    llvm::StringRef Api) {
    const Expr *Callable = argumentAt(Call, Submit.CallableArg);
    ExecutorKind Executor =
        Lookup.executorKind(argumentAt(Call, Submit.ExecutorArg));
    addSpawnedCoroutine(Callable, placeOfExecutor(Executor));
    switch (Executor) {
    case ExecutorKind::EventLoop:
      return addCallables(Callable, ContextKind::Posted, Api, Submit.Library);
    case ExecutorKind::Pool:
      for (const ResolvedCallable &Resolved :
           resolveCallables(Callable, Lookup))
        addPoolTask(Resolved, Api, /*NewThread=*/false, Call);
      return;
    case ExecutorKind::Wrapper:
    case ExecutorKind::Unknown:
      return;
    }
  }

  /// `session(sock).via(ex)`: the coroutine the starter is called on runs
  /// on its executor.
  void addStartedCoroutine(const CallExpr *Call,
                           const CoroutineStarter &Starter) {
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    if (!Member)
      return;
    std::optional<Place> Where;
    if (Starter.ExecutorArg)
      Where = placeOfExecutor(
          Lookup.executorKind(argumentAt(Call, *Starter.ExecutorArg)));
    addSpawnedCoroutine(Member->getImplicitObjectArgument(), Where);
  }

  /// `co_spawn(ex, session(sock), ...)`: the call makes the coroutine, the
  /// executor runs it; an executor of unknown kind leaves it to its type.
  void addSpawnedCoroutine(const Expr *Callable, std::optional<Place> Where) {
    const FunctionDecl *Spawned = resolveSpawnedCoroutine(Callable);
    const FunctionDecl *Definition = nullptr;
    if (!Spawned || !Spawned->hasBody(Definition))
      return;
    if (const auto *Call = dyn_cast<CallExpr>(stripWrappers(Callable)))
      Started.insert(Call);
    Places.addStart(Definition, Where);
  }

  void addSpawn(const Expr *Call, const ProcessSpawner &Spawn,
                llvm::StringRef Api) {
    if (Functions.empty() || !Functions.back())
      return;
    AsyncContext Process{Functions.back(), ContextKind::ProcessSpawn, Api.str(),
                         "", false};
    Process.Spawning = Spawn.Kind;
    Process.SubmitLoc = Lookup.point(Call->getExprLoc());
    Process.InLoop = PerItemLoops > 0;
    if (Spawn.Kind != SpawnKind::Fork)
      Process.Program =
          programName(literalPrefix(argumentAt(Call, Spawn.ProgramArg)),
                      Spawn.Kind == SpawnKind::Shell);
    add(std::move(Process), Call->getExprLoc());
  }

  /// A thread started in a loop that accepts connections.
  void addConnectionThread(const Expr *Start, llvm::StringRef Api) {
    auto Accept = llvm::find_if(AcceptsInLoop, [](const LoopMark &Mark) {
      return Mark.Accept.isValid();
    });
    // A semaphore acquired per connection bounds the threads.
    if (Accept == AcceptsInLoop.end() || Accept->Limited || Functions.empty() ||
        !Functions.back())
      return;
    AsyncContext Connection{Functions.back(), ContextKind::ConnectionThread,
                            Api.str(), "", false};
    Connection.SubmitLoc = Lookup.point(Start->getExprLoc());
    Connection.AcceptLoc = Lookup.point(Accept->Accept);
    add(std::move(Connection), Start->getExprLoc());
  }

  void addOffloaded(const Expr *Call, const Offloader &Offload,
                    llvm::StringRef Api) {
    bool NewThread = Offload.Kind == OffloadKind::Thread ||
                     namesThreadPolicy(Call, Offload.ThreadWhen);
    if (NewThread)
      addConnectionThread(Call, Api);
    auto Args = callArguments(Call);
    for (unsigned I = 0; I < Args.size(); ++I) {
      if (!Offload.Args.empty() && !llvm::any_of(Offload.Args, [&](int Index) {
            return argumentAt(Call, Index) == Args[I];
          }))
        continue;
      for (const ResolvedCallable &Resolved : resolveCallables(Args[I], Lookup))
        addPoolTask(Resolved, Api, NewThread, Call);
    }
  }

  /// `threads.emplace_back(work)` constructs a std::thread in place: the
  /// element's constructor is the offloader.
  void addEmplacedThread(const CallExpr *Call) {
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
    if (!Method || !Method->getIdentifier() ||
        !Method->getName().starts_with("emplace"))
      return;
    const auto *Container =
        dyn_cast<ClassTemplateSpecializationDecl>(Method->getParent());
    if (!Container || Container->getTemplateArgs().size() == 0 ||
        Container->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return;
    const CXXRecordDecl *Element =
        classOfType(Container->getTemplateArgs()[0].getAsType());
    if (!Element)
      return;
    std::string Name = catalogNameOf(Element);
    ApiRoles Roles =
        Lookup.catalog().lookup(Name + "::" + Element->getNameAsString());
    if (Roles.Offload)
      addOffloaded(Call, *Roles.Offload, Name);
  }

  void addPythonBinding(const CallExpr *Call, const PythonBinding &Binding,
                        llvm::StringRef Api) {
    // pybind11 ignores a call_guard on properties: only APIs with a
    // release guard of their own honour one.
    bool Released = !Binding.ReleaseGuard.empty() &&
                    llvm::any_of(callArguments(Call), [&](const Expr *Arg) {
                      return isReleaseGuard(Arg->getType());
                    });
    std::optional<Replacement> Fix;
    bool FixInMacro = false;
    if (!Released && !Binding.ReleaseGuard.empty())
      Fix = insertionBefore(Call->getRParenLoc(), ", " + Binding.ReleaseGuard,
                            FixInMacro);
    for (int Index : Binding.Args)
      for (const ResolvedCallable &Resolved :
           resolveCallables(argumentAt(Call, Index), Lookup)) {
        AsyncContext Entry{Resolved.Function, ContextKind::PythonEntry,
                           Api.str(), "", Resolved.IsLambda};
        Entry.PythonName = stringLiteral(argumentAt(Call, 0))
                               .value_or(Lookup.displayName(Resolved.Function));
        Entry.SubmitLoc = Lookup.point(Call->getExprLoc());
        Entry.ReleasedByGuard = Released;
        Entry.ReleaseFix = Fix;
        Entry.ReleaseFixInMacro = FixInMacro;
        Entry.ReleaseScope = Lookup.catalog().releaseScopeOf(Binding).str();
        if (Released)
          Entry.ReleasedBy = "by the binding's call_guard<gil_scoped_release>";
        notePythonValueParam(Entry);
        add(std::move(Entry));
      }
  }

  void notePythonValueParam(AsyncContext &Entry) {
    for (const ParmVarDecl *Param : Entry.Function->parameters()) {
      QualType Type = Param->getType();
      if (Type->isReferenceType() || Type->isPointerType() ||
          Lookup.typeRole(Type) != TypeRole::PythonObject)
        continue;
      Entry.PythonValueParam = Lookup.point(Param->getLocation());
      Entry.PythonValueParamType =
          Type.getAsString(Lookup.astContext().getPrintingPolicy());
      return;
    }
  }

  /// `call_guard<gil_scoped_release>`: a guard type with a release type
  /// among its template arguments.
  bool isReleaseGuard(QualType Type) {
    const auto *Guard =
        dyn_cast_or_null<ClassTemplateSpecializationDecl>(classOfType(Type));
    if (!Guard || Lookup.typeRole(Type) != TypeRole::GilGuard)
      return false;
    for (const TemplateArgument &Arg : Guard->getTemplateArgs().asArray()) {
      if (Arg.getKind() == TemplateArgument::Type &&
          Lookup.typeRole(Arg.getAsType()) == TypeRole::GilRelease)
        return true;
      if (Arg.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &Packed : Arg.pack_elements())
          if (Packed.getKind() == TemplateArgument::Type &&
              Lookup.typeRole(Packed.getAsType()) == TypeRole::GilRelease)
            return true;
    }
    return false;
  }

  void addReleasing(std::string How) {
    if (Functions.empty() || !Functions.back())
      return;
    AsyncContext Releasing{Functions.back(), ContextKind::GilReleasing, "", "",
                           false};
    Releasing.ReleasedBy = std::move(How);
    add(std::move(Releasing));
  }

  /// The guard's type as the user wrote it: `by py::gil_scoped_release`.
  std::string catalogSpelling(QualType Type) {
    return "by " + Type.getLocalUnqualifiedType().getAsString(
                       Lookup.astContext().getPrintingPolicy());
  }

  /// `Py_BEGIN_ALLOW_THREADS` expands to PyEval_SaveThread: name the macro.
  std::string releaseSpelling(const CallExpr *Call, llvm::StringRef Api) {
    SourceLocation Loc = Call->getBeginLoc();
    for (; Loc.isMacroID(); Loc = SM.getImmediateMacroCallerLoc(Loc)) {
      llvm::StringRef Macro = Lexer::getImmediateMacroName(
          Loc, SM, Lookup.astContext().getLangOpts());
      if (SM.getImmediateMacroCallerLoc(Loc).isFileID())
        return ("by " + Macro).str();
    }
    return ("by " + Api).str();
  }

  static std::optional<std::string> stringLiteral(const Expr *E) {
    const auto *Literal =
        dyn_cast_or_null<StringLiteral>(E ? E->IgnoreParenImpCasts() : nullptr);
    if (!Literal || !Literal->isOrdinary())
      return std::nullopt;
    return Literal->getString().str();
  }

  /// An insertion of \p Text before \p Loc, where the file spells it: in a
  /// macro's argument, where the argument is written. In a macro's body an
  /// edit has no place of its own, so \p InMacro is set and the replacement
  /// only says where the macro is used.
  std::optional<Replacement> insertionBefore(SourceLocation Loc,
                                             std::string Text, bool &InMacro) {
    CharSourceRange InFile =
        Lexer::makeFileCharRange(CharSourceRange::getCharRange(Loc, Loc), SM,
                                 Lookup.astContext().getLangOpts());
    InMacro = InFile.isInvalid() && Loc.isMacroID();
    Loc = InFile.isValid() ? InFile.getBegin() : SM.getExpansionLoc(Loc);
    if (Loc.isInvalid())
      return std::nullopt;
    SourcePoint Where = Lookup.point(Loc);
    return Replacement{Where.File, SM.getFileOffset(Loc), 0, std::move(Text),
                       Where.Line, Where.Column};
  }

  /// One context per function and group (and site, for those started at
  /// one); a coroutine is named as one whatever else made it an async
  /// context.
  void add(AsyncContext Context, SourceLocation Site = SourceLocation()) {
    if (std::optional<Place> Where = startPlace(Context)) {
      Context.Where.add(*Where);
      Places.addStart(Context.Function, Where);
    }
    auto Key = std::make_tuple(Context.Function, groupOf(Context.Kind),
                               Site.getRawEncoding());
    auto [It, New] = Contexts.insert({Key, Context});
    if (!New && Context.Kind == ContextKind::Coroutine)
      It->second = Context;
    // A task started from several places: each thread per item counts.
    if (!New && Context.Kind == ContextKind::PoolTask)
      llvm::append_range(It->second.ThreadPerItemSites,
                         Context.ThreadPerItemSites);
  }

  DeclLookup &Lookup;
  const SourceManager &SM;
  FileFilter InScope;
  llvm::MapVector<std::tuple<const FunctionDecl *, int, unsigned>, AsyncContext>
      Contexts;
  Placement Places;
  /// Coroutine calls that an API starts (co_spawn's argument): not calls
  /// of their enclosing function.
  llvm::DenseSet<const Expr *> Started;
  std::vector<const FunctionDecl *> Functions;
  unsigned PerItemLoops = 0;
  /// One entry per enclosing loop: the accept call made in it, if any, and
  /// whether it limits its connections (a semaphore).
  struct LoopMark {
    SourceLocation Accept;
    bool Limited = false;
  };
  std::vector<LoopMark> AcceptsInLoop;
};

} // namespace

std::vector<AsyncContext> boundwise::findAsyncContexts(ASTContext &Context,
                                                       DeclLookup &Lookup,
                                                       FileFilter InScope) {
  ContextFinder Finder(Lookup, InScope);
  Finder.TraverseDecl(Context.getTranslationUnitDecl());
  return Finder.takeContexts();
}

std::string boundwise::describeContext(const AsyncContext &Context,
                                       llvm::StringRef FunctionName) {
  std::string Name = ("'" + FunctionName + "'").str();
  std::string Api = "'" + Context.Api + "'";
  std::string Lambda = "the lambda passed to " + Api;
  switch (Context.Kind) {
  case ContextKind::Coroutine:
    return Context.IsLambda ? "this lambda is a coroutine"
                            : Name + " is a coroutine";
  case ContextKind::Handler:
    return Context.IsLambda ? Lambda + " is a completion handler"
                            : Name + " is a completion handler of " + Api;
  case ContextKind::LoopCallback:
    return Context.IsLambda ? Lambda + " is an event-loop callback"
                            : Name + " is an event-loop callback of " + Api;
  case ContextKind::Posted:
    return Context.IsLambda
               ? Lambda + " runs on the event loop"
               : Name + " runs on the event loop (posted with " + Api + ")";
  case ContextKind::Annotated:
    return Name + " is marked boundwise::async";
  case ContextKind::EntryPoint:
    return Name + " is an async entry point";
  case ContextKind::PoolTask: {
    std::string Where = Context.NewThread ? "its own thread" : "a thread pool";
    return Context.IsLambda ? Lambda + " runs on " + Where
                            : Name + " runs on " + Where + " (" + Api + ")";
  }
  case ContextKind::UiCallback:
    return Context.IsLambda
               ? Lambda + " runs on the UI thread"
               : Name + " runs on the UI thread (given to " + Api + ")";
  case ContextKind::UiOverride:
    return Name + " runs on the UI thread (it overrides " + Api + ")";
  case ContextKind::PythonEntry:
    return "'" + Context.PythonName +
           "' is called from Python with the GIL held";
  case ContextKind::GilReleasing:
  case ContextKind::ProcessSpawn:
  case ContextKind::ConnectionThread:
    return Name;
  }
  llvm_unreachable("covered switch");
}

llvm::StringRef boundwise::loopOf(const AsyncContext &Context) {
  return Context.Where.has(Place::UiThread) &&
                 !Context.Where.has(Place::EventLoop)
             ? "the UI thread"
             : "the event loop";
}
