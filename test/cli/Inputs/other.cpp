// A second input for the CLI tests (-j): one finding at 5:3.
extern "C" int usleep(unsigned int usec);

[[clang::annotate("boundwise::async")]] void onOther() {
  usleep(10);
}
