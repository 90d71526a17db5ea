#include "nap.h"
[[clang::annotate("boundwise::async")]] void onTick() { nap(); }
