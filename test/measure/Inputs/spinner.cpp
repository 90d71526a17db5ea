// Computes for 0.4 s on one thread.
#include "spin.h"

int main() { spin(0.4); }
