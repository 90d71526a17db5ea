//===--- Catalog.cpp - Loading and indexing the API catalog ---------------===//
#include "analyzer/Catalog.h"
#include "analyzer/CatalogYAML.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace boundwise;

namespace {
/// How each category is spelled: in YAML and JSON, as what a function does,
/// and as the kind of an operation.
struct CategorySpelling {
  Category Cat;
  llvm::StringLiteral Name;
  llvm::StringLiteral Verb;
  llvm::StringLiteral Noun;
};
} // namespace

static constexpr CategorySpelling Spellings[] = {
    {Category::Network, "network", "blocks on the network",
     "blocking network I/O"},
    {Category::File, "file", "blocks on file I/O", "blocking file I/O"},
    {Category::Sleep, "sleep", "sleeps", "a blocking sleep"},
    {Category::Wait, "wait", "blocks on a wait", "a blocking wait"},
    {Category::Database, "database", "blocks on the database",
     "a blocking database call"},
    {Category::Declared, "declared",
     "calls a function declared [[clang::blocking]]", "declared blocking"},
    {Category::Cpu, "cpu", "computes for long", "CPU-heavy"},
    {Category::Python, "python", "touches Python objects", "needs the GIL"},
};

static const CategorySpelling &spellingOf(Category C) {
  const CategorySpelling &Spelling = Spellings[static_cast<size_t>(C)];
  assert(Spelling.Cat == C && "Spellings must follow the order of Category");
  return Spelling;
}

llvm::StringRef boundwise::categoryName(Category C) {
  return spellingOf(C).Name;
}

std::optional<Category> boundwise::categoryNamed(llvm::StringRef Name) {
  for (const CategorySpelling &Spelling : Spellings)
    if (Spelling.Name == Name)
      return Spelling.Cat;
  return std::nullopt;
}

bool boundwise::isBlocking(Category C) {
  return C != Category::Cpu && C != Category::Python;
}

llvm::StringRef boundwise::categoryVerb(Category C) {
  return spellingOf(C).Verb;
}

llvm::StringRef boundwise::categoryNoun(Category C) {
  return spellingOf(C).Noun;
}

bool boundwise::isNamePattern(llvm::StringRef Name) {
  return Name.find_first_of("*?[") != llvm::StringRef::npos;
}

std::optional<std::string>
boundwise::malformedNamePattern(const std::vector<std::string> &Names) {
  // Literal names too: Python.Safe compiles every name.
  for (const std::string &Name : Names) {
    auto Pattern = llvm::GlobPattern::create(Name);
    if (!Pattern)
      return "a malformed glob '" + Name +
             "': " + llvm::toString(Pattern.takeError());
  }
  return std::nullopt;
}

Catalog::Catalog(std::vector<CatalogFile> FilesIn,
                 const std::vector<std::string> &DisabledApis)
    : Files(std::move(FilesIn)),
      Disabled(DisabledApis.begin(), DisabledApis.end()) {
  for (const CatalogFile &File : Files)
    index(File);
}

llvm::Expected<llvm::GlobPattern>
boundwise::compileParamPattern(llvm::StringRef Param) {
  // Braces list alternatives: `{char *,std::basic_string}`.
  return llvm::GlobPattern::create(Param, /*MaxSubPatterns=*/16);
}

/// Compiles the globs of a `params:` list (checked when it was read).
static std::vector<llvm::GlobPattern>
compileParams(const std::vector<std::string> &Params) {
  std::vector<llvm::GlobPattern> Patterns;
  for (const std::string &Param : Params)
    if (auto Pattern = compileParamPattern(Param))
      Patterns.push_back(std::move(*Pattern));
    else
      llvm::consumeError(Pattern.takeError());
  return Patterns;
}

bool Catalog::RoleSlot::accepts(const ApiQuery &Query) const {
  if (LibraryOnly && !Query.FromLibrary)
    return false;
  if (!Query.ParamTypes || ParamPatterns.empty())
    return true;
  const std::vector<std::string> &Types = *Query.ParamTypes;
  if (Types.size() < ParamPatterns.size())
    return false;
  for (size_t I = 0; I < ParamPatterns.size(); ++I)
    if (!ParamPatterns[I].match(Types[I]))
      return false;
  return true;
}

