//===--- LSPServer.cpp - JSON-RPC methods onto the Server -----------------===//
#include "lsp/LSPServer.h"
#include "lsp/Logger.h"
#include "lsp/SourceCode.h"
#include "lsp/features/Features.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include <chrono>

using namespace boundwise;
using namespace boundwise::lsp;

/// Replies once: a second reply is a logged bug, and a reply never sent
/// becomes an InternalError when the last owner goes (clangd's ReplyOnce).
class LSPServer::ReplyOnce {
public:
  ReplyOnce(json ID, std::string Method, LSPServer *Owner,
            std::shared_ptr<std::atomic<bool>> Cancelled)
      : ID(std::move(ID)), Method(std::move(Method)), Owner(Owner),
        Cancelled(std::move(Cancelled)), Start(Clock::now()) {}
  ReplyOnce(ReplyOnce &&Other)
      : ID(std::move(Other.ID)), Method(std::move(Other.Method)),
        Owner(Other.Owner), Cancelled(std::move(Other.Cancelled)),
        Start(Other.Start), Replied(Other.Replied.load()) {
    Other.Owner = nullptr;
  }
  ReplyOnce &operator=(ReplyOnce &&) = delete;
  ~ReplyOnce() {
    if (Owner && !Replied)
      (*this)(llvm::make_error<LSPError>("server failed to reply",
                                         ErrorCode::InternalError));
  }

  void operator()(llvm::Expected<json> Result) {
    if (Replied.exchange(true)) {
      elog("replied twice to " + Method + "(" + ID.dump() + ")");
      llvm::consumeError(Result.takeError());
      return;
    }
    // A request cancelled before it produced its answer says so.
    if (Cancelled && *Cancelled && Result) {
      Result = llvm::make_error<LSPError>("request cancelled",
                                          ErrorCode::RequestCancelled);
    }
    auto Took = std::chrono::duration_cast<std::chrono::milliseconds>(
        Clock::now() - Start);
    log("--> reply:" + Method + "(" + ID.dump() + ") " +
        llvm::Twine(Took.count()) + " ms" + (Result ? "" : ", error"));
    Owner->reply(ID, std::move(Result));
  }

private:
  json ID;
  std::string Method;
  LSPServer *Owner;
  std::shared_ptr<std::atomic<bool>> Cancelled;
  Clock::time_point Start;
  std::atomic<bool> Replied{false};
};

/// The cross-cutting part of dispatch: lifecycle, unknown methods,
/// cancellation, logging.
class LSPServer::MessageHandler : public Transport::MessageHandler {
public:
  explicit MessageHandler(LSPServer &Owner) : Owner(Owner) {}

  bool onNotify(llvm::StringRef Method, json Params) override {
    log("<-- " + Method);
    if (Method == "exit")
      return false;
    if (Method == "$/cancelRequest") {
      cancel(Params);
      return true;
    }
    if (!Owner.Initialized) {
      elog("notification " + Method + " before initialize; dropped");
      return true;
    }
    auto Handler = Owner.Notifications.find(Method);
    if (Handler == Owner.Notifications.end()) {
      // Optional notifications ($/...) may be ignored silently.
      if (!Method.starts_with("$/"))
        log("unhandled notification " + Method);
      return true;
    }
    Handler->second(Params);
    return true;
  }

  bool onCall(llvm::StringRef Method, json Params, json ID) override {
    log("<-- " + Method + "(" + ID.dump() + ")");
    auto Cancelled = std::make_shared<std::atomic<bool>>(false);
    {
      std::lock_guard<std::mutex> Lock(Owner.PendingMutex);
      Owner.Pending[ID.dump()] = Cancelled;
    }
    ReplyOnce Reply(ID, Method.str(), &Owner, Cancelled);
    if (!Owner.Initialized && Method != "initialize") {
      Reply(llvm::make_error<LSPError>("server not initialized",
                                       ErrorCode::ServerNotInitialized));
      return true;
    }
    if (Owner.ShutdownRequested) {
      Reply(llvm::make_error<LSPError>("server is shutting down",
                                       ErrorCode::InvalidRequest));
      return true;
    }
    auto Handler = Owner.Requests.find(Method);
    if (Handler == Owner.Requests.end()) {
      Reply(llvm::make_error<LSPError>("method not found: " + Method.str(),
                                       ErrorCode::MethodNotFound));
      return true;
    }
    Handler->second(Params, Callback(std::move(Reply)));
    return true;
  }

