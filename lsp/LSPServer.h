//===--- LSPServer.h - JSON-RPC methods onto the Server ---------*- C++ -*-===//
//
/// \file
/// The protocol layer, like clangd's ClangdLSPServer: it binds each LSP
/// method to a typed `on<Method>` handler, parses parameters, answers every
/// request exactly once, handles the lifecycle and cancellation, and turns
/// the Server's snapshots into LSP results through the features.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_LSPSERVER_H
#define BOUNDWISE_LSP_LSPSERVER_H

#include "lsp/Protocol.h"
#include "lsp/Server.h"
#include "lsp/Transport.h"
#include "lsp/URI.h"
#include "lsp/features/Features.h"

#include "llvm/ADT/FunctionExtras.h"
#include "llvm/ADT/StringMap.h"
#include <atomic>
#include <map>
#include <memory>
#include <mutex>

namespace boundwise {
namespace lsp {

/// A reply to send once: a result or an LSPError.
using Callback = llvm::unique_function<void(llvm::Expected<json>)>;

class LSPServer : private Server::Callbacks {
public:
  struct Options {
    Server::Options ServerOptions;
    /// Accept `test:` URIs (`-lit-test`).
    bool AllowTestScheme = false;
    /// URI prefix of the rule pages.
    std::string DocsBase;
    /// How long `exit` or the end of input waits for running analyses.
    Clock::duration ShutdownGrace = std::chrono::seconds(1);
  };

  LSPServer(Transport &Out, std::vector<CatalogFile> BaseCatalog, Options Opts);
  ~LSPServer();

  /// Serves until `exit` or the end of the input. True when `shutdown`
  /// came before `exit`, as LSP wants for a zero exit status.
  bool run();

private:
  class MessageHandler;
  class ReplyOnce;
  friend class MessageHandler;

  // Handlers: `void on<Method>(const Params &, Callback)` for requests,
  // `void on<Method>(const Params &)` for notifications.
  void onInitialize(const InitializeParams &Params, Callback Reply);
  void onInitialized(const json &Params);
  void onShutdown(const json &Params, Callback Reply);
  void onSync(const json &Params, Callback Reply);
  void onDocumentDidOpen(const DidOpenTextDocumentParams &Params);
  void onDocumentDidChange(const DidChangeTextDocumentParams &Params);
  void onDocumentDidSave(const DidSaveTextDocumentParams &Params);
  void onDocumentDidClose(const DidCloseTextDocumentParams &Params);
  void onHover(const TextDocumentPositionParams &Params, Callback Reply);
  void onCodeAction(const CodeActionParams &Params, Callback Reply);
  void onInlayHint(const InlayHintParams &Params, Callback Reply);
  void onDidChangeConfiguration(const DidChangeConfigurationParams &Params);
  void onDidChangeWatchedFiles(const DidChangeWatchedFilesParams &Params);
  void bindMethods();
  template <typename Param>
  void bind(const char *Method,
            void (LSPServer::*Handler)(const Param &, Callback));
  template <typename Param>
  void bind(const char *Method, void (LSPServer::*Handler)(const Param &));

  // Server::Callbacks.
  void onAnalysis(const Snapshot &S) override;
  void onFallbackFlags(llvm::StringRef Path,
                       llvm::ArrayRef<std::string> Flags) override;
  void onProblem(llvm::StringRef Problem) override;

  /// Runs \p Action on the latest snapshot of the document, or replies with
  /// the error of a bad URI or a closed document.
  void withDocument(
      const std::string &URI, Callback Reply,
      llvm::unique_function<json(const Snapshot &, const FeatureContext &)>
          Action);
  llvm::Expected<std::string> pathOf(const std::string &URI) const;
  FeatureContext featureContext() const;
  void notify(llvm::StringRef Method, json Params);
  void reply(const json &ID, llvm::Expected<json> Result);

  Transport &Out;
  Options Opts;
  URIMapper URIs;
  std::vector<CatalogFile> BaseCatalog;
  std::unique_ptr<Server> TheServer;
  std::atomic<OffsetEncoding> Encoding{OffsetEncoding::UTF16};

  using RequestHandler = llvm::unique_function<void(const json &, Callback)>;
  using NotificationHandler = llvm::unique_function<void(const json &)>;
  llvm::StringMap<RequestHandler> Requests;
  llvm::StringMap<NotificationHandler> Notifications;

  bool Initialized = false;
  bool ShutdownRequested = false;

  /// Serializes writes to the transport.
  std::mutex SendMutex;
  /// Cancellation flags of the requests not yet answered, by id.
  std::mutex PendingMutex;
  std::map<std::string, std::shared_ptr<std::atomic<bool>>> Pending;
};

} // namespace lsp
} // namespace boundwise

#endif
