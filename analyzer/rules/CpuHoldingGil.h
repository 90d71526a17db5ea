//===--- CpuHoldingGil.h - cpu-holding-gil rule -*- C++ -*-===//
//
/// \file
/// Flags CPU-heavy work in Python-callable code with the GIL held: Python
/// threads calling it cannot run in parallel. See
/// rules/docs/cpu-holding-gil.md.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_RULES_CPUHOLDINGGIL_H
#define BOUNDWISE_ANALYZER_RULES_CPUHOLDINGGIL_H

#include "analyzer/Rule.h"

namespace boundwise {

class CpuHoldingGil : public Rule {
public:
  void check(const AnalysisState &State,
             std::vector<Finding> &Out) const override;
};

} // namespace boundwise

#endif
