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

// Spelled in two parts, so that this file has no region markers of its own
// for clang-tidy to match.
static constexpr llvm::StringLiteral RegionBegin = "NOLINT"
                                                   "BEGIN";
static constexpr llvm::StringLiteral RegionEnd = "NOLINT"
                                                 "END";

NolintRegions::NolintRegions(llvm::StringRef FileText) {
  // Most files have no regions: one search says so.
  if (!FileText.contains(RegionBegin))
    return;
  unsigned Line = 1;
  while (!FileText.empty()) {
    auto [Text, Rest] = FileText.split('\n');
    if (Text.contains(RegionBegin) || Text.contains(RegionEnd))
      Markers.push_back({Line, Text});
    FileText = Rest;
    ++Line;
  }
}

bool NolintRegions::covers(unsigned Line, llvm::StringRef Rule) const {
  int Depth = 0;
  for (const MarkerLine &Marker : Markers) {
    if (Marker.Line >= Line)
      break;
    if (markerCovers(Marker.Text, RegionBegin, Rule))
      ++Depth;
    if (markerCovers(Marker.Text, RegionEnd, Rule) && Depth > 0)
      --Depth;
  }
  return Depth > 0;
}

bool boundwise::isSuppressed(
    llvm::function_ref<llvm::StringRef(unsigned)> LineAt, unsigned Line,
    llvm::StringRef Rule, const NolintRegions &Regions) {
  if (markerCovers(LineAt(Line), "NOLINT", Rule))
    return true;
  if (Line > 1 && markerCovers(LineAt(Line - 1), "NOLINTNEXTLINE", Rule))
    return true;
  return Regions.covers(Line, Rule);
}
