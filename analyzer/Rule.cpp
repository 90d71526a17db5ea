//===--- Rule.cpp - The rule registry -------------------------------------===//
#include "analyzer/Rule.h"
#include "analyzer/rules/BlockingInAsync.h"
#include "analyzer/rules/CpuHoldingGil.h"
#include "analyzer/rules/CpuInAsync.h"
#include "analyzer/rules/CpuOnThreadPool.h"
#include "analyzer/rules/IoHoldingGil.h"
#include "analyzer/rules/ProcessForIo.h"
#include "analyzer/rules/PythonApiWithoutGil.h"
#include "analyzer/rules/ThreadPerConnection.h"

using namespace boundwise;

const std::vector<RuleInfo> &boundwise::allRules() {
  static const std::vector<RuleInfo> Rules = {
      {"blocking-in-async",
       "a blocking call reachable from a coroutine or an event-loop handler",
       [] { return std::make_unique<BlockingInAsync>(); }},
      {"cpu-holding-gil",
       "a CPU-heavy loop in Python-callable code with the GIL held",
       [] { return std::make_unique<CpuHoldingGil>(); }},
      {"cpu-in-async",
       "CPU-heavy work reachable from a coroutine or an event-loop handler",
       [] { return std::make_unique<CpuInAsync>(); }},
      {"cpu-on-thread-pool",
       "CPU-heavy work on threads that cannot run it in parallel",
       [] { return std::make_unique<CpuOnThreadPool>(); }},
      {"io-holding-gil",
       "blocking I/O reachable from Python-callable code with the GIL held",
       [] { return std::make_unique<IoHoldingGil>(); }},
      {"process-for-io",
       "a process spawned for work that only waits on I/O",
       [] { return std::make_unique<ProcessForIo>(); }},
      {"python-api-without-gil",
       "a Python API call or object touched where the GIL is released",
       [] { return std::make_unique<PythonApiWithoutGil>(); }},
      {"thread-per-connection",
       "an accept loop that starts an unbounded thread per connection",
       [] { return std::make_unique<ThreadPerConnection>(); }},
  };
  return Rules;
}

std::string boundwise::ruleDocPath(llvm::StringRef Rule) {
  return ("rules/docs/" + Rule + ".md").str();
}
