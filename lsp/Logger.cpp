//===--- Logger.cpp - Logging to stderr at three levels -------------------===//
#include "lsp/Logger.h"

#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <mutex>

using namespace boundwise::lsp;

static std::atomic<int> CurrentLevel{static_cast<int>(LogLevel::Info)};

void boundwise::lsp::setLogLevel(LogLevel Level) {
  CurrentLevel = static_cast<int>(Level);
}

bool boundwise::lsp::isLogged(LogLevel Level) {
  return static_cast<int>(Level) <= CurrentLevel;
}

void boundwise::lsp::logAt(LogLevel Level, const llvm::Twine &Message) {
  if (!isLogged(Level))
    return;
  // Workers log while the reader logs: keep lines whole.
  static std::mutex StderrMutex;
  std::lock_guard<std::mutex> Lock(StderrMutex);
  const char Letter = Level == LogLevel::Error  ? 'E'
                      : Level == LogLevel::Info ? 'I'
                                                : 'V';
  llvm::errs() << Letter << "[boundwise-lsp] " << Message << "\n";
  llvm::errs().flush();
}
