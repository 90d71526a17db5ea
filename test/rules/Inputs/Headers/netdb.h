/* Mock <netdb.h>. */
#ifndef BOUNDWISE_MOCK_NETDB_H
#define BOUNDWISE_MOCK_NETDB_H
#include <sys/socket.h>
#include <sys/types.h>

struct addrinfo {
  int ai_flags;
  int ai_family;
  int ai_socktype;
  int ai_protocol;
  socklen_t ai_addrlen;
  struct sockaddr *ai_addr;
  char *ai_canonname;
  struct addrinfo *ai_next;
};

struct hostent;

#define NI_NUMERICHOST 1
#define NI_NUMERICSERV 2
#define NI_NAMEREQD 8
#define NI_MAXHOST 1025
#define NI_MAXSERV 32

BOUNDWISE_EXTERN_C_BEGIN
int getaddrinfo(const char *node, const char *service,
                const struct addrinfo *hints, struct addrinfo **res);
void freeaddrinfo(struct addrinfo *res);
struct hostent *gethostbyname(const char *name);
int getnameinfo(const struct sockaddr *addr, socklen_t addrlen, char *host,
                socklen_t hostlen, char *serv, socklen_t servlen, int flags);
BOUNDWISE_EXTERN_C_END

#endif