  bool onReply(json ID, llvm::Expected<json> Result) override {
    // The server sends no requests, so no reply is awaited.
    if (!Result)
      elog("error reply to " + ID.dump() + ": " +
           llvm::toString(Result.takeError()));
    else
      log("<-- reply(" + ID.dump() + "), not awaited");
    return true;
  }

private:
  void cancel(const json &Params) {
    std::string Error;
    CancelParams Cancel;
    if (!fromJSON(Params, Cancel, JSONPath(Error))) {
      elog("bad $/cancelRequest: " + Error);
      return;
    }
    std::lock_guard<std::mutex> Lock(Owner.PendingMutex);
    auto It = Owner.Pending.find(Cancel.id.dump());
    if (It != Owner.Pending.end())
      *It->second = true;
  }

  LSPServer &Owner;
};

LSPServer::LSPServer(Transport &Out, std::vector<CatalogFile> BaseCatalog,
                     Options Opts)
    : Out(Out), Opts(std::move(Opts)), URIs(this->Opts.AllowTestScheme),
      BaseCatalog(std::move(BaseCatalog)) {
  bindMethods();
}

LSPServer::~LSPServer() {
  // Workers may still deliver results: stop them while this still exists.
  TheServer.reset();
}

template <typename Param>
void LSPServer::bind(const char *Method,
                     void (LSPServer::*Handler)(const Param &, Callback)) {
  Requests[Method] = [this, Method, Handler](const json &Params,
                                             Callback Reply) {
    Param Parsed;
    std::string Error;
    if (!fromJSON(Params, Parsed, JSONPath(Error))) {
      Reply(llvm::make_error<LSPError>(std::string("invalid params of ") +
                                           Method + ": " + Error,
                                       ErrorCode::InvalidParams));
      return;
    }
    (this->*Handler)(Parsed, std::move(Reply));
  };
}

template <typename Param>
void LSPServer::bind(const char *Method,
                     void (LSPServer::*Handler)(const Param &)) {
  Notifications[Method] = [this, Method, Handler](const json &Params) {
    Param Parsed;
    std::string Error;
    if (!fromJSON(Params, Parsed, JSONPath(Error))) {
      elog(std::string("invalid params of ") + Method + ": " + Error +
           "; dropped");
      return;
    }
    (this->*Handler)(Parsed);
  };
}

void LSPServer::bindMethods() {
  // clang-format off
  bind("initialize",                          &LSPServer::onInitialize);
  bind("initialized",                         &LSPServer::onInitialized);
  bind("shutdown",                            &LSPServer::onShutdown);
  bind("sync",                                &LSPServer::onSync);
  bind("textDocument/didOpen",                &LSPServer::onDocumentDidOpen);
  bind("textDocument/didChange",              &LSPServer::onDocumentDidChange);
  bind("textDocument/didSave",                &LSPServer::onDocumentDidSave);
  bind("textDocument/didClose",               &LSPServer::onDocumentDidClose);
  bind("textDocument/hover",                  &LSPServer::onHover);
  bind("textDocument/codeAction",             &LSPServer::onCodeAction);
  bind("textDocument/inlayHint",              &LSPServer::onInlayHint);
  bind("workspace/didChangeConfiguration",    &LSPServer::onDidChangeConfiguration);
  bind("workspace/didChangeWatchedFiles",     &LSPServer::onDidChangeWatchedFiles);
  // clang-format on
}

bool LSPServer::run() {
  MessageHandler Handler(*this);
  if (llvm::Error Failed = Out.loop(Handler))
    elog("transport: " + llvm::toString(std::move(Failed)));
  // Results of unfinished work have nowhere to go, and a parse that never
  // ends must not keep the process alive: what still runs after the grace
  // period is abandoned with the server it uses, and ends with the process.
  if (TheServer && !TheServer->stop(Opts.ShutdownGrace)) {
    log("abandoning the analyses still running");
    (void)TheServer.release();
  }
  TheServer.reset();
  return ShutdownRequested;
}

void LSPServer::notify(llvm::StringRef Method, json Params) {
  log("--> " + Method);
  std::lock_guard<std::mutex> Lock(SendMutex);
  Out.notify(Method, std::move(Params));
}

