//===--- SummaryFile.cpp - Summaries written out and read back ------------===//
#include "analyzer/SummaryFile.h"

#include <nlohmann/json.hpp>

using namespace boundwise;
using nlohmann::json;

static constexpr llvm::StringLiteral Format = "boundwise-summaries";

static llvm::StringRef gilName(GilState Gil) {
  switch (Gil) {
  case GilState::Inherit:
    return "inherit";
  case GilState::Held:
    return "held";
  case GilState::Released:
    return "released";
  }
  llvm_unreachable("covered switch");
}

static std::optional<GilState> gilNamed(llvm::StringRef Name) {
  for (GilState Gil : {GilState::Inherit, GilState::Held, GilState::Released})
    if (gilName(Gil) == Name)
      return Gil;
  return std::nullopt;
}

static json pointJson(const SourcePoint &Point) {
  return {{"file", Point.File}, {"line", Point.Line}, {"column", Point.Column}};
}

static json stateJson(const PointState &State) {
  return {{"gil", gilName(State.Gil).str()},
          {"lock", State.Lock},
          {"forkChildOf", State.ForkChildOf}};
}

static json summaryJson(const FunctionSummary &Summary) {
  json Ops = json::array();
  for (const EffectOp &Op : Summary.Ops)
    Ops.push_back({{"category", categoryName(Op.Cat).str()},
                   {"api", Op.Api},
                   {"what", Op.What},
                   {"alternative", Op.Alternative},
                   {"loc", pointJson(Op.Loc)},
                   {"state", stateJson(Op.State)},
                   {"isLoop", Op.IsLoop}});
  json Calls = json::array();
  for (const CallEdge &Call : Summary.Calls) {
    json Constants = json::array();
    for (const auto &[Param, Value] : Call.ConstantArgs)
      Constants.push_back({Param, Value});
    Calls.push_back({{"callee", Call.CalleeUsr},
                     {"loc", pointJson(Call.Loc)},
                     {"state", stateJson(Call.State)},
                     {"constantArgs", Constants},
                     {"inLoop", Call.InLoop}});
  }
  json Loops = json::array();
  for (const ParamLoop &Loop : Summary.ParamLoops)
    Loops.push_back({{"param", Loop.Param},
                     {"factor", Loop.Factor},
                     {"loc", pointJson(Loop.Loc)}});
  return {{"usr", Summary.Usr},
          {"identity", Summary.Identity},
          {"name", Summary.Name},
          {"loc", pointJson(Summary.Loc)},
          {"ops", Ops},
          {"calls", Calls},
          {"paramLoops", Loops},
          {"execingForkChildren", Summary.ExecingForkChildren},
          {"overrides", Summary.Overrides}};
}

std::string boundwise::writeSummaries(const SummaryIndex &Index) {
  json Functions = json::array();
  for (const auto &[Usr, Summary] : Index.functions())
    Functions.push_back(summaryJson(Summary));
  json File = {{"format", Format.str()},
               {"version", SummaryFileVersion},
               {"sources", Index.sourceFiles()},
               {"functions", Functions}};
  return File.dump(1) + "\n";
}

namespace {
/// Reads fields of the file, checking each one's type; the first problem
/// found is kept, with where it is.
class Reader {
public:
  explicit Reader(llvm::StringRef Origin) : Origin(Origin) {}

  std::string string(const json &Object, const char *Key) {
    const json *Field = field(Object, Key, json::value_t::string);
    return Field ? Field->get<std::string>() : "";
  }

  uint64_t unsignedNumber(const json &Object, const char *Key) {
    const json *Field = field(Object, Key, json::value_t::number_unsigned);
    return Field ? Field->get<uint64_t>() : 0;
  }

  bool boolean(const json &Object, const char *Key) {
    const json *Field = field(Object, Key, json::value_t::boolean);
    return Field && Field->get<bool>();
  }

  const json &array(const json &Object, const char *Key) {
    const json *Field = field(Object, Key, json::value_t::array);
    return Field ? *Field : Empty;
  }

  SourcePoint point(const json &Object, const char *Key) {
    const json *Field = field(Object, Key, json::value_t::object);
    if (!Field)
      return {};
    return {string(*Field, "file"),
            static_cast<unsigned>(unsignedNumber(*Field, "line")),
            static_cast<unsigned>(unsignedNumber(*Field, "column"))};
  }

  PointState state(const json &Object) {
    const json *Field = field(Object, "state", json::value_t::object);
    if (!Field)
      return {};
    PointState State;
    std::optional<GilState> Gil = gilNamed(string(*Field, "gil"));
    if (!Gil)
      fail("an unknown GIL state");
    State.Gil = Gil.value_or(GilState::Inherit);
    State.Lock = string(*Field, "lock");
    State.ForkChildOf = string(*Field, "forkChildOf");
    return State;
  }

  void fail(llvm::StringRef Problem) {
    if (Problem.empty() || !Error.empty())
      return;
    Error = (Origin + ": " + Problem).str();
  }

