//===--- CatalogYAML.h - YAML mapping of the catalog schema ----*- C++ -*-===//
//
/// \file
/// LLVM YAMLTraits for the catalog structs, shared by the catalog files and
/// the `Catalog:` section of .boundwise.yaml. Private to analyzer/.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_CATALOGYAML_H
#define BOUNDWISE_ANALYZER_CATALOGYAML_H

#include "analyzer/Catalog.h"
#include "analyzer/NestingLimit.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::Condition)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::BlockingEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::HandlerApi)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::Submitter)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::Offloader)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::Binder)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::CoroutineType)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::CoroutineStarter)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::HandlerField)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::UiEventHandler)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::NonblockingSetter)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::DescriptorGetter)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::Advice)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::CpuHeavyEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::InputRef)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::PythonBinding)
LLVM_YAML_IS_SEQUENCE_VECTOR(boundwise::ProcessSpawner)
LLVM_YAML_IS_STRING_MAP(std::string)

namespace llvm {
namespace yaml {

template <> struct ScalarEnumerationTraits<boundwise::Category> {
  static void enumeration(IO &Io, boundwise::Category &Value) {
    using boundwise::Category;
    for (Category C : {Category::Network, Category::File, Category::Sleep,
                       Category::Wait, Category::Database, Category::Declared,
                       Category::Cpu, Category::Python})
      Io.enumCase(Value, boundwise::categoryName(C).data(), C);
  }
};

template <> struct ScalarEnumerationTraits<boundwise::ConditionKind> {
  static void enumeration(IO &Io, boundwise::ConditionKind &Value) {
    using boundwise::ConditionKind;
    Io.enumCase(Value, "flag-set", ConditionKind::FlagSet);
    Io.enumCase(Value, "fd-nonblocking", ConditionKind::FdNonblocking);
    Io.enumCase(Value, "fd-ready", ConditionKind::FdReady);
    Io.enumCase(Value, "zero-timeout", ConditionKind::ZeroTimeout);
    Io.enumCase(Value, "arg-null", ConditionKind::ArgNull);
    Io.enumCase(Value, "min-args", ConditionKind::MinArgs);
    Io.enumCase(Value, "arg-class", ConditionKind::ArgClass);
    Io.enumCase(Value, "arg-path", ConditionKind::ArgPath);
  }
};

template <> struct ScalarEnumerationTraits<boundwise::CoroutineKind> {
  static void enumeration(IO &Io, boundwise::CoroutineKind &Value) {
    Io.enumCase(Value, "task", boundwise::CoroutineKind::Task);
    Io.enumCase(Value, "generator", boundwise::CoroutineKind::Generator);
  }
};

template <> struct ScalarEnumerationTraits<boundwise::CpuKind> {
  static void enumeration(IO &Io, boundwise::CpuKind &Value) {
    Io.enumCase(Value, "hashing", boundwise::CpuKind::Hashing);
    Io.enumCase(Value, "password-hashing", boundwise::CpuKind::PasswordHashing);
    Io.enumCase(Value, "compression", boundwise::CpuKind::Compression);
    Io.enumCase(Value, "regex", boundwise::CpuKind::Regex);
    Io.enumCase(Value, "sort", boundwise::CpuKind::Sort);
  }
};

template <> struct ScalarEnumerationTraits<boundwise::SpawnKind> {
  static void enumeration(IO &Io, boundwise::SpawnKind &Value) {
    Io.enumCase(Value, "shell", boundwise::SpawnKind::Shell);
    Io.enumCase(Value, "exec", boundwise::SpawnKind::Exec);
    Io.enumCase(Value, "fork", boundwise::SpawnKind::Fork);
  }
};

template <> struct ScalarEnumerationTraits<boundwise::OffloadKind> {
  static void enumeration(IO &Io, boundwise::OffloadKind &Value) {
    Io.enumCase(Value, "pool", boundwise::OffloadKind::Pool);
    Io.enumCase(Value, "thread", boundwise::OffloadKind::Thread);
  }
};

template <> struct ScalarEnumerationTraits<boundwise::HandlerKind> {
  static void enumeration(IO &Io, boundwise::HandlerKind &Value) {
    Io.enumCase(Value, "completion", boundwise::HandlerKind::Completion);
    Io.enumCase(Value, "callback", boundwise::HandlerKind::LoopCallback);
    Io.enumCase(Value, "object-thread", boundwise::HandlerKind::ObjectThread);
  }
};

template <> struct MappingTraits<boundwise::Condition> {
  static void mapping(IO &Io, boundwise::Condition &C) {
    Io.mapRequired("when", C.When);
    Io.mapOptional("arg", C.Arg, 0);
    Io.mapOptional("flag", C.Flag);
    Io.mapOptional("flags", C.Flags);
    Io.mapOptional("count", C.Count, 0u);
    Io.mapOptional("classes", C.Classes);
    Io.mapOptional("prefixes", C.Prefixes);
    Io.mapOptional("object", C.Object, false);
  }
  static std::string validate(IO &, boundwise::Condition &C) {
    if (C.When == boundwise::ConditionKind::FlagSet && C.Flag.empty() &&
        C.Flags.empty())
      return "a flag-set condition needs 'flag' or 'flags'";
    if (C.When == boundwise::ConditionKind::ArgClass && C.Classes.empty())
      return "an arg-class condition needs 'classes'";
    if (C.When == boundwise::ConditionKind::ArgPath && C.Prefixes.empty())
      return "an arg-path condition needs 'prefixes'";
    if (C.When == boundwise::ConditionKind::MinArgs && C.Count == 0)
      return "a min-args condition needs 'count'";
    return "";
  }
};

/// Every entry names at least one function or type, and its globs compile.
template <typename T> static std::string validateNames(const T &Entry) {
  if (Entry.Names.empty())
    return "an entry needs 'names'";
  return boundwise::malformedNamePattern(Entry.Names).value_or("");
}

/// Names, and globs of `params:` that compile.
template <typename T> static std::string validateOverloads(const T &Entry) {
  for (const std::string &Param : Entry.Params)
    if (auto Pattern = boundwise::compileParamPattern(Param); !Pattern)
      return "a malformed 'params' glob '" + Param +
             "': " + llvm::toString(Pattern.takeError());
  return validateNames(Entry);
}

template <> struct MappingTraits<boundwise::BlockingEntry> {
  static void mapping(IO &Io, boundwise::BlockingEntry &E) {
    Io.mapRequired("names", E.Names);
    Io.mapRequired("category", E.Cat);
    Io.mapOptional("what", E.What);
    Io.mapOptional("alternative", E.Alternative);
    Io.mapOptional("unless", E.Unless);
    Io.mapOptional("only-if", E.OnlyIf);
    Io.mapOptional("params", E.Params);
  }
  static std::string validate(IO &, boundwise::BlockingEntry &E) {
    return validateOverloads(E);
  }
};

template <> struct MappingTraits<boundwise::HandlerApi> {
  static void mapping(IO &Io, boundwise::HandlerApi &E) {
    Io.mapRequired("names", E.Names);
    Io.mapOptional("library", E.Library);
    Io.mapRequired("args", E.Args);
    Io.mapOptional("io-object-arg", E.IoObjectArg);
    Io.mapOptional("kind", E.Kind, boundwise::HandlerKind::Completion);
    Io.mapOptional("thread-object-args", E.ThreadObjectArgs);
    Io.mapOptional("ready-param", E.ReadyParam);
  }
  static std::string validate(IO &, boundwise::HandlerApi &E) {
    if ((E.Kind == boundwise::HandlerKind::ObjectThread) ==
        E.ThreadObjectArgs.empty())
      return "thread-object-args go with kind: object-thread, and only with it";
    if (E.ReadyParam && E.Kind != boundwise::HandlerKind::LoopCallback)
      return "ready-param goes with kind: callback";
    return validateNames(E);
  }
};

template <> struct MappingTraits<boundwise::Submitter> {
  static void mapping(IO &Io, boundwise::Submitter &E) {
    Io.mapRequired("names", E.Names);
    Io.mapOptional("library", E.Library);
    Io.mapRequired("executor-arg", E.ExecutorArg);
    Io.mapRequired("callable-arg", E.CallableArg);
  }
  static std::string validate(IO &, boundwise::Submitter &E) {
    return validateNames(E);
  }
};

template <> struct MappingTraits<boundwise::ThreadPolicy> {
  static void mapping(IO &Io, boundwise::ThreadPolicy &E) {
    Io.mapRequired("arg", E.Arg);
    Io.mapRequired("value", E.Value);
  }
};

template <> struct MappingTraits<boundwise::Offloader> {
  static void mapping(IO &Io, boundwise::Offloader &E) {
    Io.mapRequired("names", E.Names);
    Io.mapOptional("args", E.Args);
    Io.mapOptional("kind", E.Kind, boundwise::OffloadKind::Pool);
    Io.mapOptional("thread-when", E.ThreadWhen);
  }
  static std::string validate(IO &, boundwise::Offloader &E) {
    return validateNames(E);
  }
};

template <> struct MappingTraits<boundwise::Binder> {
  static void mapping(IO &Io, boundwise::Binder &E) {
    Io.mapRequired("names", E.Names);
    Io.mapRequired("callable-arg", E.CallableArg);
    Io.mapOptional("executor-arg", E.ExecutorArg);
  }
  static std::string validate(IO &, boundwise::Binder &E) {
    return validateNames(E);
  }
};

template <> struct MappingTraits<boundwise::ExecutorTypes> {
  static void mapping(IO &Io, boundwise::ExecutorTypes &E) {
    Io.mapOptional("event-loop", E.EventLoop);
    Io.mapOptional("pool", E.Pool);
    Io.mapOptional("wrappers", E.Wrappers);
    Io.mapOptional("current", E.Current);
  }
};

template <> struct MappingTraits<boundwise::CoroutineType> {
  static void mapping(IO &Io, boundwise::CoroutineType &E) {
    Io.mapRequired("names", E.Names);
    Io.mapOptional("library", E.Library);
    Io.mapOptional("kind", E.Kind, boundwise::CoroutineKind::Task);
  }
  static std::string validate(IO &, boundwise::CoroutineType &E) {
    return validateNames(E);
  }
};

template <> struct MappingTraits<boundwise::HandlerField> {
  static void mapping(IO &Io, boundwise::HandlerField &E) {
    Io.mapRequired("names", E.Names);
    Io.mapOptional("library", E.Library);
  }
  static std::string validate(IO &, boundwise::HandlerField &E) {
    return validateNames(E);
  }
};

template <> struct MappingTraits<boundwise::UiEventHandler> {
  static void mapping(IO &Io, boundwise::UiEventHandler &E) {
    Io.mapRequired("names", E.Names);
    Io.mapOptional("library", E.Library);
  }
  static std::string validate(IO &, boundwise::UiEventHandler &E) {
    return validateNames(E);
  }
};

template <> struct MappingTraits<boundwise::CoroutineStarter> {
  static void mapping(IO &Io, boundwise::CoroutineStarter &E) {
    Io.mapRequired("names", E.Names);
    Io.mapOptional("executor-arg", E.ExecutorArg);
  }
  static std::string validate(IO &, boundwise::CoroutineStarter &E) {
    return validateNames(E);
  }
};

template <> struct MappingTraits<boundwise::FlagRef> {
  static void mapping(IO &Io, boundwise::FlagRef &F) {
    Io.mapRequired("arg", F.Arg);
    Io.mapRequired("name", F.Name);
  }
};

template <> struct MappingTraits<boundwise::PathRef> {
  static void mapping(IO &Io, boundwise::PathRef &P) {
    Io.mapRequired("arg", P.Arg);
    Io.mapRequired("prefixes", P.Prefixes);
  }
};

template <> struct MappingTraits<boundwise::NonblockingSetter> {
  static void mapping(IO &Io, boundwise::NonblockingSetter &E) {
    Io.mapRequired("names", E.Names);
    Io.mapOptional("fd-arg", E.FdArg);
    Io.mapOptional("result", E.Result, false);
    Io.mapOptional("flag", E.Flag);
    Io.mapOptional("path", E.Path);
  }
  static std::string validate(IO &, boundwise::NonblockingSetter &E) {
    if (!E.FdArg && !E.Result)
      return "a nonblocking setter needs 'fd-arg' or 'result: true'";
    if (!E.Flag && !E.Path)
      return "a nonblocking setter needs 'flag' or 'path'";
    if (E.Path && E.Path->Prefixes.empty())
      return "a nonblocking setter's 'path' needs 'prefixes'";
    return validateNames(E);
  }
};

template <> struct MappingTraits<boundwise::DescriptorGetter> {
  static void mapping(IO &Io, boundwise::DescriptorGetter &E) {
    Io.mapRequired("names", E.Names);
    Io.mapRequired("arg", E.Arg);
  }
  static std::string validate(IO &, boundwise::DescriptorGetter &E) {
    return validateNames(E);
  }
};

template <> struct MappingTraits<boundwise::Advice> {
  static void mapping(IO &Io, boundwise::Advice &E) {
    Io.mapRequired("library", E.Library);
    Io.mapOptional("coroutine", E.Coroutine);
    Io.mapOptional("handler", E.Handler);
  }
};

template <> struct MappingTraits<boundwise::InputRef> {
  static void mapping(IO &Io, boundwise::InputRef &R) {
    Io.mapRequired("arg", R.Arg);
    Io.mapOptional("field", R.Field);
  }
};

template <> struct MappingTraits<boundwise::CpuHeavyEntry> {
  static void mapping(IO &Io, boundwise::CpuHeavyEntry &E) {
    Io.mapRequired("names", E.Names);
    Io.mapRequired("kind", E.Kind);
    Io.mapOptional("what", E.What);
    Io.mapOptional("params", E.Params);
    Io.mapOptional("inputs", E.Inputs);
  }
  static std::string validate(IO &, boundwise::CpuHeavyEntry &E) {
    return validateOverloads(E);
  }
};

template <> struct MappingTraits<boundwise::LockTypes> {
  static void mapping(IO &Io, boundwise::LockTypes &E) {
    Io.mapOptional("types", E.Types);
  }
};

template <> struct MappingTraits<boundwise::GilApis> {
  static void mapping(IO &Io, boundwise::GilApis &E) {
    Io.mapOptional("acquire-types", E.AcquireTypes);
    Io.mapOptional("release-types", E.ReleaseTypes);
    Io.mapOptional("acquire-calls", E.AcquireCalls);
    Io.mapOptional("release-calls", E.ReleaseCalls);
    Io.mapOptional("guard-types", E.GuardTypes);
  }
};

template <> struct MappingTraits<boundwise::PythonBinding> {
  static void mapping(IO &Io, boundwise::PythonBinding &E) {
    Io.mapRequired("names", E.Names);
    Io.mapRequired("args", E.Args);
    Io.mapOptional("release-guard", E.ReleaseGuard);
  }
  static std::string validate(IO &, boundwise::PythonBinding &E) {
    return validateNames(E);
  }
};

template <> struct MappingTraits<boundwise::ProcessSpawner> {
  static void mapping(IO &Io, boundwise::ProcessSpawner &E) {
    Io.mapRequired("names", E.Names);
    Io.mapRequired("kind", E.Kind);
    Io.mapOptional("program-arg", E.ProgramArg, 0);
  }
  static std::string validate(IO &, boundwise::ProcessSpawner &E) {
    return validateNames(E);
  }
};

template <> struct MappingTraits<boundwise::PythonApi> {
  static void mapping(IO &Io, boundwise::PythonApi &E) {
    Io.mapOptional("names", E.Names);
    Io.mapOptional("safe", E.Safe);
    Io.mapOptional("object-types", E.ObjectTypes);
  }
};

template <> struct MappingTraits<boundwise::CatalogFile> {
  static void mapping(IO &Io, boundwise::CatalogFile &F) {
    Io.mapOptional("library", F.Library);
    Io.mapOptional("blocking", F.Blocking);
    Io.mapOptional("async-handlers", F.AsyncHandlers);
    Io.mapOptional("handler-fields", F.HandlerFields);
    Io.mapOptional("submitters", F.Submitters);
    Io.mapOptional("offloaders", F.Offloaders);
    Io.mapOptional("binders", F.Binders);
    Io.mapOptional("executors", F.Executors);
    Io.mapOptional("coroutine-types", F.CoroutineTypes);
    Io.mapOptional("coroutine-starters", F.CoroutineStarters);
    Io.mapOptional("nonblocking-setters", F.NonblockingSetters);
    Io.mapOptional("descriptor-getters", F.DescriptorGetters);
    Io.mapOptional("advice", F.Advices);
    Io.mapOptional("async-entry-points", F.AsyncEntryPoints);
    Io.mapOptional("cpu-heavy", F.CpuHeavy);
    Io.mapOptional("locks", F.Locks);
    Io.mapOptional("gil", F.Gil);
    Io.mapOptional("python-bindings", F.PythonBindings);
    Io.mapOptional("python-method-tables", F.PythonMethodTables);
    Io.mapOptional("python-api", F.Python);
    Io.mapOptional("process-spawners", F.ProcessSpawners);
    Io.mapOptional("io-only-programs", F.IoOnlyPrograms);
    Io.mapOptional("accept-calls", F.AcceptCalls);
    Io.mapOptional("connection-limits", F.ConnectionLimits);
    Io.mapOptional("zero-timeouts", F.ZeroTimeouts);
    Io.mapOptional("ui-classes", F.UiClasses);
    Io.mapOptional("ui-overrides", F.UiOverrides);
  }
  // The lists of names that are not entries: their globs compile too.
  static std::string validate(IO &, boundwise::CatalogFile &F) {
    for (const std::vector<std::string> *Names :
         {&F.AsyncEntryPoints, &F.Locks.Types, &F.Gil.AcquireTypes,
          &F.Gil.ReleaseTypes, &F.Gil.AcquireCalls, &F.Gil.ReleaseCalls,
          &F.Gil.GuardTypes, &F.Python.Names, &F.Python.Safe,
          &F.Python.ObjectTypes, &F.PythonMethodTables, &F.AcceptCalls,
          &F.ConnectionLimits, &F.ZeroTimeouts, &F.UiClasses,
          &F.Executors.Current})
      if (std::optional<std::string> Bad =
              boundwise::malformedNamePattern(*Names))
        return *Bad;
    return "";
  }
};

} // namespace yaml
} // namespace llvm

namespace boundwise {

/// Reads \p Text (named \p FileName in errors) into \p Value; a malformed
/// document becomes an error whose message is `file:line:col: message`.
template <typename T>
llvm::Error readYAML(llvm::StringRef Text, llvm::StringRef FileName, T &Value) {
  // LLVM's reader recurses once per level of nesting.
  if (llvm::Error Err = checkYAMLNesting(Text, FileName))
    return Err;
  std::string FirstError;
  auto CollectFirst = [](const llvm::SMDiagnostic &Diag, void *Context) {
    auto &Error = *static_cast<std::string *>(Context);
    if (!Error.empty())
      return;
    Error = (Diag.getFilename() + ":" + llvm::Twine(Diag.getLineNo()) + ":" +
             llvm::Twine(Diag.getColumnNo() + 1) + ": " + Diag.getMessage())
                .str();
  };
  llvm::yaml::Input Input(llvm::MemoryBufferRef(Text, FileName), nullptr,
                          CollectFirst, &FirstError);
  Input >> Value;
  if (!Input.error())
    return llvm::Error::success();
  if (FirstError.empty())
    FirstError = (FileName + ": malformed YAML").str();
  return llvm::createStringError(FirstError);
}

} // namespace boundwise

#endif
