//===--- PythonApiWithoutGil.h - python-api-without-gil rule -*- C++ -*-===//
//
/// \file
/// Flags Python objects or API touched where the GIL is released: a crash, not
/// a slowdown. See rules/docs/python-api-without-gil.md.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_RULES_PYTHONAPIWITHOUTGIL_H
#define BOUNDWISE_ANALYZER_RULES_PYTHONAPIWITHOUTGIL_H

#include "analyzer/Rule.h"

namespace boundwise {

class PythonApiWithoutGil : public Rule {
public:
  void check(const AnalysisState &State,
             std::vector<Finding> &Out) const override;
};

} // namespace boundwise

#endif
