//===--- Transport.h - Sending and receiving LSP messages -------*- C++ -*-===//
//
/// \file
/// The boundary between bytes and JSON messages, as clangd's Transport.h
/// draws it. Threading: sends never run concurrently (the caller
/// serializes them), and a send may happen while loop() is reading.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_TRANSPORT_H
#define BOUNDWISE_LSP_TRANSPORT_H

#include "lsp/Protocol.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>
#include <memory>

namespace boundwise {
namespace lsp {

class Transport {
public:
  virtual ~Transport() = default;

  virtual void notify(llvm::StringRef Method, json Params) = 0;
  /// Replies to the request \p ID with a result or an LSPError.
  virtual void reply(json ID, llvm::Expected<json> Result) = 0;

  /// Receives incoming messages. Each callback returns whether to keep
  /// reading.
  class MessageHandler {
  public:
    virtual ~MessageHandler() = default;
    virtual bool onNotify(llvm::StringRef Method, json Params) = 0;
    virtual bool onCall(llvm::StringRef Method, json Params, json ID) = 0;
    virtual bool onReply(json ID, llvm::Expected<json> Result) = 0;
  };

  /// Reads messages and hands them to \p Handler until it asks to stop
  /// (success) or the input ends (an error).
  virtual llvm::Error loop(MessageHandler &Handler) = 0;
};

/// How messages are delimited on input.
enum class JSONStreamStyle {
  /// `Content-Length` headers, as LSP specifies.
  Standard,
  /// Messages separated by lines of `---`, with `#` comment lines: for
  /// transcripts in lit tests.
  Delimited,
};

/// A transport reading JSON-RPC from \p In and writing to \p Out. Every byte
/// read is copied to \p InMirror when it is set, to record sessions.
std::unique_ptr<Transport> newJSONTransport(std::FILE *In,
                                            llvm::raw_ostream &Out,
                                            llvm::raw_ostream *InMirror,
                                            bool Pretty, JSONStreamStyle Style);

} // namespace lsp
} // namespace boundwise

#endif