void Catalog::addRole(llvm::StringRef Name,
                      const std::vector<std::string> *Params, bool LibraryOnly,
                      llvm::function_ref<void(ApiRoles &)> Assign) {
  auto AssignInto = [&](RoleSlots &Slots) {
    for (RoleSlot &Slot : Slots)
      if (Slot.Params == Params && Slot.LibraryOnly == LibraryOnly) {
        Assign(Slot.Roles);
        return;
      }
    RoleSlot &Slot = Slots.emplace_back();
    Slot.Params = Params;
    if (Params)
      Slot.ParamPatterns = compileParams(*Params);
    Slot.LibraryOnly = LibraryOnly;
    Assign(Slot.Roles);
  };
  if (!isNamePattern(Name)) {
    AssignInto(Exact[Name]);
    return;
  }
  // Every glob compiled when the catalog was read (malformedNamePattern).
  llvm::GlobPattern Pattern = llvm::cantFail(llvm::GlobPattern::create(Name));
  RoleSlots Slots;
  AssignInto(Slots);
  Patterns.emplace_back(std::move(Pattern), std::move(Slots));
}

void Catalog::addRole(llvm::StringRef Name,
                      llvm::function_ref<void(ApiRoles &)> Assign) {
  addRole(Name, nullptr, isLibraryCName(Name), Assign);
}

bool Catalog::isLibraryCName(llvm::StringRef Name) const {
  return !IndexedFile->FromProject && !Name.contains("::");
}

void Catalog::addFlag(const std::vector<std::string> &Names,
                      bool ApiRoles::*Flag) {
  for (const std::string &Name : Names)
    addRole(Name, [&](ApiRoles &Roles) { Roles.*Flag = true; });
}

/// The `params:` of an entry, for the kinds of entries that have them.
static const std::vector<std::string> *paramsOf(const BlockingEntry &Entry) {
  return Entry.Params.empty() ? nullptr : &Entry.Params;
}
static const std::vector<std::string> *paramsOf(const CpuHeavyEntry &Entry) {
  return Entry.Params.empty() ? nullptr : &Entry.Params;
}
template <typename EntryT>
static const std::vector<std::string> *paramsOf(const EntryT &) {
  return nullptr;
}

template <typename EntryT>
void Catalog::addNames(const EntryT &Entry, const EntryT *ApiRoles::*Role) {
  for (const std::string &Name : Entry.Names)
    addRole(Name, paramsOf(Entry), isLibraryCName(Name),
            [&](ApiRoles &Roles) { Roles.*Role = &Entry; });
}

