//===--- Protocol.cpp - The LSP types boundwise uses ----------------------===//
#include "lsp/Protocol.h"

#include "llvm/Support/raw_ostream.h"

using namespace boundwise::lsp;

char LSPError::ID;

void LSPError::log(llvm::raw_ostream &OS) const {
  OS << Message << " (" << static_cast<int>(Code) << ")";
}

JSONPath JSONPath::field(llvm::StringRef Name) const {
  return JSONPath(Error, Where.empty() ? Name.str() : Where + "." + Name.str());
}

JSONPath JSONPath::index(size_t I) const {
  return JSONPath(Error, Where + "[" + std::to_string(I) + "]");
}

void JSONPath::report(llvm::StringRef Message) const {
  if (Error.empty())
    Error = (Message + " at " + (Where.empty() ? "(root)" : Where)).str();
}

bool boundwise::lsp::fromJSON(const json &Value, std::string &Out, JSONPath P) {
  if (!Value.is_string()) {
    P.report("expected a string");
    return false;
  }
  Out = Value.get<std::string>();
  return true;
}

bool boundwise::lsp::fromJSON(const json &Value, int &Out, JSONPath P) {
  // Versions and positions are non-negative and fit an int; anything else is
  // a malformed message, not a value to wrap around.
  if (!Value.is_number_integer() ||
      (Value.is_number_unsigned() &&
       Value.get<uint64_t>() > uint64_t(INT32_MAX)) ||
      (!Value.is_number_unsigned() && (Value.get<int64_t>() < INT32_MIN ||
                                       Value.get<int64_t>() > INT32_MAX))) {
    P.report("expected a 32-bit integer");
    return false;
  }
  Out = static_cast<int>(Value.get<int64_t>());
  return true;
}

bool boundwise::lsp::fromJSON(const json &Value, bool &Out, JSONPath P) {
  if (!Value.is_boolean()) {
    P.report("expected a boolean");
    return false;
  }
  Out = Value.get<bool>();
  return true;
}

bool boundwise::lsp::fromJSON(const json &Value, json &Out, JSONPath) {
  Out = Value;
  return true;
}

llvm::StringRef boundwise::lsp::encodingName(OffsetEncoding Encoding) {
  switch (Encoding) {
  case OffsetEncoding::UTF16:
    return "utf-16";
  case OffsetEncoding::UTF8:
    return "utf-8";
  }
  llvm_unreachable("unknown offset encoding");
}

bool boundwise::lsp::fromJSON(const json &Value, Position &Out, JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("line", Out.line) && O.map("character", Out.character);
}

/// A JSON array of the items, each by its toJSON.
template <typename T> static json toJSONArray(const std::vector<T> &Items) {
  json Array = json::array();
  for (const T &Item : Items)
    Array.push_back(toJSON(Item));
  return Array;
}

json boundwise::lsp::toJSON(const Position &P) {
  return {{"line", P.line}, {"character", P.character}};
}

bool boundwise::lsp::fromJSON(const json &Value, Range &Out, JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("start", Out.start) && O.map("end", Out.end);
}

json boundwise::lsp::toJSON(const Range &R) {
  return {{"start", toJSON(R.start)}, {"end", toJSON(R.end)}};
}

json boundwise::lsp::toJSON(const Location &L) {
  return {{"uri", L.uri}, {"range", toJSON(L.range)}};
}

json boundwise::lsp::toJSON(const TextEdit &E) {
  return {{"range", toJSON(E.range)}, {"newText", E.newText}};
}

bool boundwise::lsp::fromJSON(const json &Value, TextDocumentIdentifier &Out,
                              JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("uri", Out.uri);
}

bool boundwise::lsp::fromJSON(const json &Value,
                              VersionedTextDocumentIdentifier &Out,
                              JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("uri", Out.uri) && O.mapOptional("version", Out.version);
}

bool boundwise::lsp::fromJSON(const json &Value, TextDocumentItem &Out,
                              JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("uri", Out.uri) &&
         O.mapOptional("languageId", Out.languageId) &&
         O.map("version", Out.version) && O.map("text", Out.text);
}

/// Reads one setting; one of the wrong type is left unset and said in
/// \p Problems.
template <typename T>
static void readSetting(const json &Settings, const char *Name,
                        std::optional<T> &Out,
                        std::vector<std::string> &Problems) {
  auto It = Settings.find(Name);
  std::string Error;
  if (It == Settings.end() || fromJSON(*It, Out, JSONPath(Error).field(Name)))
    return;
  Out.reset();
  Problems.push_back("ignored the setting \"" + std::string(Name) +
                     "\": " + Error);
}

bool boundwise::lsp::fromJSON(const json &Value, ServerSettings &Out,
                              JSONPath P) {
  // Editors nest their settings under the server's name.
  auto Nested = Value.is_object() ? Value.find("boundwise") : Value.end();
  if (Value.is_object() && Nested != Value.end())
    return fromJSON(*Nested, Out, P.field("boundwise"));
  if (!Value.is_object()) {
    if (!Value.is_null())
      Out.problems.push_back("ignored the settings: expected an object");
    return true;
  }
  readSetting(Value, "fallbackFlags", Out.fallbackFlags, Out.problems);
  readSetting(Value, "compilationDatabasePath", Out.compilationDatabasePath,
              Out.problems);
  readSetting(Value, "inlayHints", Out.inlayHints, Out.problems);
  readSetting(Value, "checks", Out.checks, Out.problems);
  readSetting(Value, "jobs", Out.jobs, Out.problems);
  if (Out.jobs && *Out.jobs < 0) {
    Out.problems.push_back("ignored the setting \"jobs\": it must be 0 (the "
                           "number of cores) or more");
    Out.jobs.reset();
  }
  return true;
}

