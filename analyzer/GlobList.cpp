//===--- GlobList.cpp - clang-tidy style glob lists -----------------------===//
#include "analyzer/GlobList.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace boundwise;

GlobList::GlobList(llvm::StringRef Globs) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    bool Positive = !Part.consume_front("-");
    Part = Part.trim();
    if (Part.empty())
      continue;
    auto Entry = std::make_unique<Item>();
    Entry->Positive = Positive;
    Entry->Text = Part.str();
    auto Pattern = llvm::GlobPattern::create(Entry->Text);
    if (!Pattern) {
      Malformed.push_back("'" + Entry->Text +
                          "': " + llvm::toString(Pattern.takeError()));
      continue;
    }
    Entry->Pattern = std::move(*Pattern);
    Items.push_back(std::move(Entry));
  }
}

bool GlobList::contains(llvm::StringRef Name) const {
  std::optional<size_t> Deciding = decidingGlob(Name);
  return Deciding && Items[*Deciding]->Positive;
}

std::optional<size_t> GlobList::decidingGlob(llvm::StringRef Name) const {
  for (size_t I = Items.size(); I-- > 0;)
    if (Items[I]->Pattern.match(Name))
      return I;
  return std::nullopt;
}

std::vector<std::string> GlobList::literalNames() const {
  std::vector<std::string> Names;
  for (const auto &I : Items)
    if (I->Text.find_first_of("*?[") == std::string::npos)
      Names.push_back(I->Text);
  return Names;
}
