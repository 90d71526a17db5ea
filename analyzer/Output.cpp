//===--- Output.cpp - Printing findings -----------------------------------===//
#include "analyzer/Output.h"
#include "analyzer/Diagnosis.h"
#include "analyzer/Rule.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <nlohmann/json.hpp>

using namespace boundwise;
using nlohmann::json;

enum class TextLevel { Warning, Error, Note };

/// Blanks up to \p Column of \p Loc's line; tabs keep their width.
static std::string paddingTo(const DiagLocation &Loc, unsigned Column) {
  std::string Padding;
  for (unsigned I = 0; I + 1 < Column && I < Loc.LineText.size(); ++I)
    Padding += Loc.LineText[I] == '\t' ? '\t' : ' ';
  return Padding;
}

/// clang's colours: the level's own, the rest bold; nothing is printed for
/// them where \p OS has colours off (a file, a pipe, --use-color=false).
static void printLocated(llvm::raw_ostream &OS, const DiagLocation &Loc,
                         TextLevel Level, llvm::StringRef Message) {
  OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true)
      << Loc.File << ":" << Loc.Line << ":" << Loc.Column << ": ";
  switch (Level) {
  case TextLevel::Warning:
    OS.changeColor(llvm::raw_ostream::MAGENTA, true) << "warning: ";
    break;
  case TextLevel::Error:
    OS.changeColor(llvm::raw_ostream::RED, true) << "error: ";
    break;
  case TextLevel::Note:
    OS.changeColor(llvm::raw_ostream::BLACK, true) << "note: ";
    break;
  }
  OS.resetColor();
  OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true) << Message;
  OS.resetColor() << "\n";
  if (Loc.LineText.empty())
    return;
  std::string Number = std::to_string(Loc.Line);
  OS << llvm::right_justify(Number, 5) << " | " << Loc.LineText << "\n";
  OS << "      | " << paddingTo(Loc, Loc.Column);
  OS.changeColor(llvm::raw_ostream::GREEN, true) << "^";
  OS.resetColor() << "\n";
}

/// A finding's fix-its, as clang shows them: an edit on the warning's line
/// under its caret line, at its column; an edit elsewhere as a note there.
static void printFixIts(llvm::raw_ostream &OS, const Finding &F) {
  for (const FixIt &Fix : F.Fixes)
    for (const Replacement &Edit : Fix.Edits) {
      if (Edit.File == F.Loc.File && Edit.Line == F.Loc.Line &&
          !F.Loc.LineText.empty()) {
        OS << "      | " << paddingTo(F.Loc, Edit.Column);
        OS.changeColor(llvm::raw_ostream::GREEN) << Edit.Text;
        OS.resetColor() << "\n";
        continue;
      }
      printLocated(OS, {Edit.File, Edit.Line, Edit.Column, ""}, TextLevel::Note,
                   Fix.Description +
                       (Edit.Length ? ": replace with '" : ": insert '") +
                       Edit.Text + "'");
    }
}

void boundwise::printText(const std::vector<FileResult> &Results,
                          llvm::raw_ostream &OS) {
  for (const FileResult &Result : Results) {
    for (const Finding &F : Result.Findings) {
      bool IsError = F.Level == Severity::Error || F.AsError;
      std::string Message = F.Message + " [" + F.Rule +
                            (F.AsError ? ",-warnings-as-errors" : "") + "]";
      printLocated(OS, F.Loc, IsError ? TextLevel::Error : TextLevel::Warning,
                   Message);
      printFixIts(OS, F);
      for (const FindingNote &Note : F.Notes)
        printLocated(OS, Note.Loc, TextLevel::Note, Note.Message);
    }
  }
}

static llvm::StringRef levelName(const Finding &F) {
  return F.Level == Severity::Error || F.AsError ? "error" : "warning";
}

static json locationJson(const DiagLocation &Loc) {
  return {{"file", Loc.File}, {"line", Loc.Line}, {"column", Loc.Column}};
}

/// Notes as JSON: each one's location and message.
static json notesJson(const std::vector<FindingNote> &Notes) {
  json Entries = json::array();
  for (const FindingNote &Note : Notes) {
    json Entry = locationJson(Note.Loc);
    Entry["message"] = Note.Message;
    Entries.push_back(std::move(Entry));
  }
  return Entries;
}