  bool failed() const { return !Error.empty(); }
  llvm::Error error() const {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Error);
  }

private:
  const json *field(const json &Object, const char *Key, json::value_t Type) {
    if (!Object.is_object()) {
      fail("an entry that is not an object");
      return nullptr;
    }
    auto It = Object.find(Key);
    bool Matches =
        It != Object.end() &&
        (It->type() == Type || (Type == json::value_t::number_unsigned &&
                                It->is_number_integer() && *It >= 0));
    if (!Matches) {
      fail(("a missing or mistyped '" + llvm::Twine(Key) + "'").str());
      return nullptr;
    }
    return &*It;
  }

  llvm::StringRef Origin;
  std::string Error;
  const json Empty = json::array();
};
} // namespace

static EffectOp readOp(const json &Entry, Reader &Read) {
  EffectOp Op;
  std::optional<Category> Cat = categoryNamed(Read.string(Entry, "category"));
  if (!Cat)
    Read.fail("an unknown category");
  Op.Cat = Cat.value_or(Category::Wait);
  Op.Api = Read.string(Entry, "api");
  Op.What = Read.string(Entry, "what");
  auto Alternative =
      Entry.is_object() ? Entry.find("alternative") : Entry.end();
  if (Alternative == Entry.end() || !Alternative->is_object())
    Read.fail("a missing or mistyped 'alternative'");
  else
    for (const auto &[Library, Form] : Alternative->items())
      Op.Alternative[Library] = Read.string(*Alternative, Library.c_str());
  Op.Loc = Read.point(Entry, "loc");
  Op.State = Read.state(Entry);
  Op.IsLoop = Read.boolean(Entry, "isLoop");
  return Op;
}

static CallEdge readCall(const json &Entry, Reader &Read) {
  CallEdge Call;
  Call.CalleeUsr = Read.string(Entry, "callee");
  Call.Loc = Read.point(Entry, "loc");
  Call.State = Read.state(Entry);
  for (const json &Pair : Read.array(Entry, "constantArgs")) {
    if (!Pair.is_array() || Pair.size() != 2 || !Pair[0].is_number_unsigned() ||
        !Pair[1].is_number_integer()) {
      Read.fail("a constant argument that is not [parameter, value]");
      break;
    }
    Call.ConstantArgs.push_back(
        {Pair[0].get<unsigned>(), Pair[1].get<int64_t>()});
  }
  Call.InLoop = Read.boolean(Entry, "inLoop");
  return Call;
}

static void readSummary(const json &Entry, Reader &Read, SummaryIndex &Index) {
  std::string Usr = Read.string(Entry, "usr");
  if (Read.failed())
    return;
  FunctionSummary &Summary = Index.getOrCreate(Usr);
  Summary.Identity = Read.string(Entry, "identity");
  Summary.Name = Read.string(Entry, "name");
  Summary.Loc = Read.point(Entry, "loc");
  for (const json &Op : Read.array(Entry, "ops"))
    Summary.Ops.push_back(readOp(Op, Read));
  for (const json &Call : Read.array(Entry, "calls"))
    Summary.Calls.push_back(readCall(Call, Read));
  for (const json &Loop : Read.array(Entry, "paramLoops"))
    Summary.ParamLoops.push_back(
        {static_cast<unsigned>(Read.unsignedNumber(Loop, "param")),
         Read.unsignedNumber(Loop, "factor"), Read.point(Loop, "loc")});
  auto Overrides = Entry.find("overrides");
  if (Overrides == Entry.end() || !Overrides->is_object())
    Read.fail("a missing or mistyped 'overrides'");
  else
    for (const auto &[Base, Name] : Overrides->items())
      Summary.Overrides[Base] = Read.string(*Overrides, Base.c_str());
  for (const json &Fork : Read.array(Entry, "execingForkChildren")) {
    if (!Fork.is_string()) {
      Read.fail("a fork site that is not a string");
      break;
    }
    Summary.ExecingForkChildren.insert(Fork.get<std::string>());
  }
}

llvm::Expected<SummaryIndex> boundwise::readSummaries(llvm::StringRef Text,
                                                      llvm::StringRef Origin) {
  json File = json::parse(Text.begin(), Text.end(), nullptr,
                          /*allow_exceptions=*/false);
  Reader Read(Origin);
  auto Named = File.is_object() ? File.find("format") : File.end();
  if (File.is_discarded() || !File.is_object() || Named == File.end() ||
      !Named->is_string() || Named->get_ref<const std::string &>() != Format) {
    Read.fail("not a boundwise summaries file");
    return Read.error();
  }
  if (Read.unsignedNumber(File, "version") != SummaryFileVersion) {
    Read.fail("written by another version of boundwise (format version " +
              std::to_string(SummaryFileVersion) + " is read)");
    return Read.error();
  }
  SummaryIndex Index;
  for (const json &Source : Read.array(File, "sources")) {
    if (!Source.is_string()) {
      Read.fail("a source file that is not a string");
      break;
    }
    Index.addSourceFile(Source.get<std::string>());
  }
  for (const json &Entry : Read.array(File, "functions")) {
    readSummary(Entry, Read, Index);
    if (Read.failed())
      return Read.error();
  }
  if (Read.failed())
    return Read.error();
  return Index;
}
