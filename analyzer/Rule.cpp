//===--- Rule.cpp - The rule registry -------------------------------------===//
#include "analyzer/Rule.h"
#include "analyzer/GlobList.h"
#include "analyzer/rules/BlockingInAsync.h"
#include "analyzer/rules/CpuHoldingGil.h"
#include "analyzer/rules/CpuInAsync.h"
#include "analyzer/rules/CpuOnThreadPool.h"
#include "analyzer/rules/IoHoldingGil.h"
#include "analyzer/rules/ProcessForIo.h"
#include "analyzer/rules/PythonApiWithoutGil.h"
#include "analyzer/rules/ThreadPerConnection.h"
#include "llvm/ADT/STLExtras.h"

using namespace boundwise;

const std::vector<RuleInfo> &boundwise::allRules() {
  static const std::vector<RuleInfo> Rules = {
      {"blocking-in-async",
       "a blocking call reachable from a coroutine or an event-loop handler",
       "Flags a blocking call (network, file I/O, a sleep, a wait, a database "
       "query) reachable, through any number of calls, from code running on "
       "an event loop: a C++20 coroutine, a completion handler of an Asio "
       "async operation, a libuv callback, a callable posted to an "
       "io_context, or a function marked as async. While it blocks, every "
       "other handler of that loop waits.",
       "Use the asynchronous form of the call (co_await an async operation), "
       "or offload the blocking work to a thread pool and resume the "
       "coroutine or handler when it is done. See "
       "rules/docs/blocking-in-async.md in the boundwise sources.",
       [] { return std::make_unique<BlockingInAsync>(); },
       /*Subsumes=*/"",
       /*OncePerRootCause=*/true},
      {"cpu-holding-gil",
       "a CPU-heavy loop in Python-callable code with the GIL held",
       "Flags CPU-heavy work (by the cost model: hashing, compression, regex, "
       "sorting, long loops, loops nested over data) in code called from "
       "Python while the GIL is held: functions bound with pybind11 or "
       "nanobind, or listed in a CPython PyMethodDef table. Every other "
       "Python thread waits meanwhile.",
       "Release the GIL around the work: "
       "pybind11::call_guard<pybind11::gil_scoped_release>() on the binding, "
       "a gil_scoped_release scope, or Py_BEGIN_ALLOW_THREADS / "
       "Py_END_ALLOW_THREADS. Where the work touches Python objects, use "
       "processes instead. See rules/docs/cpu-holding-gil.md in the boundwise "
       "sources.",
       [] { return std::make_unique<CpuHoldingGil>(); }, "io-holding-gil"},
      {"cpu-in-async",
       "CPU-heavy work reachable from a coroutine or an event-loop handler",
       "Flags CPU-heavy work (by the cost model: hashing, password hashing, "
       "compression, regular expressions, sorting, long loops, loops nested "
       "over data) reachable from code running on an event loop: a coroutine, "
       "an Asio completion handler, a libuv callback or a callable posted to "
       "an io_context. The loop serves nothing else while it computes.",
       "Offload the work to a CPU pool sized to the cores and resume the "
       "coroutine or handler with the result. See rules/docs/cpu-in-async.md "
       "in the boundwise sources.",
       [] { return std::make_unique<CpuInAsync>(); },
       /*Subsumes=*/"",
       /*OncePerRootCause=*/true},
      {"cpu-on-thread-pool",
       "CPU-heavy work on threads that cannot run it in parallel",
       "Flags CPU-heavy work handed to threads or a thread pool where it "
       "cannot run in parallel: every task holds one shared lock across the "
       "heavy part, or holds the Python GIL across it, or a new thread is "
       "started for every item of a loop over data.",
       "Hold the lock only around the shared state, release the GIL around "
       "the work (or use processes), and run items on a pool sized to the "
       "cores instead of a thread per item. See "
       "rules/docs/cpu-on-thread-pool.md in the boundwise sources.",
       [] { return std::make_unique<CpuOnThreadPool>(); }},
      {"io-holding-gil",
       "blocking I/O reachable from Python-callable code with the GIL held",
       "Flags blocking I/O (network, file, sleeps, waits, database calls) in "
       "code called from Python while the GIL is held: a function bound with "
       "pybind11 or nanobind, or listed in a CPython PyMethodDef table, "
       "reaching the blocking call directly or through calls. Every other "
       "Python thread waits meanwhile.",
       "Release the GIL around the blocking call: "
       "pybind11::call_guard<pybind11::gil_scoped_release>() on the binding "
       "(boundwise offers this as a fix), a gil_scoped_release scope, or "
       "Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS. See "
       "rules/docs/io-holding-gil.md in the boundwise sources.",
       [] { return std::make_unique<IoHoldingGil>(); }},
      {"process-for-io", "a process spawned for work that only waits on I/O",
       "Flags a process started for work that only waits: a fork() child "
       "whose branch only blocks on I/O, or a program started with system, "
       "popen, exec*, posix_spawn, Boost.Process or QProcess that only moves "
       "bytes or waits on the network (curl, wget, cp, scp, rsync).",
       "Do the I/O in the process itself, on a thread (a bounded pool) or "
       "asynchronously, with a library (libcurl, file copies) instead of a "
       "child process. See rules/docs/process-for-io.md in the boundwise "
       "sources.",
       [] { return std::make_unique<ProcessForIo>(); }},
      {"python-api-without-gil",
       "a Python API call or object touched where the GIL is released",
       "Flags a Python API call, or a Python object created, copied or "
       "destroyed, where the GIL is released: inside a gil_scoped_release "
       "scope, in a function bound with call_guard<gil_scoped_release>, or "
       "between Py_BEGIN_ALLOW_THREADS and Py_END_ALLOW_THREADS, directly or "
       "through calls. It is an error: a crash waiting for a second thread.",
       "Reacquire the GIL (pybind11::gil_scoped_acquire, PyGILState_Ensure) "
       "around the Python code, or move it out of the released region. See "
       "rules/docs/python-api-without-gil.md in the boundwise sources.",
       [] { return std::make_unique<PythonApiWithoutGil>(); }},
      {"thread-per-connection",
       "an accept loop that starts an unbounded thread per connection",
       "Flags a loop that accepts connections (accept, accept4, Asio's "
       "synchronous acceptor.accept()) and starts a new thread for each one "
       "(std::thread, std::jthread, pthread_create, boost::thread) with "
       "nothing that bounds how many run at once.",
       "Serve connections from a bounded thread pool, or asynchronously on an "
       "event loop for thousands of connections. See "
       "rules/docs/thread-per-connection.md in the boundwise sources.",
       [] { return std::make_unique<ThreadPerConnection>(); }},
  };
  return Rules;
}

std::string boundwise::ruleDocPath(llvm::StringRef Rule) {
  return ("rules/docs/" + Rule + ".md").str();
}

std::vector<std::string> boundwise::enabledRules(llvm::StringRef Globs) {
  GlobList List(Globs);
  std::vector<std::string> Names;
  for (const RuleInfo &Info : allRules())
    if (List.contains(Info.Name))
      Names.push_back(Info.Name.str());
  return Names;
}

std::vector<std::string> boundwise::malformedChecks(llvm::StringRef Globs) {
  return GlobList(Globs).malformed();
}

std::vector<std::string> boundwise::unknownChecks(llvm::StringRef Globs) {
  std::vector<std::string> Unknown;
  for (std::string &Name : GlobList(Globs).literalNames()) {
    bool Known = llvm::StringRef(Name).starts_with("clang-diagnostic-") ||
                 llvm::any_of(allRules(), [&](const RuleInfo &Info) {
                   return Info.Name == Name;
                 });
    if (!Known)
      Unknown.push_back(std::move(Name));
  }
  return Unknown;
}
