/* Mock <ifaddrs.h>. */
#ifndef BOUNDWISE_MOCK_IFADDRS_H
#define BOUNDWISE_MOCK_IFADDRS_H
#include <sys/socket.h>

struct ifaddrs {
  struct ifaddrs *ifa_next;
  char *ifa_name;
  unsigned int ifa_flags;
  struct sockaddr *ifa_addr;
};

BOUNDWISE_EXTERN_C_BEGIN
int getifaddrs(struct ifaddrs **ifap);
void freeifaddrs(struct ifaddrs *ifa);
BOUNDWISE_EXTERN_C_END

#endif
