// pybind11 bindings written through macros. The call_guard goes before the
// def call's closing parenthesis: where that parenthesis is written in a
// macro's body (DEF), the edit would land before the macro's use and break
// the build, so the fix is skipped; where it is written in a macro's
// argument (KEEP), the edit goes into the argument as written.
#include <pybind11/pybind11.h>

#include <unistd.h>

#define DEF(name, fn) m.def(name, fn)
#define KEEP(call) call

int nap(int seconds) { return sleep(seconds); }

int doze(int seconds) { return sleep(seconds); }

PYBIND11_MODULE(macros, m) {
  DEF("nap", &nap);
  KEEP(m.def("doze", &doze));
}