void LSPServer::reply(const json &ID, llvm::Expected<json> Result) {
  {
    std::lock_guard<std::mutex> Lock(PendingMutex);
    Pending.erase(ID.dump());
  }
  std::lock_guard<std::mutex> Lock(SendMutex);
  Out.reply(ID, std::move(Result));
}

void LSPServer::onInitialize(const InitializeParams &Params, Callback Reply) {
  if (Initialized) {
    Reply(llvm::make_error<LSPError>("server already initialized",
                                     ErrorCode::InvalidRequest));
    return;
  }
  Initialized = true;
  Encoding =
      Params.clientSupportsUTF8 ? OffsetEncoding::UTF8 : OffsetEncoding::UTF16;
  // The pool is made with the server: `jobs` counts at initialize only.
  Server::Options ServerOptions = Opts.ServerOptions;
  if (Params.initializationOptions && Params.initializationOptions->jobs)
    ServerOptions.Scheduling.Workers = *Params.initializationOptions->jobs;
  TheServer = std::make_unique<Server>(BaseCatalog, std::move(ServerOptions),
                                       static_cast<Server::Callbacks &>(*this));
  if (Params.initializationOptions)
    TheServer->applySettings(*Params.initializationOptions);
  json Capabilities = {
      {"positionEncoding", encodingName(Encoding).str()},
      // Incremental changes (2), and the text is not needed on save.
      {"textDocumentSync",
       {{"openClose", true},
        {"change", 2},
        {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
      {"inlayHintProvider", true},
  };
  Reply(json{{"capabilities", std::move(Capabilities)},
             {"serverInfo",
              {{"name", "boundwise-lsp"}, {"version", BOUNDWISE_VERSION}}}});
}

void LSPServer::onInitialized(const json &) {}

void LSPServer::onShutdown(const json &, Callback Reply) {
  ShutdownRequested = true;
  Reply(nullptr);
}

void LSPServer::onSync(const json &, Callback Reply) {
  TheServer->blockUntilIdle();
  Reply(nullptr);
}

llvm::Expected<std::string> LSPServer::pathOf(const std::string &URI) const {
  return URIs.toPath(URI);
}

void LSPServer::onDocumentDidOpen(const DidOpenTextDocumentParams &Params) {
  auto Path = pathOf(Params.textDocument.uri);
  if (!Path) {
    elog("didOpen: " + llvm::toString(Path.takeError()));
    return;
  }
  TheServer->addDocument(*Path, Params.textDocument.text,
                         Params.textDocument.version);
}

void LSPServer::onDocumentDidChange(const DidChangeTextDocumentParams &Params) {
  auto Path = pathOf(Params.textDocument.uri);
  if (!Path) {
    elog("didChange: " + llvm::toString(Path.takeError()));
    return;
  }
  std::optional<std::string> Text = TheServer->documentText(*Path);
  if (!Text) {
    elog("didChange of a document that is not open: " +
         Params.textDocument.uri);
    return;
  }
  for (const TextDocumentContentChangeEvent &Change : Params.contentChanges) {
    if (llvm::Error Failed = applyChange(*Text, Change, Encoding)) {
      // The client's view and ours now differ; analysing either would
      // mislead, so the document is closed until the client reopens it.
      elog("didChange of " + Params.textDocument.uri + ": " +
           llvm::toString(std::move(Failed)) + "; closing the document");
      TheServer->removeDocument(*Path);
      notify("textDocument/publishDiagnostics",
             toJSON(PublishDiagnosticsParams{
                 Params.textDocument.uri, std::nullopt, {}}));
      return;
    }
  }
  TheServer->addDocument(*Path, std::move(*Text),
                         Params.textDocument.version.value_or(0));
}

void LSPServer::onDocumentDidSave(const DidSaveTextDocumentParams &Params) {
  auto Path = pathOf(Params.textDocument.uri);
  if (!Path) {
    elog("didSave: " + llvm::toString(Path.takeError()));
    return;
  }
  TheServer->savedDocument(*Path);
}

void LSPServer::onDocumentDidClose(const DidCloseTextDocumentParams &Params) {
  auto Path = pathOf(Params.textDocument.uri);
  if (!Path) {
    elog("didClose: " + llvm::toString(Path.takeError()));
    return;
  }
  TheServer->removeDocument(*Path);
  // Its diagnostics must not outlive it in the editor.
  notify("textDocument/publishDiagnostics",
         toJSON(PublishDiagnosticsParams{
             Params.textDocument.uri, std::nullopt, {}}));
}

FeatureContext LSPServer::featureContext() const {
  return {URIs, Encoding, Opts.DocsBase};
}

void LSPServer::withDocument(
    const std::string &URI, Callback Reply,
    llvm::unique_function<json(const Snapshot &, const FeatureContext &)>
        Action) {
  auto Path = pathOf(URI);
  if (!Path) {
    Reply(Path.takeError());
    return;
  }
  if (!TheServer->documentText(*Path)) {
    Reply(llvm::make_error<LSPError>("document not open: " + URI,
                                     ErrorCode::InvalidParams));
    return;
  }
  TheServer->withSnapshot(
      *Path, [this, Reply = std::move(Reply), Action = std::move(Action)](
                 std::shared_ptr<const Snapshot> Latest) mutable {
        // Not analysed yet (or it could not be): there is nothing to show.
        if (!Latest) {
          Reply(json(nullptr));
          return;
        }
        Reply(Action(*Latest, featureContext()));
      });
}

void LSPServer::onHover(const TextDocumentPositionParams &Params,
                        Callback Reply) {
  withDocument(Params.textDocument.uri, std::move(Reply),
               [Where = Params.position](const Snapshot &S,
                                         const FeatureContext &Context) {
                 std::optional<Hover> Result = hoverAt(S, Where, Context);
                 return Result ? toJSON(*Result) : json(nullptr);
               });
}

void LSPServer::onCodeAction(const CodeActionParams &Params, Callback Reply) {
  withDocument(
      Params.textDocument.uri, std::move(Reply),
      [Where = Params.range](const Snapshot &S, const FeatureContext &Context) {
        json Actions = json::array();
        for (const CodeAction &Action : codeActionsFor(S, Where, Context))
          Actions.push_back(toJSON(Action));
        return Actions;
      });
}

void LSPServer::onInlayHint(const InlayHintParams &Params, Callback Reply) {
  bool Enabled = TheServer->inlayHintsEnabled();
  withDocument(Params.textDocument.uri, std::move(Reply),
               [Where = Params.range, Enabled](const Snapshot &S,
                                               const FeatureContext &Context) {
                 json Hints = json::array();
                 if (!Enabled)
                   return Hints;
                 for (const InlayHint &Hint : inlayHintsFor(S, Where, Context))
                   Hints.push_back(toJSON(Hint));
                 return Hints;
               });
}

void LSPServer::onDidChangeConfiguration(
    const DidChangeConfigurationParams &Params) {
  TheServer->applySettings(Params.settings);
}

void LSPServer::onDidChangeWatchedFiles(
    const DidChangeWatchedFilesParams &Params) {
  for (const FileEvent &Change : Params.changes) {
    llvm::StringRef Name = llvm::sys::path::filename(Change.uri);
    if (Name == "compile_commands.json" || Name == ".boundwise.yaml") {
      log("re-analysing the open documents: " + Change.uri + " changed");
      TheServer->reanalyzeAll();
      return;
    }
  }
}

void LSPServer::onAnalysis(const Snapshot &S) {
  PublishDiagnosticsParams Params;
  Params.uri = URIs.toURI(S.Path);
  Params.version = S.Version;
  Params.diagnostics = diagnosticsFor(S, featureContext());
  notify("textDocument/publishDiagnostics", toJSON(Params));
}

void LSPServer::onFallbackFlags(llvm::StringRef Path,
                                llvm::ArrayRef<std::string> Flags) {
  ShowMessageParams Message;
  Message.message =
      ("boundwise: no compile_commands.json covers " + Path +
       "; analysing with the fallback flags '" + llvm::join(Flags, " ") +
       "' (set \"fallbackFlags\" in the initialization "
       "options). Said once.")
          .str();
  notify("window/showMessage", toJSON(Message));
}

void LSPServer::onProblem(llvm::StringRef Problem) {
  elog(Problem);
  ShowMessageParams Message;
  Message.type = 2;
  Message.message = ("boundwise: " + Problem).str();
  notify("window/showMessage", toJSON(Message));
}
