//===--- SourceCode.h - Positions in document text --------------*- C++ -*-===//
//
/// \file
/// The one place where LSP positions (line, character in UTF-16 or UTF-8 code
/// units) meet byte offsets and clang's 1-based byte columns, and where edits
/// are applied to documents. A byte that is not valid UTF-8 counts as one
/// code unit in either encoding, so that no input can make a position
/// undefined.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_LSP_SOURCECODE_H
#define BOUNDWISE_LSP_SOURCECODE_H

#include "lsp/Protocol.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace boundwise {
namespace lsp {

/// The number of \p Encoding code units in \p Text.
size_t lspLength(llvm::StringRef Text, OffsetEncoding Encoding);

/// The position of byte \p Offset of \p Code; an offset past the end is the
/// end.
Position offsetToPosition(llvm::StringRef Code, size_t Offset,
                          OffsetEncoding Encoding);

/// The byte offset of \p P in \p Code. A character past the end of its line
/// means the end of the line, as LSP says; a line past the end of the
/// document is an error.
llvm::Expected<size_t> positionToOffset(llvm::StringRef Code, Position P,
                                        OffsetEncoding Encoding);

/// The position of clang's 1-based line and byte column in a line whose text
/// is \p LineText.
Position columnToPosition(unsigned Line, unsigned ByteColumn,
                          llvm::StringRef LineText, OffsetEncoding Encoding);

/// The range of the identifier starting at the 1-based \p ByteColumn of
/// \p LineText (the name of a called function); one character when no
/// identifier starts there.
Range identifierRange(unsigned Line, unsigned ByteColumn,
                      llvm::StringRef LineText, OffsetEncoding Encoding);

/// The text of 0-based line \p Line of \p Code, without its line break.
llvm::StringRef lineOf(llvm::StringRef Code, unsigned Line);

/// Applies one didChange event to \p Contents: a whole new text, or the
/// replacement of a range.
llvm::Error applyChange(std::string &Contents,
                        const TextDocumentContentChangeEvent &Change,
                        OffsetEncoding Encoding);

} // namespace lsp
} // namespace boundwise

#endif
