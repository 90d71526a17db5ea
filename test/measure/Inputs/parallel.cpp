// Two threads that each compute for 0.5 s, independently.
#include "spin.h"
#include <thread>

int main() {
  std::thread First([] { spin(0.5); });
  std::thread Second([] { spin(0.5); });
  First.join();
  Second.join();
}
