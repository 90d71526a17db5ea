//===--- BlockingInAsync.h - blocking-in-async rule -------------*- C++ -*-===//
//
/// \file
/// Flags a blocking call reachable from an async context: a coroutine body,
/// a completion handler, an event-loop callback, a callable posted to an
/// event loop. One blocked handler stalls every other connection of the
/// loop. See rules/docs/blocking-in-async.md.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_RULES_BLOCKINGINASYNC_H
#define BOUNDWISE_ANALYZER_RULES_BLOCKINGINASYNC_H

#include "analyzer/Rule.h"

namespace boundwise {

class BlockingInAsync : public Rule {
public:
  void check(const AnalysisState &State,
             std::vector<Finding> &Out) const override;
};

} // namespace boundwise

#endif
