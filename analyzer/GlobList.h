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
#include <optional>
#include <string>
#include <vector>

namespace boundwise {

class GlobList {
public:
  explicit GlobList(llvm::StringRef Globs);
  bool contains(llvm::StringRef Name) const;
  /// The index of the glob that decides for \p Name (the last that matches
  /// it), among the globs that parsed; none when no glob matches.
  std::optional<size_t> decidingGlob(llvm::StringRef Name) const;
  size_t size() const { return Items.size(); }
  /// The globs without wildcards, as written: these must name something.
  std::vector<std::string> literalNames() const;
  /// The globs that did not compile, each with why; they match nothing.
  const std::vector<std::string> &malformed() const { return Malformed; }

private:
  struct Item {
    bool Positive = true;
    std::string Text;
    llvm::GlobPattern Pattern;
  };
  /// A GlobPattern points into the text it was made from: each item owns
  /// its text at a fixed address.
  std::vector<std::unique_ptr<Item>> Items;
  std::vector<std::string> Malformed;
};

} // namespace boundwise

#endif
