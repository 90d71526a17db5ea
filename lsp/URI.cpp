//===--- URI.cpp - Document URIs and file paths ---------------------------===//
#include "lsp/URI.h"
#include "lsp/Protocol.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

using namespace boundwise::lsp;

/// Decodes `%XX` escapes; fails on a truncated or non-hex escape.
static bool percentDecode(llvm::StringRef Text, std::string &Out) {
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] != '%') {
      Out += Text[I];
      continue;
    }
    if (I + 2 >= Text.size())
      return false;
    if (!llvm::isHexDigit(Text[I + 1]) || !llvm::isHexDigit(Text[I + 2]))
      return false;
    Out += static_cast<char>(llvm::hexFromNibbles(Text[I + 1], Text[I + 2]));
    I += 2;
  }
  return true;
}

static bool isUnreserved(char C) {
  return llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
         C == '/';
}

static std::string percentEncode(llvm::StringRef Path) {
  std::string Out;
  for (char C : Path) {
    if (isUnreserved(C)) {
      Out += C;
      continue;
    }
    Out += '%';
    Out += llvm::hexdigit(static_cast<unsigned char>(C) >> 4);
    Out += llvm::hexdigit(static_cast<unsigned char>(C) & 0xF);
  }
  return Out;
}

llvm::Expected<std::string> URIMapper::toPath(llvm::StringRef URI) const {
  auto Invalid = [&](llvm::StringRef Why) {
    return llvm::make_error<LSPError>(
        ("invalid document URI '" + URI + "': " + Why).str(),
        ErrorCode::InvalidParams);
  };
  if (!URI.contains(':'))
    return Invalid("no scheme");
  auto [Scheme, Rest] = URI.split(':');
  bool IsTest = Scheme == "test";
  if (Scheme != "file" && !(IsTest && AllowTestScheme))
    return Invalid("only file: URIs are supported");
  if (!Rest.consume_front("//"))
    return Invalid("expected '//' after the scheme");
  // The authority must be empty (or localhost): documents are local files.
  size_t Slash = Rest.find('/');
  if (Slash == llvm::StringRef::npos)
    return Invalid("no path");
  llvm::StringRef Authority = Rest.take_front(Slash);
  if (!Authority.empty() && Authority != "localhost")
    return Invalid("remote files are not supported");
  std::string Path;
  if (!percentDecode(Rest.drop_front(Slash), Path))
    return Invalid("bad percent-encoding");
  if (Path.find('\0') != std::string::npos)
    return Invalid("a NUL in the path");
  if (IsTest)
    Path = TestRoot + Path;
  llvm::SmallString<256> Normal(Path);
  llvm::sys::path::remove_dots(Normal, /*remove_dot_dot=*/true);
  return std::string(Normal);
}

std::string URIMapper::toURI(llvm::StringRef Path) const {
  llvm::StringRef Under = Path;
  if (AllowTestScheme && Under.consume_front(TestRoot) &&
      Under.starts_with("/"))
    return "test://" + percentEncode(Under);
  return "file://" + percentEncode(Path);
}
