//===--- IoHoldingGil.h - io-holding-gil rule -*- C++ -*-===//
//
/// \file
/// Flags blocking I/O reachable from Python-callable code while the GIL is
/// held: every Python thread waits for it. See rules/docs/io-holding-gil.md.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_RULES_IOHOLDINGGIL_H
#define BOUNDWISE_ANALYZER_RULES_IOHOLDINGGIL_H

#include "analyzer/Rule.h"

namespace boundwise {

class IoHoldingGil : public Rule {
public:
  void check(const AnalysisState &State,
             std::vector<Finding> &Out) const override;
};

} // namespace boundwise

#endif
