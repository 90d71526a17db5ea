// A file that does not compile: the function that parsed still counts.
extern "C" unsigned int sleep(unsigned int seconds);

[[clang::annotate("boundwise::async")]] void onTick() {
  sleep(1);
}

void broken() {
  int x = ;
}
