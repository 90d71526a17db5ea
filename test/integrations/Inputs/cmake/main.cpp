#include "api.h"

int main() { onTick(); }
