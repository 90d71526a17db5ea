//===--- Rule.cpp - The rule registry -------------------------------------===//
#include "analyzer/Rule.h"
#include "analyzer/rules/BlockingInAsync.h"

using namespace boundwise;

const std::vector<RuleInfo> &boundwise::allRules() {
  static const std::vector<RuleInfo> Rules = {
      {"blocking-in-async",
       "a blocking call reachable from a coroutine or an event-loop handler",
       [] { return std::make_unique<BlockingInAsync>(); }},
  };
  return Rules;
}

std::string boundwise::ruleDocPath(llvm::StringRef Rule) {
  return ("rules/docs/" + Rule + ".md").str();
}