void boundwise::printJson(const std::vector<FileResult> &Results,
                          llvm::raw_ostream &OS) {
  json Findings = json::array();
  json Failures = json::array();
  for (const FileResult &Result : Results) {
    if (!Result.FatalError.empty())
      Failures.push_back(
          {{"file", Result.File}, {"message", Result.FatalError}});
    for (const Finding &F : Result.Findings) {
      json Entry = locationJson(F.Loc);
      Entry["rule"] = F.Rule;
      Entry["severity"] = levelName(F);
      Entry["message"] = F.Message;
      if (F.SuggestedModel != ConcurrencyModel::None)
        Entry["suggestedModel"] = modelName(F.SuggestedModel).str();
      Entry["notes"] = notesJson(F.Notes);
      Findings.push_back(std::move(Entry));
    }
  }
  json Log = {{"findings", Findings}, {"failures", Failures}};
  OS << Log.dump(2) << "\n";
}

/// Percent-encodes a path for a URI, keeping `/` and unreserved bytes.
static std::string encodeUriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C)) {
      Out += C;
      continue;
    }
    Out += '%';
    Out += llvm::hexdigit(C >> 4, /*LowerCase=*/false);
    Out += llvm::hexdigit(C & 15, /*LowerCase=*/false);
  }
  return Out;
}

/// Where SARIF locations are: the findings' files, absolute, relative to
/// SRCROOT where they are under it.
struct SarifPlace {
  llvm::StringRef Base;
  /// The compile command's directory, which relative paths are relative to.
  llvm::StringRef Directory;
};

