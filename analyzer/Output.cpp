//===--- Output.cpp - Printing findings -----------------------------------===//
#include "analyzer/Output.h"
#include "analyzer/Diagnosis.h"
#include "analyzer/Rule.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include <nlohmann/json.hpp>

using namespace boundwise;
using nlohmann::json;

static void printLocated(llvm::raw_ostream &OS, const DiagLocation &Loc,
                         llvm::StringRef Level, llvm::StringRef Message) {
  OS << Loc.File << ":" << Loc.Line << ":" << Loc.Column << ": " << Level
     << ": " << Message << "\n";
  if (Loc.LineText.empty())
    return;
  std::string Number = std::to_string(Loc.Line);
  OS << llvm::right_justify(Number, 5) << " | " << Loc.LineText << "\n";
  // Tabs keep their width under the caret.
  std::string Padding;
  for (unsigned I = 0; I + 1 < Loc.Column && I < Loc.LineText.size(); ++I)
    Padding += Loc.LineText[I] == '\t' ? '\t' : ' ';
  OS << "      | " << Padding << "^\n";
}

void boundwise::printText(const std::vector<FileResult> &Results,
                          llvm::raw_ostream &OS) {
  for (const FileResult &Result : Results) {
    for (const Finding &F : Result.Findings) {
      bool IsError = F.Level == Severity::Error || F.AsError;
      std::string Message = F.Message + " [" + F.Rule +
                            (F.AsError ? ",-warnings-as-errors" : "") + "]";
      printLocated(OS, F.Loc, IsError ? "error" : "warning", Message);
      for (const FindingNote &Note : F.Notes)
        printLocated(OS, Note.Loc, "note", Note.Message);
    }
  }
}

static llvm::StringRef levelName(const Finding &F) {
  return F.Level == Severity::Error || F.AsError ? "error" : "warning";
}

static json locationJson(const DiagLocation &Loc) {
  return {{"file", Loc.File}, {"line", Loc.Line}, {"column", Loc.Column}};
}

