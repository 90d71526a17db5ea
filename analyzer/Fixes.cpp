//===--- Fixes.cpp - Applying and exporting fix-its -----------------------===//
#include "analyzer/Fixes.h"

#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <tuple>
#include <unistd.h>

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
/// the files first appear; those of files with compiler errors are only
/// offered unless \p Policy says otherwise. A file that cannot be found is
/// reported on \p Log and counted in \p Summary.
static MapVector<sys::fs::UniqueID, FileEdits>
editsByFile(const std::vector<FileResult> &Results, ErrorPolicy Policy,
            FixSummary &Summary, raw_ostream &Log) {
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
              Log << "boundwise: error: cannot read " << E.File << ": "
                  << EC.message() << "\n";
              ++Summary.FailedFiles;
            }
            continue;
          }
          FileEdits &File = ByFile[ID];
          if (File.Name.empty())
            File.Name = E.File;
          E.File = File.Name;
          // Code that does not compile may be fixed wrongly.
          if (!Result.HasCompilerErrors || Policy == ErrorPolicy::FixAnyway)
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

/// Writes \p Data at \p Offset of the open file \p FD; an error when not
/// all of it was written.
static std::error_code writeAt(int FD, uint64_t Offset, StringRef Data) {
  raw_fd_ostream Out(FD, /*shouldClose=*/false);
  Out.seek(Offset);
  Out << Data;
  Out.flush();
  std::error_code EC = Out.error();
  Out.clear_error();
  return EC;
}

/// Flushes what was written to \p FD to the disk.
static std::error_code syncToDisk(int FD) {
  if (::fsync(FD) == 0)
    return {};
  return std::error_code(errno, std::generic_category());
}

static Error unchanged(const Twine &Reason) {
  return createStringError(Reason + "; it is unchanged");
}

/// \p Reason, once \p Copy, of no more use, is removed.
static Error discardCopy(std::error_code Reason, sys::fs::TempFile &Copy) {
  consumeError(Copy.discard());
  return unchanged(Reason.message());
}

/// \p Reason, with \p Copy of the fixed text kept and named: the file may
/// be damaged.
static Error keepCopy(std::error_code Reason, sys::fs::TempFile &Copy) {
  std::string Name = Copy.TmpName;
  if (Error Err = Copy.keep())
    return createStringError(Reason.message() + "; it may be damaged and " +
                             toString(std::move(Err)));
  return createStringError(Reason.message() +
                           "; it may be damaged: its fixed text is in " + Name);
}

/// Gives the file open at \p FD the owner and group \p Old has; false when
/// that is not allowed.
static bool takeOwner(int FD, const sys::fs::file_status &Old) {
  sys::fs::file_status New;
  if (sys::fs::status(FD, New))
    return false;
  if (New.getUser() == Old.getUser() && New.getGroup() == Old.getGroup())
    return true;
  return !sys::fs::changeFileOwnership(FD, Old.getUser(), Old.getGroup());
}

/// Overwrites \p File, of \p OldSize bytes, with \p Text, which \p Copy
/// already holds, synced. The order keeps the old bytes until the new ones
/// are sure to fit: first the part beyond the old size, the write that fails
/// on a full disk or past a size limit, undone by truncating; then the old
/// bytes, which needs no new space (but on a copy-on-write file system).
/// Should that still fail, the copy is kept and named.
static Error overwriteInPlace(StringRef File, uint64_t OldSize, StringRef Text,
                              sys::fs::TempFile &Copy) {
  int FD;
  if (std::error_code EC = sys::fs::openFileForReadWrite(
          File, FD, sys::fs::CD_OpenExisting, sys::fs::OF_None))
    return discardCopy(EC, Copy);
  scope_exit Close([&] { sys::fs::closeFile(FD); });
  if (Text.size() > OldSize)
    if (std::error_code EC = writeAt(FD, OldSize, Text.drop_front(OldSize)))
      return sys::fs::resize_file(FD, OldSize) ? keepCopy(EC, Copy)
                                               : discardCopy(EC, Copy);
  std::error_code EC = writeAt(FD, 0, Text.take_front(OldSize));
  if (!EC && Text.size() < OldSize)
    EC = sys::fs::resize_file(FD, Text.size());
  if (!EC)
    EC = syncToDisk(FD);
  if (EC)
    return keepCopy(EC, Copy);
  return Copy.discard();
}

