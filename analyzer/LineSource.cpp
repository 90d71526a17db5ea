//===--- LineSource.cpp - Source lines of one translation unit ------------===//
#include "analyzer/LineSource.h"
#include "analyzer/DeclLookup.h"

#include "clang/Basic/SourceManager.h"

using namespace boundwise;

LineSource::FileLines *LineSource::linesOf(llvm::StringRef File) {
  auto It = Files.find(File);
  if (It != Files.end())
    return It->second.ID.isValid() ? &It->second : nullptr;
  FileLines &Lines = Files[File];
  // Summary locations carry PresumedLoc names, which are the names the
  // file manager opened the files under.
  if (auto Ref = SM.getFileManager().getOptionalFileRef(File))
    Lines.ID = SM.translateFile(*Ref);
  if (Lines.ID.isInvalid()) {
    // An unsaved main buffer has no file on disk to find by name.
    clang::FileID Main = SM.getMainFileID();
    if (normalizedPath(
            SM.getPresumedLoc(SM.getLocForStartOfFile(Main)).getFilename()) ==
        File)
      Lines.ID = Main;
  }
  if (Lines.ID.isInvalid())
    return nullptr;
  Lines.Buffer = SM.getBufferData(Lines.ID);
  Lines.LineStarts.push_back(0);
  for (unsigned I = 0; I < Lines.Buffer.size(); ++I)
    if (Lines.Buffer[I] == '\n')
      Lines.LineStarts.push_back(I + 1);
  return &Lines;
}

llvm::StringRef LineSource::lineAt(llvm::StringRef File, unsigned Line) {
  FileLines *Lines = linesOf(File);
  if (!Lines || Line == 0 || Line > Lines->LineStarts.size())
    return "";
  llvm::StringRef Rest = Lines->Buffer.substr(Lines->LineStarts[Line - 1]);
  return Rest.take_until([](char C) { return C == '\n' || C == '\r'; });
}

llvm::StringRef LineSource::text(llvm::StringRef File) {
  FileLines *Lines = linesOf(File);
  return Lines ? Lines->Buffer : llvm::StringRef();
}

bool LineSource::isSystemFile(llvm::StringRef File) {
  FileLines *Lines = linesOf(File);
  return Lines && SM.isInSystemHeader(SM.getLocForStartOfFile(Lines->ID));
}

DiagLocation LineSource::locate(const SourcePoint &Point) {
  return {Point.File, Point.Line, Point.Column,
          lineAt(Point.File, Point.Line).str()};
}
