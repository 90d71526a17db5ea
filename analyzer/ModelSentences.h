//===--- ModelSentences.h - The words for the model that fits --*- C++ -*-===//
//
/// \file
/// The sentences that say which concurrency model fits, shared by the
/// static diagnosis (Diagnosis.cpp) and `boundwise measure`: one verdict
/// reads the same whether it was read from the code or measured.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_MODELSENTENCES_H
#define BOUNDWISE_ANALYZER_MODELSENTENCES_H

#include "llvm/ADT/StringRef.h"

namespace boundwise {

/// I/O-bound work on plain threads.
inline constexpr llvm::StringLiteral IOBoundModelSentence =
    "threads (a bounded pool) for dozens to hundreds of concurrent calls; "
    "async for thousands";

/// CPU-bound work, serialized or on one core.
inline constexpr llvm::StringLiteral CpuBoundModelSentence =
    "a CPU pool sized to the cores; processes where a global lock such as "
    "the GIL serializes threads";

} // namespace boundwise

#endif
