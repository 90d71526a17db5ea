//===--- Suppression.cpp - NOLINT comments --------------------------------===//
#include "analyzer/Suppression.h"
#include "analyzer/GlobList.h"

using namespace boundwise;

/// Whether \p Text holds the marker \p Marker (`NOLINT`, `NOLINTNEXTLINE`)
/// covering \p Rule: bare, or with a rule list in parentheses.
static bool markerCovers(llvm::StringRef Text, llvm::StringRef Marker,
                         llvm::StringRef Rule) {
  size_t Pos = 0;
  while ((Pos = Text.find(Marker, Pos)) != llvm::StringRef::npos) {
    llvm::StringRef Rest = Text.substr(Pos + Marker.size());
    Pos += Marker.size();
    // `NOLINT` is a prefix of `NOLINTNEXTLINE`: only a whole word counts.
    if (!Rest.empty() && (isalnum(Rest[0]) || Rest[0] == '_'))
      continue;
    if (!Rest.consume_front("("))
      return true;
    size_t Close = Rest.find(')');
    if (Close == llvm::StringRef::npos)
      return true;
    if (GlobList(Rest.take_front(Close)).contains(Rule))
      return true;
  }
  return false;
}

bool boundwise::isSuppressed(
    llvm::function_ref<llvm::StringRef(unsigned)> LineAt, unsigned Line,
    llvm::StringRef Rule, bool HasRegions) {
  if (markerCovers(LineAt(Line), "NOLINT", Rule))
    return true;
  if (Line > 1 && markerCovers(LineAt(Line - 1), "NOLINTNEXTLINE", Rule))
    return true;
  if (!HasRegions)
    return false;
  // Inside a NOLINTBEGIN region that has not ended before this line.
  int Depth = 0;
  for (unsigned L = 1; L < Line; ++L) {
    llvm::StringRef Text = LineAt(L);
    if (Text.contains("NOLINTBEGIN") && markerCovers(Text, "NOLINTBEGIN", Rule))
      ++Depth;
    if (Text.contains("NOLINTEND") && markerCovers(Text, "NOLINTEND", Rule) &&
        Depth > 0)
      --Depth;
  }
  return Depth > 0;
}