BasedPath boundwise::pathUnderBase(llvm::StringRef File,
                                   llvm::StringRef Directory,
                                   llvm::StringRef Base) {
  llvm::SmallString<256> Absolute(File);
  if (!Directory.empty())
    llvm::sys::path::make_absolute(Directory, Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  llvm::StringRef Path = Absolute;
  if (!Base.empty() && Path.consume_front(Base) && Path.consume_front("/"))
    return {Path.str(), true};
  return {std::string(Absolute), false};
}

static json artifactLocation(llvm::StringRef File, const SarifPlace &Place) {
  BasedPath Based = pathUnderBase(File, Place.Directory, Place.Base);
  if (!Based.UnderBase && llvm::sys::path::is_absolute(Based.Path))
    return {{"uri", "file://" + encodeUriPath(Based.Path)}};
  return {{"uri", encodeUriPath(Based.Path)}, {"uriBaseId", "SRCROOT"}};
}

/// The column after the identifier at \p Loc (code scanning underlines the
/// name), or after its first character when none starts there.
static unsigned endColumnOf(const DiagLocation &Loc) {
  size_t Start = Loc.Column - 1, End = Start;
  while (End < Loc.LineText.size() &&
         (llvm::isAlnum(Loc.LineText[End]) || Loc.LineText[End] == '_'))
    ++End;
  return static_cast<unsigned>(std::max(End, Start + 1)) + 1;
}

static json physicalLocation(const DiagLocation &Loc, const SarifPlace &Place) {
  json Region = {{"startLine", std::max(Loc.Line, 1u)}};
  if (Loc.Column > 0) {
    Region["startColumn"] = Loc.Column;
    Region["endLine"] = std::max(Loc.Line, 1u);
    Region["endColumn"] = endColumnOf(Loc);
  }
  return {{"artifactLocation", artifactLocation(Loc.File, Place)},
          {"region", Region}};
}

/// Rule metadata for code scanning. No helpUri: the rule pages are files of
/// the sources (rules/docs/), which have no absolute URI of their own, and a
/// relative reference is not one GitHub resolves; the help text says what to
/// do and names the page instead.
static json
sarifRules(llvm::function_ref<std::string(llvm::StringRef)> RulePage) {
  json Rules = json::array();
  for (const RuleInfo &Info : allRules()) {
    json Help = {{"text", Info.Help.str()}};
    std::string Page = RulePage(Info.Name);
    if (!Page.empty())
      Help["markdown"] = std::move(Page);
    Rules.push_back({{"id", Info.Name.str()},
                     {"name", Info.Name.str()},
                     {"shortDescription", {{"text", Info.Summary.str()}}},
                     {"fullDescription", {{"text", Info.Description.str()}}},
                     {"help", std::move(Help)},
                     {"defaultConfiguration", {{"level", "warning"}}}});
  }
  return Rules;
}

static int ruleIndex(llvm::StringRef Rule) {
  const std::vector<RuleInfo> &Rules = allRules();
  for (size_t I = 0; I < Rules.size(); ++I)
    if (Rules[I].Name == Rule)
      return static_cast<int>(I);
  return -1;
}

/// What identifies a finding across runs, as code scanning matches them:
/// its rule, file and message (which names the functions), not its line,
/// so that a finding stays the same alert when code above it moves.
static std::string fingerprintOf(const Finding &F, const json &Artifact) {
  std::string Key =
      F.Rule + "\n" + Artifact.value("uri", "") + "\n" + F.Message;
  return llvm::utohexstr(llvm::xxh3_64bits(Key), /*LowerCase=*/true);
}

static json sarifResult(const Finding &F, const SarifPlace &Place) {
  json Primary = physicalLocation(F.Loc, Place);
  std::string Fingerprint = fingerprintOf(F, Primary["artifactLocation"]);
  json Result = {{"ruleId", F.Rule},
                 {"level", levelName(F)},
                 {"message", {{"text", F.Message}}},
                 {"locations", json::array({{{"physicalLocation", Primary}}})},
                 {"partialFingerprints", {{"boundwise/v1", Fingerprint}}}};
  int Index = ruleIndex(F.Rule);
  if (Index >= 0)
    Result["ruleIndex"] = Index;
  if (F.SuggestedModel != ConcurrencyModel::None)
    Result["properties"] = {
        {"suggestedModel", modelName(F.SuggestedModel).str()}};
  if (F.Notes.empty())
    return Result;
  json Related = json::array();
  json FlowLocations = json::array({{{"location",
                                      {{"physicalLocation", Primary},
                                       {"message", {{"text", F.Message}}}}}}});
  for (size_t I = 0; I < F.Notes.size(); ++I) {
    const FindingNote &Note = F.Notes[I];
    json Location = {{"physicalLocation", physicalLocation(Note.Loc, Place)},
                     {"message", {{"text", Note.Message}}}};
    FlowLocations.push_back({{"location", Location}});
    Location["id"] = I + 1;
    Related.push_back(std::move(Location));
  }
  Result["relatedLocations"] = std::move(Related);
  Result["codeFlows"] = json::array(
      {{{"threadFlows", json::array({{{"locations", FlowLocations}}})}}});
  return Result;
}

static bool isCompilerError(const Finding &F) {
  return llvm::StringRef(F.Rule).starts_with("clang-diagnostic-");
}

/// A compiler error, or a file that could not be analysed, as code
/// scanning shows tool problems: not a result of a rule.
static json notification(llvm::StringRef Message, const json &Location) {
  json Notification = {{"level", "error"}, {"message", {{"text", Message}}}};
  if (!Location.is_null())
    Notification["locations"] = json::array({Location});
  return Notification;
}

void boundwise::printSarif(
    const std::vector<FileResult> &Results, llvm::StringRef BaseDirectory,
    llvm::function_ref<std::string(llvm::StringRef Rule)> RulePage,
    llvm::raw_ostream &OS) {
  json SarifResults = json::array();
  json Notifications = json::array();
  for (const FileResult &Result : Results) {
    SarifPlace Place{BaseDirectory, Result.Directory};
    if (!Result.FatalError.empty())
      Notifications.push_back(notification(
          Result.FatalError,
          {{"physicalLocation",
            {{"artifactLocation", artifactLocation(Result.File, Place)}}}}));
    for (const Finding &F : Result.Findings) {
      if (isCompilerError(F))
        Notifications.push_back(notification(
            F.Message, {{"physicalLocation", physicalLocation(F.Loc, Place)}}));
      else
        SarifResults.push_back(sarifResult(F, Place));
    }
  }
  json Invocation = {{"executionSuccessful", Notifications.empty()},
                     {"toolExecutionNotifications", std::move(Notifications)}};
  json Run = {{"tool",
               {{"driver",
                 {{"name", "boundwise"},
                  {"version", BOUNDWISE_VERSION},
                  {"semanticVersion", BOUNDWISE_VERSION},
                  {"rules", sarifRules(RulePage)}}}}},
              {"invocations", json::array({std::move(Invocation)})},
              {"originalUriBaseIds",
               {{"SRCROOT",
                 {{"uri", "file://" + encodeUriPath(BaseDirectory) + "/"}}}}},
              {"results", SarifResults}};
  json Log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({Run})}};
  OS << Log.dump(2) << "\n";
}

