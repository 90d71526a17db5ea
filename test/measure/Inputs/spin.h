// Computes without ever blocking for a given wall time. On a loaded machine
// the thread gets less CPU but is still always running or waiting for a CPU,
// which is what makes it CPU-bound; a wall-time bound keeps the tests short.
#include <chrono>

static unsigned long spin(double Seconds) {
  using Clock = std::chrono::steady_clock;
  auto End = Clock::now() + std::chrono::duration<double>(Seconds);
  volatile unsigned long Value = 0;
  while (Clock::now() < End)
    for (int I = 0; I < 10000; ++I)
      Value = Value * 31 + I;
  return Value;
}
