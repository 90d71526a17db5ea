//===--- LSPFuzzer.cpp - libFuzzer over the transport and dispatch --------===//
//
/// \file
/// Feeds arbitrary bytes to the server as if they came from stdin with
/// Content-Length framing, with the real pool of analysis workers (two, no
/// debounce) so that documents opened, changed, closed and reopened race as
/// they do in an editor, and drops the output. Anything from a bad header to
/// a hover past the end of a document must end in a reply or a log line,
/// never in a crash, a leak or a data race's use-after-free.
//
//===----------------------------------------------------------------------===//
#include "lsp/Analyze.h"
#include "lsp/LSPServer.h"
#include "lsp/Logger.h"
#include "lsp/Transport.h"

#include "analyzer/Catalog.h"
#include "analyzer/CompilationSetup.h"
#include "analyzer/CrashRecovery.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>

using namespace boundwise;
using namespace boundwise::lsp;

/// The catalog, loaded once: each input would otherwise spend its time here.
static const std::vector<CatalogFile> &baseCatalog() {
  static const std::vector<CatalogFile> *Files = [] {
    std::string Dir = executableDirectory("boundwise-lsp-fuzzer");
    auto Loaded = loadCatalogDirectory(catalogDirectory(Dir));
    if (!Loaded) {
      llvm::consumeError(Loaded.takeError());
      return new std::vector<CatalogFile>();
    }
    return new std::vector<CatalogFile>(std::move(*Loaded));
  }();
  return *Files;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static bool Once = [] {
    setLogLevel(LogLevel::Error);
    enableCrashRecovery();
    return true;
  }();
  (void)Once;
  if (Size == 0)
    return 0;
  // fmemopen needs a writable buffer that outlives the stream.
  std::string Input(reinterpret_cast<const char *>(Data), Size);
  std::FILE *In = fmemopen(Input.data(), Input.size(), "r");
  if (!In)
    return 0;
  llvm::raw_null_ostream Out;
  std::unique_ptr<Transport> Channel =
      newJSONTransport(In, Out, /*InMirror=*/nullptr, /*Pretty=*/false,
                       JSONStreamStyle::Standard);
  LSPServer::Options Opts;
  Opts.ServerOptions.Scheduling.Workers = 2;
  Opts.ServerOptions.Scheduling.Debounce = DebouncePolicy::fixed({});
  // Every analysis ends here: one still running at the end of the input is
  // waited for, so that nothing is abandoned (and reported as a leak); a
  // parse that hangs shows as libFuzzer's timeout.
  Opts.ShutdownGrace = Clock::duration::max();
  Opts.AllowTestScheme = true;
  LSPServer Server(*Channel, baseCatalog(), std::move(Opts));
  Server.run();
  std::fclose(In);
  return 0;
}