/// Pads \p Cells to the widths of their columns, two spaces apart.
static void printTable(const std::vector<std::vector<std::string>> &Rows,
                       llvm::raw_ostream &OS) {
  std::vector<size_t> Widths;
  for (const auto &Row : Rows)
    for (size_t I = 0; I < Row.size(); ++I) {
      Widths.resize(std::max(Widths.size(), Row.size()));
      Widths[I] = std::max(Widths[I], Row[I].size());
    }
  for (const auto &Row : Rows) {
    std::string Line;
    for (size_t I = 0; I < Row.size(); ++I)
      Line += Row[I] + (I + 1 < Row.size()
                            ? std::string(Widths[I] - Row[I].size() + 2, ' ')
                            : "");
    OS << Line << "\n";
  }
}

void boundwise::printDiagnosisText(const std::vector<FileResult> &Results,
                                   llvm::StringRef BaseDirectory,
                                   llvm::raw_ostream &OS) {
  auto Where = [&](const DiagLocation &Loc, const FileResult &Result) {
    return pathUnderBase(Loc.File, Result.Directory, BaseDirectory).Path + ":" +
           std::to_string(Loc.Line) + ":" + std::to_string(Loc.Column);
  };
  std::vector<std::vector<std::string>> Table = {
      {"function", "verdict", "runs on", "fits", "now"}};
  for (const FileResult &Result : Results) {
    for (const FunctionDiagnosis &F : Result.Functions) {
      std::string Status = fitStatus(F, Result);
      Table.push_back(
          {F.Name, verdictName(F.Kind).str(),
           F.RunsOn.empty() ? "unknown" : llvm::join(F.RunsOn, ", "),
           F.ModelKind == ConcurrencyModel::None ? "any"
                                                 : modelName(F.ModelKind).str(),
           Status});
      OS << Where(F.Loc, Result) << ": '" << F.Name << "' is " << F.Summary
         << "\n";
      if (F.Kind == Verdict::Trivial)
        continue;
      for (size_t I = 0; I < F.Evidence.size(); ++I)
        OS << (I == 0 ? "  why:  " : "        ") << F.Evidence[I].Message
           << " (" << Where(F.Evidence[I].Loc, Result) << ")\n";
      if (!F.UsedWith.empty())
        OS << "  used: " << llvm::join(F.UsedWith, "; ") << "\n";
      OS << "  fits: " << F.Model << "\n";
      OS << "  now:  " << Status << "\n";
    }
  }
  if (Table.size() > 1) {
    OS << "\n";
    printTable(Table, OS);
  }
}

void boundwise::printDiagnosisJson(const std::vector<FileResult> &Results,
                                   llvm::raw_ostream &OS) {
  json Functions = json::array();
  json Failures = json::array();
  for (const FileResult &Result : Results) {
    if (!Result.FatalError.empty())
      Failures.push_back(
          {{"file", Result.File}, {"message", Result.FatalError}});
    for (const FunctionDiagnosis &F : Result.Functions) {
      json Entry = locationJson(F.Loc);
      Entry["name"] = F.Name;
      Entry["verdict"] = verdictName(F.Kind).str();
      Entry["waitsOn"] = F.WaitsOn;
      Entry["summary"] = F.Summary;
      Entry["usedWith"] = F.UsedWith;
      Entry["model"] = F.Model;
      Entry["modelName"] = modelName(F.ModelKind).str();
      Entry["runsOn"] = F.RunsOn;
      Entry["fit"] = fitStatus(F, Result);
      Entry["evidence"] = notesJson(F.Evidence);
      Functions.push_back(std::move(Entry));
    }
  }
  json Log = {{"functions", Functions}, {"failures", Failures}};
  OS << Log.dump(2) << "\n";
}
