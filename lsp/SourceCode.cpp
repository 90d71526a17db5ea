//===--- SourceCode.cpp - Positions in document text ----------------------===//
#include "lsp/SourceCode.h"

#include "llvm/ADT/StringExtras.h"

using namespace boundwise::lsp;

/// The length in bytes of the UTF-8 sequence starting at \p Text[0], or 1
/// when it is not a valid sequence.
static size_t sequenceLength(llvm::StringRef Text) {
  unsigned char Lead = Text[0];
  size_t Length = Lead < 0x80           ? 1
                  : (Lead >> 5) == 0x6  ? 2
                  : (Lead >> 4) == 0xE  ? 3
                  : (Lead >> 3) == 0x1E ? 4
                                        : 1;
  if (Length > Text.size())
    return 1;
  for (size_t I = 1; I < Length; ++I)
    if ((static_cast<unsigned char>(Text[I]) & 0xC0) != 0x80)
      return 1;
  return Length;
}

/// UTF-16 needs a surrogate pair for code points beyond the BMP, which are
/// exactly the 4-byte UTF-8 sequences.
static size_t unitsOf(size_t SequenceLength, OffsetEncoding Encoding) {
  if (Encoding == OffsetEncoding::UTF8)
    return SequenceLength;
  return SequenceLength == 4 ? 2 : 1;
}

size_t boundwise::lsp::lspLength(llvm::StringRef Text,
                                 OffsetEncoding Encoding) {
  size_t Units = 0;
  while (!Text.empty()) {
    size_t Length = sequenceLength(Text);
    Units += unitsOf(Length, Encoding);
    Text = Text.drop_front(Length);
  }
  return Units;
}

/// The byte length of the longest prefix of \p Line that spans at most
/// \p Units code units; a sequence is never split.
static size_t bytesForUnits(llvm::StringRef Line, size_t Units,
                            OffsetEncoding Encoding) {
  size_t Bytes = 0;
  while (Bytes < Line.size()) {
    size_t Length = sequenceLength(Line.drop_front(Bytes));
    size_t Needed = unitsOf(Length, Encoding);
    if (Needed > Units)
      break;
    Units -= Needed;
    Bytes += Length;
  }
  return Bytes;
}

Position boundwise::lsp::offsetToPosition(llvm::StringRef Code, size_t Offset,
                                          OffsetEncoding Encoding) {
  Offset = std::min(Offset, Code.size());
  llvm::StringRef Before = Code.take_front(Offset);
  size_t LineStart = Before.rfind('\n');
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  Position P;
  P.line = static_cast<int>(Before.count('\n'));
  P.character =
      static_cast<int>(lspLength(Before.drop_front(LineStart), Encoding));
  return P;
}

llvm::Expected<size_t>
boundwise::lsp::positionToOffset(llvm::StringRef Code, Position P,
                                 OffsetEncoding Encoding) {
  if (P.line < 0 || P.character < 0)
    return llvm::make_error<LSPError>("negative position",
                                      ErrorCode::InvalidParams);
  size_t LineStart = 0;
  for (int Line = 0; Line < P.line; ++Line) {
    size_t NewLine = Code.find('\n', LineStart);
    if (NewLine == llvm::StringRef::npos)
      return llvm::make_error<LSPError>("line " + std::to_string(P.line) +
                                            " is past the end of the document",
                                        ErrorCode::InvalidParams);
    LineStart = NewLine + 1;
  }
  llvm::StringRef Line =
      Code.drop_front(LineStart).take_until([](char C) { return C == '\n'; });
  return LineStart + bytesForUnits(Line, P.character, Encoding);
}

Position boundwise::lsp::columnToPosition(unsigned Line, unsigned ByteColumn,
                                          llvm::StringRef LineText,
                                          OffsetEncoding Encoding) {
  Position P;
  P.line = Line ? static_cast<int>(Line) - 1 : 0;
  size_t Bytes = ByteColumn ? ByteColumn - 1 : 0;
  P.character =
      static_cast<int>(lspLength(LineText.take_front(Bytes), Encoding));
  // A column past the known text (a line we could not read) stays a column.
  if (Bytes > LineText.size())
    P.character += static_cast<int>(Bytes - LineText.size());
  return P;
}

static bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

Range boundwise::lsp::identifierRange(unsigned Line, unsigned ByteColumn,
                                      llvm::StringRef LineText,
                                      OffsetEncoding Encoding) {
  Range R;
  R.start = columnToPosition(Line, ByteColumn, LineText, Encoding);
  size_t Start = ByteColumn ? ByteColumn - 1 : 0;
  llvm::StringRef Rest = LineText.drop_front(std::min(Start, LineText.size()));
  size_t Length = Rest.take_while(isIdentifierChar).size();
  R.end = R.start;
  R.end.character += Length ? static_cast<int>(Length) : 1;
  return R;
}

llvm::StringRef boundwise::lsp::lineOf(llvm::StringRef Code, unsigned Line) {
  for (unsigned I = 0; I < Line; ++I) {
    size_t NewLine = Code.find('\n');
    if (NewLine == llvm::StringRef::npos)
      return {};
    Code = Code.drop_front(NewLine + 1);
  }
  return Code.take_until([](char C) { return C == '\n'; }).rtrim('\r');
}

llvm::Error
boundwise::lsp::applyChange(std::string &Contents,
                            const TextDocumentContentChangeEvent &Change,
                            OffsetEncoding Encoding) {
  if (!Change.range) {
    Contents = Change.text;
    return llvm::Error::success();
  }
  auto Start = positionToOffset(Contents, Change.range->start, Encoding);
  if (!Start)
    return Start.takeError();
  auto End = positionToOffset(Contents, Change.range->end, Encoding);
  if (!End)
    return End.takeError();
  if (*End < *Start)
    return llvm::make_error<LSPError>("change range ends before it starts",
                                      ErrorCode::InvalidParams);
  Contents.replace(*Start, *End - *Start, Change.text);
  return llvm::Error::success();
}