void boundwise::printJson(const std::vector<FileResult> &Results,
                          llvm::raw_ostream &OS) {
  json Findings = json::array();
  json Failures = json::array();
  for (const FileResult &Result : Results) {
    if (!Result.FatalError.empty())
      Failures.push_back({{"file", Result.File}, {"message", Result.FatalError}});
    for (const Finding &F : Result.Findings) {
      json Entry = locationJson(F.Loc);
      Entry["rule"] = F.Rule;
      Entry["severity"] = levelName(F);
      Entry["message"] = F.Message;
      if (!F.SuggestedModel.empty())
        Entry["suggestedModel"] = F.SuggestedModel;
      json Notes = json::array();
      for (const FindingNote &Note : F.Notes) {
        json NoteEntry = locationJson(Note.Loc);
        NoteEntry["message"] = Note.Message;
        Notes.push_back(std::move(NoteEntry));
      }
      Entry["notes"] = std::move(Notes);
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

static json artifactLocation(llvm::StringRef File, llvm::StringRef Base) {
  llvm::SmallString<256> Absolute(File);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  llvm::StringRef Path = Absolute;
  if (!Base.empty() && Path.consume_front(Base) && Path.consume_front("/"))
    return {{"uri", encodeUriPath(Path)}, {"uriBaseId", "SRCROOT"}};
  if (llvm::sys::path::is_absolute(Absolute))
    return {{"uri", "file://" + encodeUriPath(Absolute)}};
  return {{"uri", encodeUriPath(Absolute)}, {"uriBaseId", "SRCROOT"}};
}

static json physicalLocation(const DiagLocation &Loc, llvm::StringRef Base) {
  json Region = {{"startLine", std::max(Loc.Line, 1u)}};
  if (Loc.Column > 0)
    Region["startColumn"] = Loc.Column;
  return {{"artifactLocation", artifactLocation(Loc.File, Base)},
          {"region", Region}};
}

/// Rule metadata for code scanning. No helpUri: the rule pages are files of
/// the sources (rules/docs/), which have no absolute URI of their own, and a
/// relative reference is not one GitHub resolves; the help text says what to
/// do and names the page instead.
static json sarifRules() {
  json Rules = json::array();
  for (const RuleInfo &Info : allRules())
    Rules.push_back({{"id", Info.Name.str()},
                     {"name", Info.Name.str()},
                     {"shortDescription", {{"text", Info.Summary.str()}}},
                     {"fullDescription", {{"text", Info.Description.str()}}},
                     {"help", {{"text", Info.Help.str()}}},
                     {"defaultConfiguration", {{"level", "warning"}}}});
  return Rules;
}

static int ruleIndex(llvm::StringRef Rule) {
  const std::vector<RuleInfo> &Rules = allRules();
  for (size_t I = 0; I < Rules.size(); ++I)
    if (Rules[I].Name == Rule)
      return static_cast<int>(I);
  return -1;
}

static json sarifResult(const Finding &F, llvm::StringRef Base) {
  json Result = {{"ruleId", F.Rule},
                 {"level", levelName(F)},
                 {"message", {{"text", F.Message}}},
                 {"locations",
                  json::array({{{"physicalLocation",
                                 physicalLocation(F.Loc, Base)}}})}};
  int Index = ruleIndex(F.Rule);
  if (Index >= 0)
    Result["ruleIndex"] = Index;
  if (!F.SuggestedModel.empty())
    Result["properties"] = {{"suggestedModel", F.SuggestedModel}};
  if (F.Notes.empty())
    return Result;
  json Related = json::array();
  json FlowLocations = json::array(
      {{{"location",
         {{"physicalLocation", physicalLocation(F.Loc, Base)},
          {"message", {{"text", F.Message}}}}}}});
  for (size_t I = 0; I < F.Notes.size(); ++I) {
    const FindingNote &Note = F.Notes[I];
    json Location = {{"physicalLocation", physicalLocation(Note.Loc, Base)},
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

void boundwise::printSarif(const std::vector<FileResult> &Results,
                           llvm::StringRef BaseDirectory,
                           llvm::raw_ostream &OS) {
  json SarifResults = json::array();
  for (const FileResult &Result : Results)
    for (const Finding &F : Result.Findings)
      SarifResults.push_back(sarifResult(F, BaseDirectory));
  json Run = {
      {"tool",
       {{"driver",
         {{"name", "boundwise"},
          {"version", BOUNDWISE_VERSION},
          {"rules", sarifRules()}}}}},
      {"originalUriBaseIds",
       {{"SRCROOT",
         {{"uri", "file://" + encodeUriPath(BaseDirectory) + "/"}}}}},
      {"results", SarifResults}};
  json Log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({Run})}};
  OS << Log.dump(2) << "\n";
}

static std::string where(const DiagLocation &Loc) {
  return Loc.File + ":" + std::to_string(Loc.Line) + ":" +
         std::to_string(Loc.Column);
}

void boundwise::printDiagnosisText(const std::vector<FileResult> &Results,
                                   llvm::raw_ostream &OS) {
  for (const FileResult &Result : Results) {
    for (const FunctionDiagnosis &F : Result.Functions) {
      OS << where(F.Loc) << ": '" << F.Name << "' is " << F.Summary << "\n";
      if (F.Kind == Verdict::Trivial)
        continue;
      for (size_t I = 0; I < F.Evidence.size(); ++I)
        OS << (I == 0 ? "  why:  " : "        ") << F.Evidence[I].Message
           << " (" << where(F.Evidence[I].Loc) << ")\n";
      if (!F.UsedWith.empty())
        OS << "  used: " << llvm::join(F.UsedWith, "; ") << "\n";
      OS << "  fits: " << F.Model << "\n";
    }
  }
}

void boundwise::printDiagnosisJson(const std::vector<FileResult> &Results,
                                   llvm::raw_ostream &OS) {
  json Functions = json::array();
  json Failures = json::array();
  for (const FileResult &Result : Results) {
    if (!Result.FatalError.empty())
      Failures.push_back({{"file", Result.File}, {"message", Result.FatalError}});
    for (const FunctionDiagnosis &F : Result.Functions) {
      json Entry = locationJson(F.Loc);
      Entry["name"] = F.Name;
      Entry["verdict"] = verdictName(F.Kind).str();
      Entry["waitsOn"] = F.WaitsOn;
      Entry["summary"] = F.Summary;
      Entry["usedWith"] = F.UsedWith;
      Entry["model"] = F.Model;
      json Evidence = json::array();
      for (const FindingNote &Note : F.Evidence) {
        json Step = locationJson(Note.Loc);
        Step["message"] = Note.Message;
        Evidence.push_back(std::move(Step));
      }
      Entry["evidence"] = std::move(Evidence);
      Functions.push_back(std::move(Entry));
    }
  }
  json Log = {{"functions", Functions}, {"failures", Failures}};
  OS << Log.dump(2) << "\n";
}
