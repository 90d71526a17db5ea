//===--- CrashRecovery.h - One file's crash is that file's alone -*- C++
//-*-===//
//
/// \file
/// Untrusted source can crash clang, most easily by nesting deeper than its
/// recursive parser has stack for. An analysis runs on a large stack, and
/// whatever still crashes inside it, a stack overflow included, is recovered
/// for that file alone, in the command-line tool and in the language server.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_CRASHRECOVERY_H
#define BOUNDWISE_ANALYZER_CRASHRECOVERY_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>

namespace boundwise {

/// The stack an analysis runs on: eight times clang's own, so that source
/// clang parses is analysed, and source nested deeper than that crashes
/// later (and is recovered) rather than sooner.
constexpr unsigned AnalysisStackSize = 64u << 20;

/// Turns crash recovery on for the process. Its signal handlers run on the
/// crashing thread's alternate signal stack, so that a stack overflow can
/// be recovered on threads that have one (AlternateSignalStack).
void enableCrashRecovery();

/// While it lives, the calling thread has an alternate signal stack: the
/// handler of a stack overflow needs stack that did not overflow.
class AlternateSignalStack {
public:
  AlternateSignalStack();
  ~AlternateSignalStack();
  AlternateSignalStack(const AlternateSignalStack &) = delete;
  AlternateSignalStack &operator=(const AlternateSignalStack &) = delete;

private:
  std::unique_ptr<char[]> Memory;
  bool Installed = false;
};

/// Runs \p Work on the calling thread and recovers from a crash inside it.
/// \returns false if it crashed.
bool runRecoverably(llvm::function_ref<void()> Work);

/// Runs \p Work on a thread of its own with AnalysisStackSize of stack and
/// an alternate signal stack, and recovers from a crash inside it.
/// \returns false if it crashed.
bool runOnAnalysisStack(llvm::function_ref<void()> Work);

/// What a user is told about a file whose analysis crashed.
std::string crashedMessage(llvm::StringRef Path);

} // namespace boundwise

#endif