void Catalog::index(const CatalogFile &File) {
  IndexedFile = &File;
  for (const BlockingEntry &Entry : File.Blocking)
    addNames(Entry, &ApiRoles::Blocking);
  for (const HandlerApi &Entry : File.AsyncHandlers)
    addNames(Entry, &ApiRoles::Handler);
  for (const Submitter &Entry : File.Submitters)
    addNames(Entry, &ApiRoles::Submit);
  for (const Offloader &Entry : File.Offloaders)
    addNames(Entry, &ApiRoles::Offload);
  for (const Binder &Entry : File.Binders)
    addNames(Entry, &ApiRoles::Bind);
  for (const NonblockingSetter &Entry : File.NonblockingSetters)
    addNames(Entry, &ApiRoles::Setter);
  for (const DescriptorGetter &Entry : File.DescriptorGetters)
    addNames(Entry, &ApiRoles::Descriptor);
  // Entry points are the project's own functions, by definition.
  for (const std::string &Name : File.AsyncEntryPoints)
    addRole(Name, nullptr, /*LibraryOnly=*/false,
            [](ApiRoles &Roles) { Roles.AsyncEntryPoint = true; });
  for (const std::string &Name : File.Executors.EventLoop)
    Executors[Name] = ExecutorKind::EventLoop;
  for (const std::string &Name : File.Executors.Pool)
    Executors[Name] = ExecutorKind::Pool;
  for (const std::string &Name : File.Executors.Wrappers)
    Executors[Name] = ExecutorKind::Wrapper;
  for (const CoroutineType &Type : File.CoroutineTypes)
    for (const std::string &Name : Type.Names)
      Coroutines[Name] = &Type;
  for (const CpuHeavyEntry &Entry : File.CpuHeavy)
    addNames(Entry, &ApiRoles::CpuHeavy);
  for (const PythonBinding &Entry : File.PythonBindings) {
    addNames(Entry, &ApiRoles::Binding);
    if (!File.Gil.ReleaseTypes.empty())
      ReleaseScopes[&Entry] = File.Gil.ReleaseTypes.front();
  }
  for (const std::string &Name : File.Gil.AcquireCalls)
    addRole(Name, [](ApiRoles &Roles) { Roles.GilCall = +1; });
  for (const std::string &Name : File.Gil.ReleaseCalls)
    addRole(Name, [](ApiRoles &Roles) { Roles.GilCall = -1; });
  addFlag(File.Python.Names, &ApiRoles::TouchesPython);
  for (const std::string &Name : File.Python.Safe)
    PythonSafe.push_back(llvm::cantFail(llvm::GlobPattern::create(Name)));
  for (const ProcessSpawner &Entry : File.ProcessSpawners)
    addNames(Entry, &ApiRoles::Spawner);
  for (const CoroutineStarter &Entry : File.CoroutineStarters)
    addNames(Entry, &ApiRoles::Starter);
  for (const HandlerField &Entry : File.HandlerFields)
    addNames(Entry, &ApiRoles::Field);
  addFlag(File.AcceptCalls, &ApiRoles::Accepts);
  addFlag(File.ConnectionLimits, &ApiRoles::LimitsConnections);
  addFlag(File.ZeroTimeouts, &ApiRoles::ZeroTimeout);
  for (const std::string &Program : File.IoOnlyPrograms)
    IoOnlyPrograms[Program] = true;
  for (const UiEventHandler &Entry : File.UiOverrides)
    addNames(Entry, &ApiRoles::UiOverride);
  auto AddTypes = [&](const std::vector<std::string> &Names, TypeRole Role) {
    for (const std::string &Name : Names) {
      if (!isNamePattern(Name)) {
        TypeRoles[Name] = Role;
        continue;
      }
      TypeRolePatterns.emplace_back(
          llvm::cantFail(llvm::GlobPattern::create(Name)), Role);
    }
  };
  AddTypes(File.Locks.Types, TypeRole::Lock);
  AddTypes(File.Gil.AcquireTypes, TypeRole::GilAcquire);
  AddTypes(File.Gil.ReleaseTypes, TypeRole::GilRelease);
  AddTypes(File.Gil.GuardTypes, TypeRole::GilGuard);
  AddTypes(File.Python.ObjectTypes, TypeRole::PythonObject);
  AddTypes(File.PythonMethodTables, TypeRole::MethodTable);
  AddTypes(File.UiClasses, TypeRole::UiObject);
  AddTypes(File.Executors.Current, TypeRole::CurrentExecutor);
}

bool Catalog::isIoOnlyProgram(llvm::StringRef Program) const {
  return IoOnlyPrograms.count(Program) != 0;
}

TypeRole Catalog::typeRole(llvm::StringRef TypeName) const {
  auto It = TypeRoles.find(TypeName);
  if (It != TypeRoles.end())
    return It->second;
  for (const auto &[Pattern, Role] : TypeRolePatterns)
    if (Pattern.match(TypeName))
      return Role;
  return TypeRole::None;
}

/// Fills the roles \p Into does not have yet from \p From.
static void mergeRoles(ApiRoles &Into, const ApiRoles &From) {
  auto Fill = [](auto &Role, const auto &Other) {
    if (!Role)
      Role = Other;
  };
  Fill(Into.Blocking, From.Blocking);
  Fill(Into.Handler, From.Handler);
  Fill(Into.Submit, From.Submit);
  Fill(Into.Offload, From.Offload);
  Fill(Into.Bind, From.Bind);
  Fill(Into.Setter, From.Setter);
  Fill(Into.Descriptor, From.Descriptor);
  Fill(Into.CpuHeavy, From.CpuHeavy);
  Fill(Into.Binding, From.Binding);
  Fill(Into.GilCall, From.GilCall);
  Fill(Into.Spawner, From.Spawner);
  Fill(Into.Starter, From.Starter);
  Fill(Into.Field, From.Field);
  Fill(Into.AsyncEntryPoint, From.AsyncEntryPoint);
  Fill(Into.Accepts, From.Accepts);
  Fill(Into.LimitsConnections, From.LimitsConnections);
  Fill(Into.TouchesPython, From.TouchesPython);
  Fill(Into.ZeroTimeout, From.ZeroTimeout);
  Fill(Into.UiOverride, From.UiOverride);
}

