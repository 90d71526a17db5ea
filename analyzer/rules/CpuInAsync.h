//===--- CpuInAsync.h - cpu-in-async rule -----------------------*- C++ -*-===//
//
/// \file
/// Flags CPU-heavy work (by the cost model) reachable from an async context:
/// while it computes, the event loop serves nobody else. See
/// rules/docs/cpu-in-async.md.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_RULES_CPUINASYNC_H
#define BOUNDWISE_ANALYZER_RULES_CPUINASYNC_H

#include "analyzer/Rule.h"

namespace boundwise {

class CpuInAsync : public Rule {
public:
  void check(const AnalysisState &State,
             std::vector<Finding> &Out) const override;
};

} // namespace boundwise

#endif
