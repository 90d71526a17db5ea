// Input of the CLI tests: two findings, the first reached through a helper.
// The tests name lines and columns of this file; keep them where they are.
extern "C" unsigned int sleep(unsigned int seconds);

static void nap() { sleep(1); }

[[clang::annotate("boundwise::async")]] void onTick() {
  nap();
}

[[clang::annotate("boundwise::async")]] void onTock() {
  sleep(2);
}

// The same calls outside an async context.
void poll() {
  nap();
  sleep(3);
}
