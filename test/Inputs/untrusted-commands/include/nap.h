extern "C" unsigned sleep(unsigned);
inline void nap() { sleep(1); }