void Catalog::collect(llvm::StringRef Name, const ApiQuery &Query,
                      ApiRoles &Roles) const {
  // Later entries (a project's) take precedence over earlier ones.
  auto Merge = [&](const RoleSlots &Slots) {
    for (const RoleSlot &Slot : llvm::reverse(Slots))
      if (Slot.accepts(Query))
        mergeRoles(Roles, Slot.Roles);
  };
  auto It = Exact.find(Name);
  if (It != Exact.end())
    Merge(It->second);
  for (const auto &[Pattern, Slots] : Patterns)
    if (Pattern.match(Name))
      Merge(Slots);
}

ApiRoles Catalog::lookup(const ApiQuery &Query) const {
  ApiRoles Roles;
  for (const std::string &Name : Query.Names)
    collect(Name, Query, Roles);
  // A project switches off what it knows to be harmless in its code.
  if (llvm::any_of(Query.Names, [&](const std::string &Name) {
        return Disabled.count(Name);
      })) {
    Roles.Blocking = nullptr;
    Roles.CpuHeavy = nullptr;
    Roles.Spawner = nullptr;
  }
  // The GIL's own functions and the listed safe ones need no GIL; safe ones
  // are still known, so their bodies are not entered.
  if (Roles.GilCall)
    Roles.TouchesPython = false;
  if (llvm::any_of(PythonSafe, [&](const llvm::GlobPattern &Safe) {
        return llvm::any_of(Query.Names, [&](const std::string &Name) {
          return Safe.match(Name);
        });
      })) {
    Roles.TouchesPython = false;
    Roles.PythonSafe = true;
  }
  return Roles;
}

ExecutorKind Catalog::classifyExecutor(llvm::StringRef TypeName) const {
  auto It = Executors.find(TypeName);
  return It == Executors.end() ? ExecutorKind::Unknown : It->second;
}

const CoroutineType *Catalog::coroutineType(llvm::StringRef TypeName) const {
  return Coroutines.lookup(TypeName);
}

llvm::StringRef Catalog::releaseScopeOf(const PythonBinding &Binding) const {
  auto It = ReleaseScopes.find(&Binding);
  return It == ReleaseScopes.end() ? llvm::StringRef() : It->second;
}

const Advice *Catalog::adviceFor(llvm::StringRef Library) const {
  for (const CatalogFile &File : Files)
    for (const Advice &Entry : File.Advices)
      if (Entry.Library == Library)
        return &Entry;
  return nullptr;
}

llvm::Expected<CatalogFile>
boundwise::parseCatalogFile(llvm::StringRef Text, llvm::StringRef FileName) {
  CatalogFile File;
  if (Text.trim().empty())
    return File;
  if (llvm::Error Err = readYAML(Text, FileName, File))
    return std::move(Err);
  return File;
}

llvm::Expected<std::vector<CatalogFile>>
boundwise::loadCatalogDirectory(llvm::StringRef Directory) {
  std::vector<std::string> Paths;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Directory, EC), End;
       It != End && !EC; It.increment(EC))
    if (llvm::sys::path::extension(It->path()) == ".yaml")
      Paths.push_back(It->path());
  if (EC)
    return llvm::createStringError(EC, "cannot read the catalog directory " +
                                           Directory + ": " + EC.message());
  if (Paths.empty())
    return llvm::createStringError("no catalog files (*.yaml) in " + Directory);
  llvm::sort(Paths);
  std::vector<CatalogFile> Files;
  for (const std::string &Path : Paths) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(), "cannot read " + Path);
    auto File = parseCatalogFile((*Buffer)->getBuffer(), Path);
    if (!File)
      return File.takeError();
    Files.push_back(std::move(*File));
  }
  return Files;
}
