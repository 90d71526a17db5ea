//===--- HtmlReport.cpp - One self-contained HTML page per run ------------===//
#include "analyzer/HtmlReport.h"
#include "analyzer/Diagnosis.h"
#include "analyzer/Output.h"

#include "llvm/ADT/StringExtras.h"
#include <map>
#include <set>

using namespace boundwise;

namespace {

/// Text made safe inside HTML elements and attribute values.
std::string escape(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

constexpr llvm::StringLiteral Style = R"(
body { font: 14px system-ui, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
.summary td, .summary th, table.diagnosis td, table.diagnosis th {
  padding: .2em .8em; text-align: left; border-bottom: 1px solid #ddd; }
.finding { border: 1px solid #ccc; border-radius: 6px; margin: 1em 0;
  padding: .6em 1em; }
.finding.error { border-color: #c33; }
.where { font-family: monospace; color: #555; }
.rule { font-family: monospace; background: #eef; padding: 0 .3em; }
ol.chain { padding-left: 1.5em; } ol.chain li { margin: .4em 0; }
pre { background: #f6f6f6; padding: .3em .6em; margin: .2em 0;
  overflow-x: auto; }
.line { color: #999; user-select: none; }
.model { font-weight: bold; }
.fix pre { background: #efe; }
.hidden { display: none; }
)";

/// Hides the findings the two filters do not select.
constexpr llvm::StringLiteral FilterScript = R"(
function applyFilters() {
  const rule = document.getElementById('rule-filter').value;
  const file = document.getElementById('file-filter').value;
  let shown = 0;
  for (const finding of document.querySelectorAll('.finding')) {
    const show = (!rule || finding.dataset.rule === rule) &&
                 (!file || finding.dataset.file === file);
    finding.classList.toggle('hidden', !show);
    if (show) ++shown;
  }
  document.getElementById('shown').textContent = shown;
}
for (const id of ['rule-filter', 'file-filter'])
  document.getElementById(id).addEventListener('change', applyFilters);
)";

class HtmlWriter {
public:
  HtmlWriter(llvm::StringRef Base, llvm::raw_ostream &OS)
      : Base(Base), OS(OS) {}

  void write(const std::vector<FileResult> &Results) {
    collect(Results);
    OS << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       << "<title>boundwise report</title><style>" << Style
       << "</style></head><body>\n<h1>boundwise report</h1>\n";
    writeSummary();
    writeFailures(Results);
    writeFindings(Results);
    writeDiagnosis(Results);
    OS << "<script>" << FilterScript << "</script>\n</body></html>\n";
  }

private:
  std::string shown(const DiagLocation &Loc, llvm::StringRef Directory) {
    return pathUnderBase(Loc.File, Directory, Base).Path;
  }

  void collect(const std::vector<FileResult> &Results) {
    for (const FileResult &Result : Results)
      for (const Finding &F : Result.Findings) {
        ++ByRule[F.Rule];
        Files.insert(shown(F.Loc, Result.Directory));
        ++Total;
      }
  }

  void writeOptions(llvm::StringRef Id, llvm::StringRef All,
                    const std::vector<std::string> &Values) {
    OS << "<select id=\"" << Id << "\"><option value=\"\">" << All
       << "</option>";
    for (const std::string &Value : Values)
      OS << "<option>" << escape(Value) << "</option>";
    OS << "</select>\n";
  }

  void writeSummary() {
    OS << "<p><span id=\"shown\">" << Total << "</span> of " << Total
       << " finding" << (Total == 1 ? "" : "s") << " in " << Files.size()
       << " file" << (Files.size() == 1 ? "" : "s") << ".</p>\n";
    OS << "<table class=\"summary\"><tr><th>rule</th><th>findings</th></tr>";
    std::vector<std::string> Rules;
    for (const auto &[Rule, Count] : ByRule) {
      OS << "<tr><td><span class=\"rule\">" << escape(Rule)
         << "</span></td><td>" << Count << "</td></tr>";
      Rules.push_back(Rule);
    }
    OS << "</table>\n<p>Filter: ";
    writeOptions("rule-filter", "every rule", Rules);
    writeOptions("file-filter", "every file",
                 std::vector<std::string>(Files.begin(), Files.end()));
    OS << "</p>\n";
  }

  void writeFailures(const std::vector<FileResult> &Results) {
    bool Any = false;
    for (const FileResult &Result : Results) {
      if (Result.FatalError.empty())
        continue;
      if (!Any)
        OS << "<h2>Files not analysed</h2><ul>";
      Any = true;
      OS << "<li>" << escape(Result.FatalError) << "</li>";
    }
    if (Any)
      OS << "</ul>\n";
  }

  /// One step of a chain: where, what, and the line of code.
  void writeStep(const DiagLocation &Loc, llvm::StringRef Message,
                 llvm::StringRef Directory) {
    OS << "<li><span class=\"where\">" << escape(shown(Loc, Directory)) << ":"
       << Loc.Line << ":" << Loc.Column << "</span> " << escape(Message);
    if (!Loc.LineText.empty())
      OS << "<pre><span class=\"line\">" << Loc.Line << "  </span>"
         << escape(Loc.LineText) << "</pre>";
    OS << "</li>\n";
  }

  void writeFixes(const Finding &F, llvm::StringRef Directory) {
    for (const FixIt &Fix : F.Fixes) {
      OS << "<div class=\"fix\">Fix: " << escape(Fix.Description);
      for (const Replacement &Edit : Fix.Edits)
        OS << "<pre><span class=\"line\">"
           << escape(pathUnderBase(Edit.File, Directory, Base).Path) << ":"
           << Edit.Line << "  </span>" << escape(Edit.Text) << "</pre>";
      OS << "</div>\n";
    }
  }

  void writeFinding(const Finding &F, llvm::StringRef Directory) {
    bool IsError = F.Level == Severity::Error || F.AsError;
    OS << "<section class=\"finding" << (IsError ? " error" : "")
       << "\" data-rule=\"" << escape(F.Rule) << "\" data-file=\""
       << escape(shown(F.Loc, Directory)) << "\">\n<p>"
       << (IsError ? "error" : "warning") << ": " << escape(F.Message)
       << " <span class=\"rule\">" << escape(F.Rule) << "</span></p>\n"
       << "<ol class=\"chain\">\n";
    writeStep(F.Loc, "", Directory);
    for (const FindingNote &Note : F.Notes)
      writeStep(Note.Loc, Note.Message, Directory);
    OS << "</ol>\n";
    if (F.SuggestedModel != ConcurrencyModel::None)
      OS << "<p>Model that fits: <span class=\"model\">"
         << escape(modelName(F.SuggestedModel)) << "</span></p>\n";
    writeFixes(F, Directory);
    OS << "</section>\n";
  }

  void writeFindings(const std::vector<FileResult> &Results) {
    OS << "<h2>Findings</h2>\n";
    if (Total == 0)
      OS << "<p>No findings.</p>\n";
    for (const FileResult &Result : Results)
      for (const Finding &F : Result.Findings)
        writeFinding(F, Result.Directory);
  }

  void writeDiagnosis(const std::vector<FileResult> &Results) {
    bool Any = llvm::any_of(Results, [](const FileResult &Result) {
      return !Result.Functions.empty();
    });
    if (!Any)
      return;
    OS << "<h2>Diagnosis</h2>\n<table class=\"diagnosis\"><tr><th>function"
       << "</th><th>where</th><th>verdict</th><th>runs on</th>"
       << "<th>model that fits</th><th>now</th></tr>\n";
    for (const FileResult &Result : Results)
      for (const FunctionDiagnosis &F : Result.Functions)
        OS << "<tr><td>" << escape(F.Name) << "</td><td class=\"where\">"
           << escape(shown(F.Loc, Result.Directory)) << ":" << F.Loc.Line
           << "</td><td>" << escape(F.Summary) << "</td><td>"
           << escape(F.RunsOn.empty() ? "unknown" : llvm::join(F.RunsOn, ", "))
           << "</td><td>" << escape(F.Model) << "</td><td>"
           << escape(fitStatus(F, Result)) << "</td></tr>\n";
    OS << "</table>\n";
  }

  llvm::StringRef Base;
  llvm::raw_ostream &OS;
  std::map<std::string, unsigned> ByRule;
  std::set<std::string> Files;
  unsigned Total = 0;
};

} // namespace

void boundwise::printHtml(const std::vector<FileResult> &Results,
                          llvm::StringRef BaseDirectory,
                          llvm::raw_ostream &OS) {
  HtmlWriter(BaseDirectory, OS).write(Results);
}
