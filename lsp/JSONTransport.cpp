//===--- JSONTransport.cpp - JSON-RPC over a byte stream ------------------===//
//
// Reads from a C FILE* rather than an istream: clangd found that istreams
// break on EINTR (a debugger attaching), and fread can be retried.
//
//===----------------------------------------------------------------------===//
#include "lsp/Logger.h"
#include "lsp/Transport.h"

#include "analyzer/NestingLimit.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Errno.h"
#include <cerrno>

using namespace boundwise::lsp;

/// Larger messages are refused: fuzzers send lengths of gigabytes.
static constexpr size_t MaxMessageBytes = size_t(1) << 30;

namespace {

class JSONTransport : public Transport {
public:
  JSONTransport(std::FILE *In, llvm::raw_ostream &Out,
                llvm::raw_ostream *InMirror, bool Pretty, JSONStreamStyle Style)
      : In(In), Out(Out), InMirror(InMirror), Pretty(Pretty), Style(Style) {}

  void notify(llvm::StringRef Method, json Params) override {
    send({{"jsonrpc", "2.0"},
          {"method", Method.str()},
          {"params", std::move(Params)}});
  }

  void reply(json ID, llvm::Expected<json> Result) override {
    if (Result) {
      send({{"jsonrpc", "2.0"},
            {"id", std::move(ID)},
            {"result", std::move(*Result)}});
      return;
    }
    std::string Message;
    ErrorCode Code = ErrorCode::InternalError;
    llvm::handleAllErrors(
        Result.takeError(),
        [&](const LSPError &Error) {
          Message = Error.Message;
          Code = Error.Code;
        },
        [&](const llvm::ErrorInfoBase &Error) {
          Message = Error.message();
          Code = ErrorCode::InternalError;
        });
    send({{"jsonrpc", "2.0"},
          {"id", std::move(ID)},
          {"error", {{"code", static_cast<int>(Code)}, {"message", Message}}}});
  }

  llvm::Error loop(MessageHandler &Handler) override;

private:
  void send(const json &Message);
  bool handleMessage(const std::string &Text, MessageHandler &Handler);
  bool readLine(std::string &Line);
  bool readStandardMessage(std::string &Text);
  bool readDelimitedMessage(std::string &Text);
  bool readMessage(std::string &Text) {
    return Style == JSONStreamStyle::Delimited ? readDelimitedMessage(Text)
                                               : readStandardMessage(Text);
  }

  std::FILE *In;
  llvm::raw_ostream &Out;
  llvm::raw_ostream *InMirror;
  bool Pretty;
  JSONStreamStyle Style;
};

} // namespace

void JSONTransport::send(const json &Message) {
  // Strings from the client may hold invalid UTF-8; replace it rather than
  // let the serializer fail.
  std::string Text = Message.dump(Pretty ? 2 : -1, ' ', /*ensure_ascii=*/false,
                                  json::error_handler_t::replace);
  Out << "Content-Length: " << Text.size() << "\r\n\r\n" << Text;
  Out.flush();
  vlog(">>> " + Text);
}

/// Reads one line including its '\n'; false at the end of the input with
/// nothing read.
bool JSONTransport::readLine(std::string &Line) {
  Line.clear();
  char Buffer[1024];
  while (true) {
    errno = 0;
    if (!std::fgets(Buffer, sizeof(Buffer), In)) {
      if (errno == EINTR) {
        std::clearerr(In);
        continue;
      }
      return !Line.empty();
    }
    // fgets stops at a NUL byte as if at the line's end; count what it read.
    size_t Read = strnlen(Buffer, sizeof(Buffer) - 1);
    Line.append(Buffer, Read);
    if (InMirror)
      *InMirror << llvm::StringRef(Buffer, Read);
    if (!Line.empty() && Line.back() == '\n')
      return true;
    if (Read == 0)
      return true;
  }
}

/// Reads exactly \p Length bytes; false on a short read.
static bool readExactly(std::FILE *In, size_t Length, std::string &Text,
                        llvm::raw_ostream *InMirror) {
  Text.resize(Length);
  size_t Done = 0;
  while (Done < Length) {
    errno = 0;
    size_t Read = std::fread(&Text[Done], 1, Length - Done, In);
    if (Read == 0) {
      if (errno == EINTR) {
        std::clearerr(In);
        continue;
      }
      elog("input ended after " + llvm::Twine(Done) + " of " +
           llvm::Twine(Length) + " bytes of a message");
      return false;
    }
    Done += Read;
  }
  if (InMirror)
    *InMirror << Text;
  return true;
}

