//===--- NestingLimit.cpp - How deep untrusted YAML and JSON may nest -----===//
#include "analyzer/NestingLimit.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

using namespace boundwise;

static llvm::Error tooDeep(llvm::StringRef Name, unsigned Line,
                           unsigned Column) {
  return llvm::createStringError(
      (Name + ":" + llvm::Twine(Line) + ":" + llvm::Twine(Column) +
       ": nested deeper than " + llvm::Twine(MaxInputNesting) + " levels")
          .str());
}

namespace {
/// A collection being walked. LLVM's YAML parser reads an entry only when
/// the iterator reaches it, and skips (recursively) what the iterator
/// passes unread: so each entry is walked before the iterator moves on.
struct OpenCollection {
  explicit OpenCollection(llvm::yaml::Node *Collection)
      : Collection(Collection) {}
  enum class PairStep { Key, Value, Next };
  llvm::yaml::Node *Collection;
  bool Started = false;
  llvm::yaml::SequenceNode::iterator Item;
  llvm::yaml::MappingNode::iterator Pair;
  PairStep Step = PairStep::Key;
};
} // namespace

static bool isCollection(const llvm::yaml::Node *Node) {
  return llvm::isa<llvm::yaml::SequenceNode, llvm::yaml::MappingNode>(Node);
}

/// The next node to walk below \p Open, or null when all are walked.
static llvm::yaml::Node *nextChild(OpenCollection &Open) {
  if (auto *Sequence =
          llvm::dyn_cast<llvm::yaml::SequenceNode>(Open.Collection)) {
    if (!Open.Started)
      Open.Item = Sequence->begin();
    else
      ++Open.Item;
    Open.Started = true;
    return Open.Item == Sequence->end() ? nullptr : &*Open.Item;
  }
  auto *Mapping = llvm::cast<llvm::yaml::MappingNode>(Open.Collection);
  if (!Open.Started)
    Open.Pair = Mapping->begin();
  Open.Started = true;
  using Step = OpenCollection::PairStep;
  while (Open.Pair != Mapping->end()) {
    switch (Open.Step) {
    case Step::Key:
      Open.Step = Step::Value;
      if (llvm::yaml::Node *Key = Open.Pair->getKey())
        return Key;
      break;
    case Step::Value:
      Open.Step = Step::Next;
      if (llvm::yaml::Node *Value = Open.Pair->getValue())
        return Value;
      break;
    case Step::Next:
      Open.Step = Step::Key;
      ++Open.Pair;
      break;
    }
  }
  return nullptr;
}

llvm::Error boundwise::checkYAMLNesting(llvm::StringRef Text,
                                        llvm::StringRef Name) {
  llvm::SourceMgr Sources;
  // Malformed YAML is for its reader to report, in its own words.
  Sources.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  llvm::yaml::Stream Stream(Text, Sources);
  auto TooDeep = [&](llvm::yaml::Node *Node) {
    auto [Line, Column] =
        Sources.getLineAndColumn(Node->getSourceRange().Start);
    return tooDeep(Name, Line, Column);
  };
  for (llvm::yaml::Document &Document : Stream) {
    llvm::yaml::Node *Root = Document.getRoot();
    if (!Root || !isCollection(Root))
      continue;
    llvm::SmallVector<OpenCollection, 16> Open{OpenCollection(Root)};
    while (!Open.empty()) {
      llvm::yaml::Node *Child = nextChild(Open.back());
      if (!Child) {
        Open.pop_back();
        continue;
      }
      if (!isCollection(Child))
        continue;
      if (Open.size() == MaxInputNesting)
        return TooDeep(Child);
      Open.emplace_back(Child);
    }
  }
  return llvm::Error::success();
}

llvm::Error boundwise::checkJSONNesting(llvm::StringRef Text,
                                        llvm::StringRef Name) {
  unsigned Depth = 0, Line = 1;
  size_t LineStart = 0;
  bool InString = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '\n') {
      ++Line;
      LineStart = I + 1;
    }
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"') {
      InString = true;
    } else if (C == '[' || C == '{') {
      if (++Depth > MaxInputNesting)
        return tooDeep(Name, Line, I - LineStart + 1);
    } else if ((C == ']' || C == '}') && Depth > 0) {
      --Depth;
    }
  }
  return llvm::Error::success();
}
