//===--- Logger.h - Logging to stderr at three levels -----------*- C++ -*-===//
//
/// \file
/// The server's log. stdout carries the protocol, so every log line goes to
/// stderr, and a message below the chosen level costs only a comparison.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_LOGGER_H
#define BOUNDWISE_LSP_LOGGER_H

#include "llvm/ADT/Twine.h"

namespace boundwise {
namespace lsp {

enum class LogLevel { Error, Info, Verbose };

/// Messages above \p Level are dropped.
void setLogLevel(LogLevel Level);
bool isLogged(LogLevel Level);
void logAt(LogLevel Level, const llvm::Twine &Message);

inline void elog(const llvm::Twine &Message) {
  logAt(LogLevel::Error, Message);
}
inline void log(const llvm::Twine &Message) {
  if (isLogged(LogLevel::Info))
    logAt(LogLevel::Info, Message);
}
inline void vlog(const llvm::Twine &Message) {
  if (isLogged(LogLevel::Verbose))
    logAt(LogLevel::Verbose, Message);
}

} // namespace lsp
} // namespace boundwise

#endif
