//===--- GlobList.h - clang-tidy style glob lists ---------------*- C++ -*-===//
//
/// \file
/// `-*,blocking-in-async`: comma-separated globs, a leading `-` excludes,
/// and the last glob that matches a name decides, as in clang-tidy.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_GLOBLIST_H
#define BOUNDWISE_ANALYZER_GLOBLIST_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/GlobPattern.h"
#include <memory>
#include <string>
#include <vector>

namespace boundwise {

class GlobList {
public:
  explicit GlobList(llvm::StringRef Globs);
  bool contains(llvm::StringRef Name) const;
  /// The globs without wildcards, as written: these must name something.
  std::vector<std::string> literalNames() const;

private:
  struct Item {
    bool Positive = true;
    std::string Text;
    llvm::GlobPattern Pattern;
  };
  /// A GlobPattern points into the text it was made from: each item owns
  /// its text at a fixed address.
  std::vector<std::unique_ptr<Item>> Items;
};

} // namespace boundwise

#endif
