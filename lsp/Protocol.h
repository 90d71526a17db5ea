//===--- Protocol.h - The LSP types boundwise uses --------------*- C++ -*-===//
//
/// \file
/// Not a complete binding of the Language Server Protocol: one plain struct
/// per LSP type that the server reads or writes, with only the fields it uses.
/// Each has free `fromJSON(const json &, T &, JSONPath)` and/or
/// `toJSON(const T &)` functions, as clangd's Protocol.h has. Field names
/// copy LSP's spelling.
///
/// Positions count UTF-16 code units by default (or UTF-8 bytes, as
/// negotiated in `initialize`); SourceCode.h converts them.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_PROTOCOL_H
#define BOUNDWISE_LSP_PROTOCOL_H

#include "llvm/Support/Error.h"
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

// NOLINTBEGIN(readability-identifier-naming)

namespace boundwise {
namespace lsp {

using json = nlohmann::json;

/// JSON-RPC and LSP error codes.
enum class ErrorCode {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestCancelled = -32800,
  ContentModified = -32801,
};

/// An error to send as a JSON-RPC error reply.
class LSPError : public llvm::ErrorInfo<LSPError> {
public:
  static char ID;
  LSPError(std::string Message, ErrorCode Code)
      : Message(std::move(Message)), Code(Code) {}
  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }

  std::string Message;
  ErrorCode Code;
};

/// Where in a message a value is, for parse errors in the log:
/// `params.textDocument.uri`.
class JSONPath {
public:
  explicit JSONPath(std::string &Error) : Error(Error) {}
  JSONPath field(llvm::StringRef Name) const;
  JSONPath index(size_t I) const;
  /// Records the first error only: the deepest field that failed.
  void report(llvm::StringRef Message) const;

private:
  JSONPath(std::string &Error, std::string Where)
      : Error(Error), Where(std::move(Where)) {}
  std::string &Error;
  std::string Where;
};

bool fromJSON(const json &Value, std::string &Out, JSONPath P);
bool fromJSON(const json &Value, int &Out, JSONPath P);
bool fromJSON(const json &Value, bool &Out, JSONPath P);
bool fromJSON(const json &Value, json &Out, JSONPath P);
template <typename T>
bool fromJSON(const json &Value, std::vector<T> &Out, JSONPath P) {
  if (!Value.is_array()) {
    P.report("expected an array");
    return false;
  }
  Out.clear();
  for (size_t I = 0; I < Value.size(); ++I) {
    Out.emplace_back();
    if (!fromJSON(Value[I], Out.back(), P.index(I)))
      return false;
  }
  return true;
}
template <typename T>
bool fromJSON(const json &Value, std::optional<T> &Out, JSONPath P) {
  if (Value.is_null()) {
    Out.reset();
    return true;
  }
  Out.emplace();
  return fromJSON(Value, *Out, P);
}

/// Reads the fields of one JSON object, like llvm::json::ObjectMapper:
/// `map` for required fields, `mapOptional` for fields that may be absent
/// or null.
class ObjectMapper {
public:
  ObjectMapper(const json &Value, JSONPath P) : Value(Value), P(P) {
    if (!Value.is_object())
      P.report("expected an object");
  }
  explicit operator bool() const { return Value.is_object(); }

