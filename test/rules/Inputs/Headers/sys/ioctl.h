/* Mock <sys/ioctl.h> with the request numbers of <linux/sockios.h>. */
#ifndef BOUNDWISE_MOCK_SYS_IOCTL_H
#define BOUNDWISE_MOCK_SYS_IOCTL_H

#define FIONREAD 0x541B
#define FIONBIO 0x5421
#define SIOCGIFCONF 0x8912
#define SIOCGIFFLAGS 0x8913
#define SIOCGIFADDR 0x8915
#define SIOCGIFHWADDR 0x8927
#define SIOCETHTOOL 0x8946

BOUNDWISE_EXTERN_C_BEGIN
int ioctl(int fd, unsigned long request, ...);
BOUNDWISE_EXTERN_C_END

#endif
