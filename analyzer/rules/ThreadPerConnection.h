//===--- ThreadPerConnection.h - thread-per-connection rule -*- C++ -*-===//
//
/// \file
/// Flags an accept loop that starts an unbounded thread per connection. See
/// rules/docs/thread-per-connection.md.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_RULES_THREADPERCONNECTION_H
#define BOUNDWISE_ANALYZER_RULES_THREADPERCONNECTION_H

#include "analyzer/Rule.h"

namespace boundwise {

class ThreadPerConnection : public Rule {
public:
  void check(const AnalysisState &State,
             std::vector<Finding> &Out) const override;
};

} // namespace boundwise

#endif
