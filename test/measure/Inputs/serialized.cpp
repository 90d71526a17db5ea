// Four threads that each hold one mutex across their 0.125 s of computation:
// four threads, but only one computes at a time.
#include "spin.h"
#include <mutex>
#include <thread>
#include <vector>

static std::mutex Lock;

int main() {
  std::vector<std::thread> Workers;
  for (int I = 0; I < 4; ++I)
    Workers.emplace_back([] {
      std::lock_guard<std::mutex> Guard(Lock);
      spin(0.125);
    });
  for (std::thread &Worker : Workers)
    Worker.join();
}
