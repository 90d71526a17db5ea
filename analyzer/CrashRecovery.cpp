//===--- CrashRecovery.cpp - One file's crash is that file's alone --------===//
#include "analyzer/CrashRecovery.h"

#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/thread.h"
#include <csignal>
#include <optional>

using namespace boundwise;

/// Enough for the recovery handler, which only long-jumps out.
static constexpr size_t SignalStackSize = 64 * 1024;

void boundwise::enableCrashRecovery() {
  llvm::CrashRecoveryContext::Enable();
  // The signals a stack overflow raises: their handlers, installed just
  // now, must run on the alternate stack.
  for (int Signal : {SIGSEGV, SIGBUS}) {
    struct sigaction Action;
    if (sigaction(Signal, nullptr, &Action) != 0)
      continue;
    Action.sa_flags |= SA_ONSTACK;
    sigaction(Signal, &Action, nullptr);
  }
}

AlternateSignalStack::AlternateSignalStack()
    : Memory(new char[SignalStackSize]) {
  stack_t Stack{};
  Stack.ss_sp = Memory.get();
  Stack.ss_size = SignalStackSize;
  Installed = sigaltstack(&Stack, nullptr) == 0;
}

AlternateSignalStack::~AlternateSignalStack() {
  if (!Installed)
    return;
  stack_t Disabled{};
  Disabled.ss_flags = SS_DISABLE;
  sigaltstack(&Disabled, nullptr);
}

bool boundwise::runRecoverably(llvm::function_ref<void()> Work) {
  llvm::CrashRecoveryContext Recovery;
  return Recovery.RunSafely(Work);
}

bool boundwise::runOnAnalysisStack(llvm::function_ref<void()> Work) {
  bool Completed = false;
  llvm::thread Thread(std::optional<unsigned>(AnalysisStackSize), [&] {
    AlternateSignalStack SignalStack;
    Completed = runRecoverably(Work);
  });
  Thread.join();
  return Completed;
}

std::string boundwise::crashedMessage(llvm::StringRef Path) {
  return "clang crashed while analysing " + Path.str();
}