bool JSONTransport::readStandardMessage(std::string &Text) {
  // Headers end with an empty line; only Content-Length matters, and lines
  // starting with '#' are comments, which helps tests.
  std::optional<size_t> ContentLength;
  std::string Line;
  while (true) {
    if (!readLine(Line))
      return false;
    llvm::StringRef Header = llvm::StringRef(Line).rtrim("\r\n");
    if (Header.starts_with("#"))
      continue;
    if (Header.empty()) {
      // A blank line before any header is noise between messages.
      if (!ContentLength)
        continue;
      break;
    }
    llvm::StringRef Value;
    auto [Name, Rest] = Header.split(':');
    if (!Name.trim().equals_insensitive("content-length"))
      continue;
    Value = Rest.trim();
    size_t Length;
    if (Value.getAsInteger(10, Length)) {
      elog("bad Content-Length header: " + Header);
      ContentLength = 0;
      continue;
    }
    if (ContentLength && *ContentLength != Length)
      log("duplicate Content-Length header, using the last: " + Value);
    ContentLength = Length;
  }
  if (*ContentLength == 0) {
    elog("a message without a usable Content-Length; skipped");
    Text.clear();
    return true;
  }
  if (*ContentLength > MaxMessageBytes) {
    elog("refusing a message of " + llvm::Twine(*ContentLength) +
         " bytes (more than 1 GiB)");
    return false;
  }
  return readExactly(In, *ContentLength, Text, InMirror);
}

bool JSONTransport::readDelimitedMessage(std::string &Text) {
  Text.clear();
  std::string Line;
  bool ReadAny = false;
  while (readLine(Line)) {
    ReadAny = true;
    llvm::StringRef Trimmed = llvm::StringRef(Line).rtrim("\r\n");
    if (Trimmed.rtrim() == "---")
      return true;
    if (Trimmed.ltrim().starts_with("#"))
      continue;
    Text += Line;
    if (Text.size() > MaxMessageBytes) {
      elog("refusing a message of more than 1 GiB");
      return false;
    }
  }
  return ReadAny && !llvm::StringRef(Text).trim().empty();
}

bool JSONTransport::handleMessage(const std::string &Text,
                                  MessageHandler &Handler) {
  // Each level of a parsed value costs stack when it is copied or read.
  if (llvm::Error Err = boundwise::checkJSONNesting(Text, "message")) {
    std::string Why = llvm::toString(std::move(Err));
    elog(Why);
    reply(nullptr, llvm::make_error<LSPError>(Why, ErrorCode::InvalidRequest));
    return true;
  }
  json Message = json::parse(Text, nullptr, /*allow_exceptions=*/false);
  if (Message.is_discarded()) {
    elog("JSON parse error in a message of " + llvm::Twine(Text.size()) +
         " bytes");
    reply(nullptr,
          llvm::make_error<LSPError>("invalid JSON", ErrorCode::ParseError));
    return true;
  }
  if (!Message.is_object()) {
    reply(nullptr, llvm::make_error<LSPError>("a message must be an object",
                                              ErrorCode::InvalidRequest));
    return true;
  }
  json ID = nullptr;
  auto IDIt = Message.find("id");
  bool HasID = IDIt != Message.end();
  if (HasID) {
    ID = *IDIt;
    if (!ID.is_number_integer() && !ID.is_string()) {
      reply(nullptr,
            llvm::make_error<LSPError>("an id must be an integer or a string",
                                       ErrorCode::InvalidRequest));
      return true;
    }
  }
  json Params = nullptr;
  if (auto ParamsIt = Message.find("params"); ParamsIt != Message.end())
    Params = *ParamsIt;
  auto MethodIt = Message.find("method");
  if (MethodIt == Message.end()) {
    if (!HasID) {
      elog("a message with neither a method nor an id; ignored");
      return true;
    }
    if (auto Error = Message.find("error"); Error != Message.end()) {
      std::string What = Error->is_object() && Error->contains("message") &&
                                 (*Error)["message"].is_string()
                             ? (*Error)["message"].get<std::string>()
                             : "an error";
      return Handler.onReply(
          std::move(ID),
          llvm::make_error<LSPError>(What, ErrorCode::InternalError));
    }
    auto Result = Message.find("result");
    return Handler.onReply(
        std::move(ID), Result == Message.end() ? json(nullptr) : json(*Result));
  }
  if (!MethodIt->is_string()) {
    if (HasID)
      reply(std::move(ID),
            llvm::make_error<LSPError>("a method must be a string",
                                       ErrorCode::InvalidRequest));
    else
      elog("a notification whose method is not a string; ignored");
    return true;
  }
  std::string Method = MethodIt->get<std::string>();
  if (HasID)
    return Handler.onCall(Method, std::move(Params), std::move(ID));
  return Handler.onNotify(Method, std::move(Params));
}

llvm::Error JSONTransport::loop(MessageHandler &Handler) {
  std::string Text;
  while (true) {
    if (!readMessage(Text)) {
      if (std::ferror(In))
        return llvm::errorCodeToError(
            std::error_code(errno, std::generic_category()));
      return llvm::createStringError("input ended without an exit message");
    }
    if (InMirror)
      InMirror->flush();
    if (Text.empty())
      continue;
    vlog("<<< " + Text);
    if (!handleMessage(Text, Handler))
      return llvm::Error::success();
  }
}

std::unique_ptr<Transport>
boundwise::lsp::newJSONTransport(std::FILE *In, llvm::raw_ostream &Out,
                                 llvm::raw_ostream *InMirror, bool Pretty,
                                 JSONStreamStyle Style) {
  return std::make_unique<JSONTransport>(In, Out, InMirror, Pretty, Style);
}
