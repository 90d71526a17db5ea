// Waits 0.4 s without computing.
#include <chrono>
#include <thread>

int main() { std::this_thread::sleep_for(std::chrono::milliseconds(400)); }
