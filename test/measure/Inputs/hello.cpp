// Writes one line to stdout and one to stderr.
#include <cstdio>

int main() {
  std::puts("hello from the child");
  std::fputs("child's stderr\n", stderr);
}
