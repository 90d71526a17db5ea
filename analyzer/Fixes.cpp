//===--- Fixes.cpp - Applying and exporting fix-its -----------------------===//
#include "analyzer/Fixes.h"

#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <tuple>

using namespace boundwise;
using namespace llvm;
namespace tooling = clang::tooling;

/// The absolute path of \p File without `.` and `..`, the form
/// clang-apply-replacements compares paths in.
static std::string absolutePath(StringRef File) {
  SmallString<256> Path(File);
  sys::fs::make_absolute(Path);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

namespace {
/// One edit with an absolute path, ordered for deduplication.
struct Edit {
  std::string File;
  unsigned Offset;
  unsigned Length;
  std::string Text;

  bool operator<(const Edit &Other) const {
    return std::tie(File, Offset, Length, Text) <
           std::tie(Other.File, Other.Offset, Other.Length, Other.Text);
  }
};
} // namespace

static Edit edit(const Replacement &R) {
  return {absolutePath(R.File), R.Offset, R.Length, R.Text};
}

namespace {
/// The edits of one file, merged over the names it was given by (a symlink,
/// a hard link, a symlinked directory): applied under each name, they would
/// be applied twice, the second time at offsets the first has moved.
struct FileEdits {
  /// The first name the file was given by, for messages.
  std::string Name;
  /// Every edit the findings offer, each once.
  std::set<Edit> Offered;
  /// Those of files without compiler errors.
  std::set<Edit> ToApply;
};
} // namespace

/// The edits of \p Results by file identity (device and inode), in the order
/// the files first appear. A file that cannot be found is reported on \p Log.
static MapVector<sys::fs::UniqueID, FileEdits>
editsByFile(const std::vector<FileResult> &Results, raw_ostream &Log) {
  MapVector<sys::fs::UniqueID, FileEdits> ByFile;
  StringSet<> Missing;
  for (const FileResult &Result : Results)
    for (const Finding &F : Result.Findings)
      for (const FixIt &Fix : F.Fixes)
        for (const Replacement &R : Fix.Edits) {
          Edit E = edit(R);
          sys::fs::UniqueID ID;
          if (std::error_code EC = sys::fs::getUniqueID(E.File, ID)) {
            if (Missing.insert(E.File).second) {
              Log << "boundwise: cannot read " << E.File << ": "
                  << EC.message() << "\n";
            }
            continue;
          }
          FileEdits &File = ByFile[ID];
          if (File.Name.empty())
            File.Name = E.File;
          E.File = File.Name;
          // Code that does not compile may be fixed wrongly.
          if (!Result.HasCompilerErrors)
            File.ToApply.insert(E);
          File.Offered.insert(std::move(E));
        }
  return ByFile;
}

/// The text of \p File with \p Edits applied; a conflict between edits
/// leaves the file as it is.
static Expected<std::string> fixedText(StringRef File,
                                       const std::set<Edit> &Edits) {
  tooling::Replacements Replaces;
  for (const Edit &E : Edits)
    if (Error Err = Replaces.add(
            tooling::Replacement(File, E.Offset, E.Length, E.Text)))
      return std::move(Err);
  auto Buffer = MemoryBuffer::getFile(File);
  if (!Buffer)
    return createStringError(Buffer.getError(), "cannot read " + File);
  return tooling::applyAllReplacements((*Buffer)->getBuffer(), Replaces);
}

FixSummary boundwise::applyFixes(const std::vector<FileResult> &Results,
                                 raw_ostream &Log) {
  FixSummary Summary;
  for (const FileResult &Result : Results)
    if (Result.HasCompilerErrors)
      Log << "boundwise: no fixes applied to " << Result.File
          << ": it has compiler errors\n";
  for (const auto &[ID, File] : editsByFile(Results, Log)) {
    Summary.Offered += File.Offered.size();
    if (File.ToApply.empty())
      continue;
    // A file is fixed whole or not at all.
    Expected<std::string> Fixed = fixedText(File.Name, File.ToApply);
    if (!Fixed) {
      Log << "boundwise: fix not applied to " << File.Name << ": "
          << toString(Fixed.takeError()) << "\n";
      continue;
    }
    std::error_code EC;
    raw_fd_ostream Out(File.Name, EC, sys::fs::OF_None);
    if (EC) {
      Log << "boundwise: cannot write " << File.Name << ": " << EC.message()
          << "\n";
      continue;
    }
    Out << *Fixed;
    Out.close();
    if (Out.has_error()) {
      Log << "boundwise: cannot write " << File.Name << ": "
          << Out.error().message() << "\n";
      Out.clear_error();
      continue;
    }
    Summary.Applied += File.ToApply.size();
  }
  return Summary;
}

namespace {
/// The byte offsets of line starts, per file, read once.
class OffsetTable {
public:
  unsigned offsetOf(const DiagLocation &Loc) {
    auto [It, Inserted] = Lines.try_emplace(Loc.File);
    if (Inserted)
      It->second = lineStarts(Loc.File);
    const std::vector<unsigned> &Starts = It->second;
    if (Loc.Line == 0 || Loc.Line > Starts.size())
      return 0;
    return Starts[Loc.Line - 1] + (Loc.Column ? Loc.Column - 1 : 0);
  }

private:
  static std::vector<unsigned> lineStarts(StringRef File) {
    std::vector<unsigned> Starts;
    auto Buffer = MemoryBuffer::getFile(File);
    if (!Buffer)
      return Starts;
    StringRef Text = (*Buffer)->getBuffer();
    Starts.push_back(0);
    for (size_t I = 0; I < Text.size(); ++I)
      if (Text[I] == '\n')
        Starts.push_back(I + 1);
    return Starts;
  }

  StringMap<std::vector<unsigned>> Lines;
};
} // namespace

static tooling::DiagnosticMessage message(StringRef Text,
                                          const DiagLocation &Loc,
                                          OffsetTable &Offsets) {
  tooling::DiagnosticMessage Message(Text);
  if (Loc.File.empty())
    return Message;
  Message.FilePath = absolutePath(Loc.File);
  Message.FileOffset = Offsets.offsetOf(Loc);
  return Message;
}

Error boundwise::exportFixes(const std::vector<FileResult> &Results,
                             StringRef Path) {
  SmallString<256> BuildDirectory;
  if (std::error_code EC = sys::fs::current_path(BuildDirectory))
    return createStringError(EC, "cannot find the working directory");
  tooling::TranslationUnitDiagnostics TU;
  if (!Results.empty())
    TU.MainSourceFile = absolutePath(Results.front().File);
  OffsetTable Offsets;
  std::set<Edit> Exported;
  for (const FileResult &Result : Results) {
    for (const Finding &F : Result.Findings) {
      bool IsError = F.Level == Severity::Error || F.AsError;
      tooling::Diagnostic Diag(F.Rule,
                               IsError ? tooling::Diagnostic::Error
                                       : tooling::Diagnostic::Warning,
                               BuildDirectory);
      Diag.Message = message(F.Message, F.Loc, Offsets);
      for (const FindingNote &Note : F.Notes)
        Diag.Notes.push_back(message(Note.Message, Note.Loc, Offsets));
      for (const FixIt &Fix : F.Fixes)
        for (const Replacement &R : Fix.Edits) {
          Edit E = edit(R);
          if (!Exported.insert(E).second)
            continue;
          tooling::Replacement Replace(E.File, E.Offset, E.Length, E.Text);
          if (Error Err = Diag.Message.Fix[E.File].add(Replace))
            return Err;
        }
      TU.Diagnostics.push_back(std::move(Diag));
    }
  }
  std::error_code EC;
  raw_fd_ostream Out(Path, EC, sys::fs::OF_Text);
  if (EC)
    return createStringError(EC, "cannot write '" + Path + "'");
  yaml::Output YAML(Out);
  YAML << TU;
  Out.close();
  if (Out.has_error()) {
    std::error_code WriteError = Out.error();
    Out.clear_error();
    return createStringError(WriteError, "cannot write '" + Path + "'");
  }
  return Error::success();
}
