//===--- CpuOnThreadPool.h - cpu-on-thread-pool rule ------------*- C++ -*-===//
//
/// \file
/// Flags CPU-heavy work on threads where it cannot run in parallel: under a
/// lock every task shares, under the GIL, or on a new thread per item of a
/// loop. See rules/docs/cpu-on-thread-pool.md.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_RULES_CPUONTHREADPOOL_H
#define BOUNDWISE_ANALYZER_RULES_CPUONTHREADPOOL_H

#include "analyzer/Rule.h"

namespace boundwise {

class CpuOnThreadPool : public Rule {
public:
  void check(const AnalysisState &State,
             std::vector<Finding> &Out) const override;
};

} // namespace boundwise

#endif