static bool offersUTF8(const json &Capabilities) {
  if (!Capabilities.is_object())
    return false;
  auto General = Capabilities.find("general");
  if (General == Capabilities.end() || !General->is_object())
    return false;
  auto Encodings = General->find("positionEncodings");
  if (Encodings == General->end() || !Encodings->is_array())
    return false;
  for (const json &Encoding : *Encodings)
    if (Encoding.is_string() && Encoding.get<std::string>() == "utf-8")
      return true;
  return false;
}

bool boundwise::lsp::fromJSON(const json &Value, InitializeParams &Out,
                              JSONPath P) {
  ObjectMapper O(Value, P);
  if (!O)
    return false;
  json Capabilities;
  if (!O.mapOptional("capabilities", Capabilities))
    return false;
  Out.clientSupportsUTF8 = offersUTF8(Capabilities);
  return O.mapOptional("initializationOptions", Out.initializationOptions);
}

bool boundwise::lsp::fromJSON(const json &Value, DidOpenTextDocumentParams &Out,
                              JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("textDocument", Out.textDocument);
}

bool boundwise::lsp::fromJSON(const json &Value,
                              TextDocumentContentChangeEvent &Out, JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.mapOptional("range", Out.range) && O.map("text", Out.text);
}

bool boundwise::lsp::fromJSON(const json &Value,
                              DidChangeTextDocumentParams &Out, JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("textDocument", Out.textDocument) &&
         O.map("contentChanges", Out.contentChanges);
}

bool boundwise::lsp::fromJSON(const json &Value, DidSaveTextDocumentParams &Out,
                              JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("textDocument", Out.textDocument);
}

bool boundwise::lsp::fromJSON(const json &Value,
                              DidCloseTextDocumentParams &Out, JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("textDocument", Out.textDocument);
}

bool boundwise::lsp::fromJSON(const json &Value,
                              DidChangeConfigurationParams &Out, JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.mapOptional("settings", Out.settings);
}

bool boundwise::lsp::fromJSON(const json &Value, FileEvent &Out, JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("uri", Out.uri) && O.map("type", Out.type);
}

bool boundwise::lsp::fromJSON(const json &Value,
                              DidChangeWatchedFilesParams &Out, JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("changes", Out.changes);
}

bool boundwise::lsp::fromJSON(const json &Value, CancelParams &Out,
                              JSONPath P) {
  ObjectMapper O(Value, P);
  if (!O || !O.map("id", Out.id))
    return false;
  if (Out.id.is_number_integer() || Out.id.is_string())
    return true;
  P.field("id").report("expected a number or a string");
  return false;
}

bool boundwise::lsp::fromJSON(const json &Value,
                              TextDocumentPositionParams &Out, JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("textDocument", Out.textDocument) &&
         O.map("position", Out.position);
}

json boundwise::lsp::toJSON(const Hover &H) {
  json Result = {
      {"contents", {{"kind", H.contents.kind}, {"value", H.contents.value}}}};
  if (H.range)
    Result["range"] = toJSON(*H.range);
  return Result;
}

json boundwise::lsp::toJSON(const Diagnostic &D) {
  json Result = {{"range", toJSON(D.range)},
                 {"severity", D.severity},
                 {"code", D.code},
                 {"source", D.source},
                 {"message", D.message}};
  if (!D.codeDescriptionHref.empty())
    Result["codeDescription"] = {{"href", D.codeDescriptionHref}};
  if (!D.relatedInformation.empty()) {
    json Related = json::array();
    for (const DiagnosticRelatedInformation &Info : D.relatedInformation)
      Related.push_back(
          {{"location", toJSON(Info.location)}, {"message", Info.message}});
    Result["relatedInformation"] = std::move(Related);
  }
  if (!D.data.is_null())
    Result["data"] = D.data;
  return Result;
}

json boundwise::lsp::toJSON(const PublishDiagnosticsParams &P) {
  json Diagnostics = toJSONArray(P.diagnostics);
  json Result = {{"uri", P.uri}, {"diagnostics", std::move(Diagnostics)}};
  if (P.version)
    Result["version"] = *P.version;
  return Result;
}

bool boundwise::lsp::fromJSON(const json &Value, CodeActionParams &Out,
                              JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("textDocument", Out.textDocument) &&
         O.map("range", Out.range);
}

json boundwise::lsp::toJSON(const CodeAction &A) {
  json Diagnostics = toJSONArray(A.diagnostics);
  json Edits = toJSONArray(A.edits);
  json Result = {{"title", A.title},
                 {"kind", A.kind},
                 {"diagnostics", std::move(Diagnostics)},
                 {"edit", {{"changes", {{A.editUri, std::move(Edits)}}}}}};
  if (A.isPreferred)
    Result["isPreferred"] = true;
  return Result;
}

bool boundwise::lsp::fromJSON(const json &Value, InlayHintParams &Out,
                              JSONPath P) {
  ObjectMapper O(Value, P);
  return O && O.map("textDocument", Out.textDocument) &&
         O.map("range", Out.range);
}

json boundwise::lsp::toJSON(const InlayHint &H) {
  return {{"position", toJSON(H.position)},
          {"label", H.label},
          {"tooltip", H.tooltip},
          {"paddingLeft", true}};
}

json boundwise::lsp::toJSON(const ShowMessageParams &P) {
  return {{"type", P.type}, {"message", P.message}};
}
