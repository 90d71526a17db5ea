//===--- Measure.h - What a running program waits for -----------*- C++ -*-===//
//
/// \file
/// `boundwise measure [--format=text|json] [--output=FILE] -- <command>
/// [args...]`: runs any program as a child and measures what it waited for
/// (wall time against CPU time, per thread, context switches, bytes read and
/// written), then says whether it was I/O-bound, CPU-bound on one core or
/// CPU-parallel and which concurrency model fits. It confirms on a running
/// program what the static diagnosis says about its code. Linux only: it
/// reads /proc.
//
//===----------------------------------------------------------------------===//
#ifndef BOUNDWISE_ANALYZER_MEASURE_MEASURE_H
#define BOUNDWISE_ANALYZER_MEASURE_MEASURE_H

namespace boundwise {

/// Runs `boundwise measure`; \p Argv[1] is "measure". The report goes to
/// stderr, or to the file of `--output=FILE`, so that the child's stdout
/// stays its own. Returns the child's exit status (128+N when signal N
/// killed it), 127 when the command is not found, 126 when it cannot be
/// started otherwise, and 2 on bad usage.
int runMeasure(int Argc, const char **Argv);

} // namespace boundwise

#endif // BOUNDWISE_ANALYZER_MEASURE_MEASURE_H