/// Replaces the text of \p File by \p Text so that no failure can leave it
/// with less than all of its old text or all of the new. The new text is
/// written beside the file (the same directory, so the same file system),
/// synced, given the file's mode and owner, then renamed over it; a symlink
/// is followed, so that it stays a link. (llvm::writeToOutput keeps neither
/// mode nor link and does not sync; TempFile::keep(Name), when the rename
/// fails, copies over the file in place.)
///
/// Renaming would cut a file from its other hard links, which would keep the
/// old text; one whose owner cannot be given to a new file would change
/// owner. Those are overwritten in place, as clang-apply-replacements does,
/// but only once the copy is whole on disk, and in an order that fails
/// before the first old byte is overwritten when space runs out.
static Error replaceContents(StringRef File, StringRef Text) {
  SmallString<256> Target;
  if (std::error_code EC = sys::fs::real_path(File, Target))
    return unchanged(EC.message());
  sys::fs::file_status Old;
  if (std::error_code EC = sys::fs::status(Target, Old))
    return unchanged(EC.message());
  auto Copy =
      sys::fs::TempFile::create(Target + ".boundwise-%%%%%%.tmp",
                                sys::fs::owner_read | sys::fs::owner_write);
  if (!Copy)
    return unchanged("cannot create a file beside it: " +
                     toString(Copy.takeError()));
  std::error_code EC = writeAt(Copy->FD, 0, Text);
  // The owner first: changing it clears the set-user-ID bit of the mode.
  bool Replaceable = Old.getLinkCount() == 1 && takeOwner(Copy->FD, Old);
  if (!EC)
    EC = sys::fs::setPermissions(Copy->FD, Old.permissions());
  if (!EC)
    EC = syncToDisk(Copy->FD);
  if (EC)
    return discardCopy(EC, *Copy);
  if (!Replaceable)
    return overwriteInPlace(Target, Old.getSize(), Text, *Copy);
  if (std::error_code EC = sys::fs::rename(Copy->TmpName, Target))
    return discardCopy(EC, *Copy);
  // Nothing is left at the temporary name to remove on a signal.
  return Copy->keep();
}

/// Reports the fixes of \p Results that are skipped, being in a macro
/// expansion, once each (two findings may share one), and counts them.
static void reportFixesInMacros(const std::vector<FileResult> &Results,
                                FixSummary &Summary, raw_ostream &Log) {
  std::set<std::tuple<std::string, unsigned, unsigned, std::string>> Reported;
  for (const FileResult &Result : Results)
    for (const Finding &F : Result.Findings)
      for (const FindingNote &Fix : F.FixesInMacros) {
        std::string File = absolutePath(Fix.Loc.File);
        if (!Reported.insert({File, Fix.Loc.Line, Fix.Loc.Column, Fix.Message})
                 .second)
          continue;
        Log << "boundwise: fix skipped at " << File << ":" << Fix.Loc.Line
            << ":" << Fix.Loc.Column << ": " << Fix.Message
            << " (in a macro expansion)\n";
        ++Summary.Skipped;
      }
  Summary.Offered += Summary.Skipped;
}

FixSummary boundwise::applyFixes(const std::vector<FileResult> &Results,
                                 ErrorPolicy Policy, raw_ostream &Log) {
  FixSummary Summary;
  reportFixesInMacros(Results, Summary, Log);
  for (const FileResult &Result : Results)
    if (Result.HasCompilerErrors && Policy == ErrorPolicy::LeaveAlone)
      Log << "boundwise: no fixes applied to " << Result.File
          << ": it has compiler errors (--fix-errors applies them)\n";
  for (const auto &[ID, File] : editsByFile(Results, Policy, Summary, Log)) {
    Summary.Offered += File.Offered.size();
    if (File.ToApply.empty())
      continue;
    // A file is fixed whole or not at all.
    Expected<std::string> Fixed = fixedText(File.Name, File.ToApply);
    if (!Fixed) {
      handleAllErrors(
          Fixed.takeError(),
          [&](const tooling::ReplacementError &Conflict) {
            Log << "boundwise: fix not applied to " << File.Name << ": "
                << Conflict.message() << "\n";
          },
          [&](const ErrorInfoBase &Unreadable) {
            Log << "boundwise: error: " << Unreadable.message() << "\n";
            ++Summary.FailedFiles;
          });
      continue;
    }
    if (Error Err = replaceContents(File.Name, *Fixed)) {
      Log << "boundwise: error: cannot write " << File.Name << ": "
          << toString(std::move(Err)) << "\n";
      ++Summary.FailedFiles;
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

static tooling::DiagnosticMessage
message(StringRef Text, const DiagLocation &Loc, OffsetTable &Offsets) {
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
