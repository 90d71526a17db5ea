//===--- ProcessForIo.h - process-for-io rule -*- C++ -*-===//
//
/// \file
/// Flags a process spawned for work that only waits: a fork child that only
/// does I/O, or a command such as curl or cp. A process per wait costs memory
/// and start-up that threads or async would not. See
/// rules/docs/process-for-io.md.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_RULES_PROCESSFORIO_H
#define BOUNDWISE_ANALYZER_RULES_PROCESSFORIO_H

#include "analyzer/Rule.h"

namespace boundwise {

class ProcessForIo : public Rule {
public:
  void check(const AnalysisState &State,
             std::vector<Finding> &Out) const override;
};

} // namespace boundwise

#endif