  template <typename T> bool map(const char *Key, T &Out) {
    auto It = Value.find(Key);
    if (It == Value.end()) {
      P.field(Key).report("missing value");
      return false;
    }
    return fromJSON(*It, Out, P.field(Key));
  }
  template <typename T> bool mapOptional(const char *Key, T &Out) {
    auto It = Value.find(Key);
    if (It == Value.end() || It->is_null())
      return true;
    return fromJSON(*It, Out, P.field(Key));
  }

private:
  const json &Value;
  JSONPath P;
};

/// The unit in which `Position::character` counts.
enum class OffsetEncoding { UTF16, UTF8 };
llvm::StringRef encodingName(OffsetEncoding Encoding);

struct Position {
  /// 0-based line.
  int line = 0;
  /// 0-based column in code units of the negotiated OffsetEncoding
  /// (UTF-16 unless the client chose UTF-8).
  int character = 0;
  friend bool operator==(const Position &L, const Position &R) {
    return L.line == R.line && L.character == R.character;
  }
  friend bool operator<(const Position &L, const Position &R) {
    return std::tie(L.line, L.character) < std::tie(R.line, R.character);
  }
  friend bool operator<=(const Position &L, const Position &R) {
    return !(R < L);
  }
};
bool fromJSON(const json &Value, Position &Out, JSONPath P);
json toJSON(const Position &P);

struct Range {
  Position start;
  Position end;
  /// Whether the two ranges share a position (touching counts).
  bool touches(const Range &Other) const {
    return start <= Other.end && Other.start <= end;
  }
};
bool fromJSON(const json &Value, Range &Out, JSONPath P);
json toJSON(const Range &R);

struct Location {
  std::string uri;
  Range range;
};
json toJSON(const Location &L);

struct TextEdit {
  Range range;
  std::string newText;
};
json toJSON(const TextEdit &E);

struct TextDocumentIdentifier {
  std::string uri;
};
bool fromJSON(const json &Value, TextDocumentIdentifier &Out, JSONPath P);

struct VersionedTextDocumentIdentifier {
  std::string uri;
  std::optional<int> version;
};
bool fromJSON(const json &Value, VersionedTextDocumentIdentifier &Out,
              JSONPath P);

struct TextDocumentItem {
  std::string uri;
  std::string languageId;
  int version = 0;
  std::string text;
};
bool fromJSON(const json &Value, TextDocumentItem &Out, JSONPath P);

/// The settings a client may pass as `initializationOptions` or in
/// `workspace/didChangeConfiguration` (`settings`, or `settings.boundwise`).
struct ServerSettings {
  /// Compile flags for files that no compile_commands.json covers, such as
  /// `["-std=c++20", "-Iinclude"]`.
  std::optional<std::vector<std::string>> fallbackFlags;
  /// The directory of compile_commands.json, instead of searching upward
  /// from each file.
  std::optional<std::string> compilationDatabasePath;
  /// Whether textDocument/inlayHint returns the verdict of each function.
  std::optional<bool> inlayHints;
  /// The rules to run, as `--checks` globs (`-*,blocking-in-async`),
  /// appended to a project's `Checks` as `--checks` is.
  std::optional<std::string> checks;
  /// The most files analysed at once (0: the number of cores), read at
  /// initialize only, like `-j`.
  std::optional<int> jobs;
  /// What was wrong with the settings as sent: each such setting is left
  /// unset, so that one mistake costs that setting, not the session.
  std::vector<std::string> problems;
};
/// Never fails: a setting of the wrong type is recorded in `problems`.
bool fromJSON(const json &Value, ServerSettings &Out, JSONPath P);

struct InitializeParams {
  /// From `capabilities.general.positionEncodings`: the client can count
  /// columns in UTF-8 bytes.
  bool clientSupportsUTF8 = false;
  std::optional<ServerSettings> initializationOptions;
};
bool fromJSON(const json &Value, InitializeParams &Out, JSONPath P);

struct DidOpenTextDocumentParams {
  TextDocumentItem textDocument;
};
bool fromJSON(const json &Value, DidOpenTextDocumentParams &Out, JSONPath P);

struct TextDocumentContentChangeEvent {
  /// Absent for a change that replaces the whole document.
  std::optional<Range> range;
  std::string text;
};
bool fromJSON(const json &Value, TextDocumentContentChangeEvent &Out,
              JSONPath P);

struct DidChangeTextDocumentParams {
  VersionedTextDocumentIdentifier textDocument;
  std::vector<TextDocumentContentChangeEvent> contentChanges;
};
bool fromJSON(const json &Value, DidChangeTextDocumentParams &Out, JSONPath P);

struct DidSaveTextDocumentParams {
  TextDocumentIdentifier textDocument;
};
bool fromJSON(const json &Value, DidSaveTextDocumentParams &Out, JSONPath P);

struct DidCloseTextDocumentParams {
  TextDocumentIdentifier textDocument;
};
bool fromJSON(const json &Value, DidCloseTextDocumentParams &Out, JSONPath P);

struct DidChangeConfigurationParams {
  ServerSettings settings;
};
bool fromJSON(const json &Value, DidChangeConfigurationParams &Out, JSONPath P);

struct FileEvent {
  std::string uri;
  /// 1 created, 2 changed, 3 deleted.
  int type = 0;
};
bool fromJSON(const json &Value, FileEvent &Out, JSONPath P);

struct DidChangeWatchedFilesParams {
  std::vector<FileEvent> changes;
};
bool fromJSON(const json &Value, DidChangeWatchedFilesParams &Out, JSONPath P);

struct CancelParams {
  /// The id of the request to cancel: a number or a string.
  json id;
};
bool fromJSON(const json &Value, CancelParams &Out, JSONPath P);

struct TextDocumentPositionParams {
  TextDocumentIdentifier textDocument;
  Position position;
};
bool fromJSON(const json &Value, TextDocumentPositionParams &Out, JSONPath P);

struct MarkupContent {
  /// Always `markdown`.
  std::string kind = "markdown";
  std::string value;
};

struct Hover {
  MarkupContent contents;
  std::optional<Range> range;
};
json toJSON(const Hover &H);

struct DiagnosticRelatedInformation {
  Location location;
  std::string message;
};

struct Diagnostic {
  Range range;
  /// 1 error, 2 warning.
  int severity = 2;
  /// The rule id: `blocking-in-async`.
  std::string code;
  /// The rule's documentation page.
  std::string codeDescriptionHref;
  std::string source = "boundwise";
  std::string message;
  /// One entry per step of the call chain.
  std::vector<DiagnosticRelatedInformation> relatedInformation;
  /// `{"suggestedModel": ..., "fixes": [...]}`.
  json data;
};
json toJSON(const Diagnostic &D);

struct PublishDiagnosticsParams {
  std::string uri;
  std::optional<int> version;
  std::vector<Diagnostic> diagnostics;
};
json toJSON(const PublishDiagnosticsParams &P);

struct CodeActionParams {
  TextDocumentIdentifier textDocument;
  Range range;
};
bool fromJSON(const json &Value, CodeActionParams &Out, JSONPath P);

struct CodeAction {
  std::string title;
  /// Always `quickfix`.
  std::string kind = "quickfix";
  std::vector<Diagnostic> diagnostics;
  /// The edits of the WorkspaceEdit, all in one document.
  std::string editUri;
  std::vector<TextEdit> edits;
  bool isPreferred = false;
};
json toJSON(const CodeAction &A);

struct InlayHintParams {
  TextDocumentIdentifier textDocument;
  Range range;
};
bool fromJSON(const json &Value, InlayHintParams &Out, JSONPath P);

struct InlayHint {
  Position position;
  std::string label;
  /// Shown when hovering the hint: the function's one-line summary.
  std::string tooltip;
};
json toJSON(const InlayHint &H);

/// `window/showMessage`: 1 error, 2 warning, 3 info.
struct ShowMessageParams {
  int type = 3;
  std::string message;
};
json toJSON(const ShowMessageParams &P);

} // namespace lsp
} // namespace boundwise

// NOLINTEND(readability-identifier-naming)

#endif
