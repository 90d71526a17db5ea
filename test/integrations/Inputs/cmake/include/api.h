extern "C" unsigned int sleep(unsigned int seconds);
void onTick();
