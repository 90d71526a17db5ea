#include "api.h"

[[clang::annotate("boundwise::async")]] void onTick() {
#if SERVER_BLOCKS
  sleep(1);
#endif
}
