//===--- NestingLimit.h - How deep untrusted YAML and JSON may nest -*- C++
//-*-===//
//
/// \file
/// LLVM's YAML reader and our JSON values recurse once per level of
/// nesting, so a document nested a few ten thousand levels deep (a project's
/// .boundwise.yaml, a catalog, a compile_commands.json, an editor's message)
/// would overflow the stack. Every such input is measured first, without
/// recursion, and one that nests deeper than any real one is an error that
/// names its line.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_NESTINGLIMIT_H
#define BOUNDWISE_ANALYZER_NESTINGLIMIT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace boundwise {

/// Far deeper than any configuration, catalog, database or LSP message
/// nests, and far shallower than what overflows a thread's stack.
constexpr unsigned MaxInputNesting = 256;

/// An error `name:line:column: nested deeper than 256 levels` if \p Text,
/// read as YAML, nests deeper than MaxInputNesting. Text that is not YAML
/// passes: its reader reports that.
llvm::Error checkYAMLNesting(llvm::StringRef Text, llvm::StringRef Name);

/// The same for \p Text read as JSON.
llvm::Error checkJSONNesting(llvm::StringRef Text, llvm::StringRef Name);

} // namespace boundwise

#endif
