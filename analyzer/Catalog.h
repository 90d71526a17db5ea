//===--- Catalog.h - What known APIs wait for and where code runs -*- C++
//-*-===//
//
/// \file
/// The API catalog: plain data loaded from rules/catalog/*.yaml and from a
/// project's .boundwise.yaml. rules/catalog/README.md documents the schema;
/// the structs below mirror it one to one.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_CATALOG_H
#define BOUNDWISE_ANALYZER_CATALOG_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/GlobPattern.h"
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace boundwise {

/// What an operation costs: a kind of blocking (network, file, sleep, wait,
/// database, declared), CPU work, or a touch of Python objects.
enum class Category {
  Network,
  File,
  Sleep,
  Wait,
  Database,
  Declared,
  Cpu,
  Python
};

/// Whether \p C is one of the kinds of blocking.
bool isBlocking(Category C);
inline bool isCpu(Category C) { return C == Category::Cpu; }
inline bool isPython(Category C) { return C == Category::Python; }

/// `network`, `file`, ...: the spelling in YAML and JSON.
llvm::StringRef categoryName(Category C);
/// The category spelled \p Name (categoryName's inverse), if any.
std::optional<Category> categoryNamed(llvm::StringRef Name);
/// `blocks on the network`, `sleeps`, ...: what a function that reaches
/// blocking of category \p C does, in messages.
llvm::StringRef categoryVerb(Category C);
/// `blocking network I/O`, `a blocking sleep`, ...: the kind of an operation.
llvm::StringRef categoryNoun(Category C);

enum class ConditionKind {
  FlagSet,
  FdNonblocking,
  /// The descriptor is one the loop reported ready, and the call is not
  /// repeated in a loop: one read or accept of it does not wait.
  FdReady,
  ZeroTimeout,
  ArgNull,
  MinArgs,
  ArgClass,
  /// The argument is a path whose constant beginning is one of the prefixes:
  /// a file of /proc or /sys is kernel memory, not a disk.
  ArgPath
};

/// One `unless:` or `only-if:` condition of a blocking entry.
struct Condition {
  ConditionKind When = ConditionKind::FlagSet;
  int Arg = 0;
  /// flag-set: the constant, or any one of several.
  std::string Flag;
  std::vector<std::string> Flags;
  unsigned Count = 0;
  /// arg-class: the argument's class is one of these or derives from one.
  std::vector<std::string> Classes;
  /// arg-path: the beginnings of the paths the condition covers.
  std::vector<std::string> Prefixes;
  /// The condition reads the object a member is called on, not an argument.
  bool Object = false;
};

struct BlockingEntry {
  std::vector<std::string> Names;
  Category Cat = Category::Wait;
  std::string What;
  /// The non-blocking form per library of the async context (`asio`,
  /// `libuv`, `generic`).
  std::map<std::string, std::string> Alternative;
  std::vector<Condition> Unless;
  std::vector<Condition> OnlyIf;
  /// Globs over the declaration's first parameter types (see `params:`):
  /// which overloads and constructors the entry covers; empty covers all.
  std::vector<std::string> Params;
};

/// What a handler API's callable is: a completion handler of one operation
/// (Asio), a callback the loop calls on its events (libuv, libevent, GLib
/// sources), or a callback run on the thread of an object, which is the UI
/// thread when the object is a UI class (a Qt slot, a GTK signal handler).
enum class HandlerKind { Completion, LoopCallback, ObjectThread };

/// An API whose callable arguments run on the event loop.
struct HandlerApi {
  std::vector<std::string> Names;
  std::string Library;
  std::vector<int> Args;
  HandlerKind Kind = HandlerKind::Completion;
  /// The I/O object whose executor runs the handlers: a member function's
  /// own object, or for a free function this argument (`async_read(sock,
  /// ...)`). A socket made on a thread pool completes on the pool.
  std::optional<int> IoObjectArg;
  /// ObjectThread: the arguments that may be the object whose thread runs
  /// the callable (`connect`'s receiver, else its sender), the first that
  /// is a pointer to an object; with none, the caller's own object.
  std::vector<int> ThreadObjectArgs;
  /// LoopCallback of a readiness watcher: the callback's parameter that
  /// holds the watched descriptor, or the object it is got from (a
  /// GIOChannel), ready when the loop calls it.
  std::optional<unsigned> ReadyParam;
};

/// A field that holds a callback the loop calls on its events: a function
/// stored into it (`ev->handler = on_read`) runs on the loop.
struct HandlerField {
  std::vector<std::string> Names;
  std::string Library;
};

/// Virtual methods that the UI thread calls on the objects of a UI class
/// (`QWidget::*Event`): a UI class's override runs on the UI thread.
struct UiEventHandler {
  std::vector<std::string> Names;
  std::string Library;
};

/// post/dispatch/co_spawn: where the callable runs depends on the executor.
struct Submitter {
  std::vector<std::string> Names;
  std::string Library;
  int ExecutorArg = 0;
  int CallableArg = -1;
};

/// An API whose callable arguments run on another thread.
/// What runs an offloaded callable: a new thread per call, or threads that
/// are reused.
enum class OffloadKind { Pool, Thread };

/// An argument whose value, an enumerator, makes a pool offloader start a
/// thread per call: `std::async(std::launch::async, f)`.
struct ThreadPolicy {
  int Arg = 0;
  std::string Value;
};

struct Offloader {
  std::vector<std::string> Names;
  std::vector<int> Args;
  OffloadKind Kind = OffloadKind::Pool;
  std::optional<ThreadPolicy> ThreadWhen;
};

/// What a CPU-heavy function does; the cost of sorting, hashing and
/// compression grows with their input, that of a password hash or a regex
/// does not need a large one.
enum class CpuKind { Hashing, PasswordHashing, Compression, Regex, Sort };

/// Where a CPU-heavy call finds the data it works on: an argument, or a
/// field of the structure an argument points to (zlib's `strm->next_in`).
struct InputRef {
  int Arg = 0;
  std::string Field;
};

/// A function that computes for long on its own.
struct CpuHeavyEntry {
  std::vector<std::string> Names;
  CpuKind Kind = CpuKind::Hashing;
  std::string What;
  std::vector<std::string> Params;
  /// The data its cost grows with; when every one is known to be a few
  /// bytes (a string literal), the call is not heavy.
  std::vector<InputRef> Inputs;
};

struct LockTypes {
  std::vector<std::string> Types;
};

struct GilApis {
  std::vector<std::string> AcquireTypes;
  std::vector<std::string> ReleaseTypes;
  std::vector<std::string> AcquireCalls;
  std::vector<std::string> ReleaseCalls;
  std::vector<std::string> GuardTypes;
};

/// An API that makes its callable arguments callable from Python.
struct PythonBinding {
  std::vector<std::string> Names;
  std::vector<int> Args;
  /// The argument that releases the GIL for the whole call, for a fix-it.
  std::string ReleaseGuard;
};

/// An API that starts a process.
/// How a process spawner starts its program: from a command line, from a
/// program path, or as a copy of the caller (`fork`).
enum class SpawnKind { Shell, Exec, Fork };

struct ProcessSpawner {
  std::vector<std::string> Names;
  SpawnKind Kind = SpawnKind::Exec;
  int ProgramArg = 0;
};

struct PythonApi {
  std::vector<std::string> Names;
  std::vector<std::string> Safe;
  std::vector<std::string> ObjectTypes;
};

/// Wraps a callable without running it (std::bind, bind_executor).
struct Binder {
  std::vector<std::string> Names;
  int CallableArg = 0;
  std::optional<int> ExecutorArg;
};

struct ExecutorTypes {
  std::vector<std::string> EventLoop;
  std::vector<std::string> Pool;
  std::vector<std::string> Wrappers;
  /// Awaitables that give a coroutine the executor it runs on
  /// (`co_await async_simple::CurrentExecutor()`).
  std::vector<std::string> Current;
};

/// What a coroutine's return type makes of it: a task resumed by its
/// executor (`asio::awaitable`), or a generator whose body runs on the
/// thread that iterates it (`std::generator`).
enum class CoroutineKind { Task, Generator };

struct CoroutineType {
  std::vector<std::string> Names;
  std::string Library;
  CoroutineKind Kind = CoroutineKind::Task;
};

/// Starts the coroutine it is called on (`lazy.via(ex)`, `lazy.start(cb)`):
/// the coroutine runs on that executor, not in the caller.
struct CoroutineStarter {
  std::vector<std::string> Names;
  std::optional<int> ExecutorArg;
};

struct FlagRef {
  int Arg = 0;
  std::string Name;
};

/// An argument that is a path, and the beginnings of the paths meant.
struct PathRef {
  int Arg = 0;
  std::vector<std::string> Prefixes;
};

/// A call that makes a descriptor non-blocking, or returns one whose reads do
/// not wait: opened non-blocking (its flag), or a file the kernel makes from
/// memory (its path under /proc).
struct NonblockingSetter {
  std::vector<std::string> Names;
  std::optional<int> FdArg;
  bool Result = false;
  std::optional<FlagRef> Flag;
  std::optional<PathRef> Path;
};

/// A call that returns the descriptor of its argument
/// (`g_io_channel_unix_get_fd(channel)`).
struct DescriptorGetter {
  std::vector<std::string> Names;
  int Arg = 0;
};

/// How to offload blocking work from an async context of one library.
struct Advice {
  std::string Library;
  std::string Coroutine;
  std::string Handler;
};

/// One catalog file, or the `Catalog:` section of a .boundwise.yaml.
struct CatalogFile {
  std::string Library;
  /// The `Catalog:` section of a project's configuration: its C names may
  /// name the project's own functions.
  bool FromProject = false;
  std::vector<BlockingEntry> Blocking;
  std::vector<HandlerApi> AsyncHandlers;
  std::vector<HandlerField> HandlerFields;
  std::vector<Submitter> Submitters;
  std::vector<Offloader> Offloaders;
  std::vector<Binder> Binders;
  ExecutorTypes Executors;
  std::vector<CoroutineType> CoroutineTypes;
  std::vector<CoroutineStarter> CoroutineStarters;
  std::vector<NonblockingSetter> NonblockingSetters;
  std::vector<DescriptorGetter> DescriptorGetters;
  std::vector<Advice> Advices;
  std::vector<std::string> AsyncEntryPoints;
  std::vector<CpuHeavyEntry> CpuHeavy;
  LockTypes Locks;
  GilApis Gil;
  std::vector<PythonBinding> PythonBindings;
  std::vector<std::string> PythonMethodTables;
  PythonApi Python;
  std::vector<ProcessSpawner> ProcessSpawners;
  std::vector<std::string> IoOnlyPrograms;
  std::vector<std::string> AcceptCalls;
  std::vector<std::string> ConnectionLimits;
  std::vector<std::string> ZeroTimeouts;
  /// Classes whose objects live on the UI thread (`QWidget`, `_Gtk*`), and
  /// their virtual methods that the UI thread calls (`QWidget::*Event`).
  std::vector<std::string> UiClasses;
  std::vector<UiEventHandler> UiOverrides;
};

/// Everything the catalog says about one function name.
struct ApiRoles {
  const BlockingEntry *Blocking = nullptr;
  const HandlerApi *Handler = nullptr;
  /// A field (not a function) that holds an event-loop callback.
  const HandlerField *Field = nullptr;
  const Submitter *Submit = nullptr;
  const Offloader *Offload = nullptr;
  const Binder *Bind = nullptr;
  const NonblockingSetter *Setter = nullptr;
  const DescriptorGetter *Descriptor = nullptr;
  const CpuHeavyEntry *CpuHeavy = nullptr;
  const PythonBinding *Binding = nullptr;
  const ProcessSpawner *Spawner = nullptr;
  const CoroutineStarter *Starter = nullptr;
  bool AsyncEntryPoint = false;
  /// Accepts a connection.
  bool Accepts = false;
  /// Waits for a free slot (a semaphore): bounds the work started after it.
  bool LimitsConnections = false;
  /// Acquires (+1) or releases (-1) the GIL, as a call.
  int GilCall = 0;
  /// Touches Python objects or the interpreter (and is not listed as safe).
  bool TouchesPython = false;
  /// Listed as needing no GIL.
  bool PythonSafe = false;
  /// Returns a timeout that does not wait: a zero duration, a deadline of
  /// now.
  bool ZeroTimeout = false;
  /// A virtual method the UI thread calls on a UI class's objects.
  const UiEventHandler *UiOverride = nullptr;

  /// Whether the catalog knows the function at all: then boundwise trusts the
  /// catalog and does not look inside the function's body. Entry points are
  /// the project's own code and are looked into.
  bool isKnown() const {
    return Blocking || Handler || Submit || Offload || Bind || Setter ||
           Descriptor || CpuHeavy || Binding || Spawner || Starter || GilCall ||
           TouchesPython || PythonSafe;
  }
};

/// A function declaration as the catalog matches it.
struct ApiQuery {
  /// The catalog names to try, most specific first: a member called on an
  /// object has one per class from the object's type up to the class that
  /// declares the member.
  std::vector<std::string> Names;
  /// The declaration's parameter types as `params:` globs see them; none
  /// when unknown, which every entry accepts.
  std::optional<std::vector<std::string>> ParamTypes;
  /// Declared by a library (`extern "C"` or in a system header) and without
  /// a body in the project: only then does a library's C name match it.
  bool FromLibrary = true;
};

/// What a type is to the analysis.
enum class TypeRole {
  None,
  Lock,
  GilAcquire,
  GilRelease,
  GilGuard,
  PythonObject,
  MethodTable,
  /// Lives on the UI thread: a widget.
  UiObject,
  /// Awaited, gives the executor the coroutine runs on.
  CurrentExecutor,
};

enum class ExecutorKind { Unknown, EventLoop, Pool, Wrapper };

/// The merged catalog with a name index. Immutable once built.
class Catalog {
public:
  /// Builds the index over \p Files; entries whose names are in
  /// \p DisabledApis lose their blocking, CPU-heavy and spawning roles.
  Catalog(std::vector<CatalogFile> Files,
          const std::vector<std::string> &DisabledApis = {});
  Catalog(const Catalog &) = delete;
  Catalog &operator=(const Catalog &) = delete;

  ApiRoles lookup(const ApiQuery &Query) const;
  /// The roles of a library function known by its name alone.
  ApiRoles lookup(llvm::StringRef QualifiedName) const {
    return lookup(ApiQuery{{QualifiedName.str()}, std::nullopt, true});
  }
  ExecutorKind classifyExecutor(llvm::StringRef TypeName) const;
  /// The coroutine return type named \p TypeName, or null if the catalog
  /// does not know it.
  const CoroutineType *coroutineType(llvm::StringRef TypeName) const;
  /// Offload advice for \p Library, or null.
  const Advice *adviceFor(llvm::StringRef Library) const;
  /// The scoped type that releases the GIL in \p Binding's own library
  /// (`nanobind::gil_scoped_release` for nanobind's `m.def`); empty when
  /// its catalog file names none.
  llvm::StringRef releaseScopeOf(const PythonBinding &Binding) const;
  /// The role of the type named \p TypeName (a base class's counts too: the
  /// caller asks for each).
  TypeRole typeRole(llvm::StringRef TypeName) const;
  /// Whether \p Program (a base name: `curl`) only does I/O.
  bool isIoOnlyProgram(llvm::StringRef Program) const;
  const std::vector<CatalogFile> &files() const { return Files; }

private:
  /// The roles a name gets from the entries that match under the same
  /// terms: the same `params:`, the same need for a library declaration.
  struct RoleSlot {
    ApiRoles Roles;
    /// The entry's `params:` (its identity), compiled below; null for none.
    const std::vector<std::string> *Params = nullptr;
    std::vector<llvm::GlobPattern> ParamPatterns;
    /// A library's C name: a project's own function of that name is not it.
    bool LibraryOnly = false;

    bool accepts(const ApiQuery &Query) const;
  };
  using RoleSlots = std::vector<RoleSlot>;

  void index(const CatalogFile &File);
  template <typename EntryT>
  void addNames(const EntryT &Entry, const EntryT *ApiRoles::*Role);
  /// Sets the boolean role \p Flag on each of \p Names.
  void addFlag(const std::vector<std::string> &Names, bool ApiRoles::*Flag);
  /// Whether \p Name, from the file being indexed, is a library's C
  /// function: a project's function of the same name (`static int
  /// compress(int)`) is another one.
  bool isLibraryCName(llvm::StringRef Name) const;
  void addRole(llvm::StringRef Name, const std::vector<std::string> *Params,
               bool LibraryOnly, llvm::function_ref<void(ApiRoles &)> Assign);
  /// Without `params:`; a C name needs a library's declaration.
  void addRole(llvm::StringRef Name,
               llvm::function_ref<void(ApiRoles &)> Assign);
  /// Merges into \p Roles the roles \p Name has for \p Query.
  void collect(llvm::StringRef Name, const ApiQuery &Query,
               ApiRoles &Roles) const;

  std::vector<CatalogFile> Files;
  /// The file index() is reading.
  const CatalogFile *IndexedFile = nullptr;
  std::set<std::string> Disabled;
  llvm::StringMap<RoleSlots> Exact;
  std::vector<std::pair<llvm::GlobPattern, RoleSlots>> Patterns;
  llvm::StringMap<ExecutorKind> Executors;
  llvm::StringMap<const CoroutineType *> Coroutines;
  llvm::StringMap<TypeRole> TypeRoles;
  /// Type roles given by a glob (`_Gtk*`), tried after the exact names.
  std::vector<std::pair<llvm::GlobPattern, TypeRole>> TypeRolePatterns;
  std::vector<llvm::GlobPattern> PythonSafe;
  llvm::StringMap<bool> IoOnlyPrograms;
  std::map<const PythonBinding *, std::string> ReleaseScopes;
};

/// The glob of one `params:` element; an error for a malformed one.
llvm::Expected<llvm::GlobPattern> compileParamPattern(llvm::StringRef Param);

/// Whether a catalog name is a glob (`EVP_Digest*`), not a literal name.
bool isNamePattern(llvm::StringRef Name);

/// The first of \p Names that is a glob that does not compile, and why;
/// a catalog with one is not loaded.
std::optional<std::string>
malformedNamePattern(const std::vector<std::string> &Names);

/// Parses one catalog file; errors carry `file:line:col`.
llvm::Expected<CatalogFile> parseCatalogFile(llvm::StringRef Text,
                                             llvm::StringRef FileName);

/// Loads every `*.yaml` file of \p Directory, sorted by name.
llvm::Expected<std::vector<CatalogFile>>
loadCatalogDirectory(llvm::StringRef Directory);

} // namespace boundwise

#endif
