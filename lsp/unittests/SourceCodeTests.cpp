//===--- SourceCodeTests.cpp - Positions in non-ASCII text ----------------===//
#include "lsp/SourceCode.h"

#include "gtest/gtest.h"

using namespace boundwise::lsp;

namespace {

// "é" is 2 UTF-8 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
const char *const Code = "int a;\n"
                         "/* é */ f(); // 😀 g();\n"
                         "last";

TEST(SourceCode, LengthCountsCodeUnits) {
  EXPECT_EQ(lspLength("aé😀", OffsetEncoding::UTF16), 4u);
  EXPECT_EQ(lspLength("aé😀", OffsetEncoding::UTF8), 7u);
}

TEST(SourceCode, InvalidUTF8CountsOneUnitPerByte) {
  EXPECT_EQ(lspLength("a\xff\xc3", OffsetEncoding::UTF16), 3u);
  EXPECT_EQ(lspLength("\xf0\x9f", OffsetEncoding::UTF16), 2u);
}

TEST(SourceCode, OffsetToPositionAfterNonASCII) {
  // `f` is byte 10 of line 1: "/* é */ " is 9 bytes, 8 UTF-16 units.
  size_t F = llvm::StringRef(Code).find('f');
  Position UTF16 = offsetToPosition(Code, F, OffsetEncoding::UTF16);
  EXPECT_EQ(UTF16.line, 1);
  EXPECT_EQ(UTF16.character, 8);
  EXPECT_EQ(offsetToPosition(Code, F, OffsetEncoding::UTF8).character, 9);
  size_t G = llvm::StringRef(Code).find('g');
  EXPECT_EQ(offsetToPosition(Code, G, OffsetEncoding::UTF16).character, 19);
  EXPECT_EQ(offsetToPosition(Code, G, OffsetEncoding::UTF8).character, 22);
}

TEST(SourceCode, PositionToOffsetRoundTrips) {
  for (OffsetEncoding Encoding : {OffsetEncoding::UTF16, OffsetEncoding::UTF8})
    for (char Name : {'f', 'g', 'l'}) {
      size_t Offset = llvm::StringRef(Code).find(Name);
      auto Back = positionToOffset(
          Code, offsetToPosition(Code, Offset, Encoding), Encoding);
      ASSERT_TRUE(bool(Back));
      EXPECT_EQ(*Back, Offset);
    }
}

TEST(SourceCode, PositionInsideASurrogatePairStopsBeforeIt) {
  // Character 17 of line 1 is the second half of 😀's surrogate pair.
  auto Offset = positionToOffset(Code, {1, 17}, OffsetEncoding::UTF16);
  ASSERT_TRUE(bool(Offset));
  EXPECT_EQ(llvm::StringRef(Code).substr(*Offset, 4), "😀");
}

TEST(SourceCode, CharacterPastLineEndClampsToTheEnd) {
  auto Offset = positionToOffset(Code, {0, 99}, OffsetEncoding::UTF16);
  ASSERT_TRUE(bool(Offset));
  EXPECT_EQ(*Offset, 6u);
}

TEST(SourceCode, LinePastTheEndIsAnError) {
  auto Offset = positionToOffset(Code, {7, 0}, OffsetEncoding::UTF16);
  EXPECT_FALSE(bool(Offset));
  llvm::consumeError(Offset.takeError());
  auto Negative = positionToOffset(Code, {-1, 0}, OffsetEncoding::UTF16);
  EXPECT_FALSE(bool(Negative));
  llvm::consumeError(Negative.takeError());
}

TEST(SourceCode, ClangColumnToPosition) {
  llvm::StringRef Line = lineOf(Code, 1);
  // Clang's column of `f` is byte 10, 1-based.
  Position P = columnToPosition(2, 10, Line, OffsetEncoding::UTF16);
  EXPECT_EQ(P.line, 1);
  EXPECT_EQ(P.character, 8);
  Range Name = identifierRange(2, 10, Line, OffsetEncoding::UTF16);
  EXPECT_EQ(Name.end.character, 9);
}

TEST(SourceCode, IncrementalChangeAfterNonASCII) {
  std::string Text = Code;
  TextDocumentContentChangeEvent Change;
  // Replace `f` (UTF-16 character 8 of line 1) by `sleep`.
  Change.range = Range{{1, 8}, {1, 9}};
  Change.text = "sleep";
  ASSERT_FALSE(bool(applyChange(Text, Change, OffsetEncoding::UTF16)));
  EXPECT_EQ(lineOf(Text, 1), "/* é */ sleep(); // 😀 g();");
}

TEST(SourceCode, ChangeEndingBeforeItStartsIsAnError) {
  std::string Text = Code;
  TextDocumentContentChangeEvent Change;
  Change.range = Range{{1, 5}, {1, 2}};
  llvm::Error Failed = applyChange(Text, Change, OffsetEncoding::UTF16);
  EXPECT_TRUE(bool(Failed));
  llvm::consumeError(std::move(Failed));
  EXPECT_EQ(Text, Code);
}

} // namespace
