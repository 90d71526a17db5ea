/* Mock <netinet/sctp.h> (lksctp-tools' libsctp), without bodies. */
#ifndef BOUNDWISE_MOCK_NETINET_SCTP_H
#define BOUNDWISE_MOCK_NETINET_SCTP_H
#include <sys/socket.h>
#include <sys/types.h>

#define IPPROTO_SCTP 132
#define SCTP_UNORDERED 1

struct sctp_sndrcvinfo;

BOUNDWISE_EXTERN_C_BEGIN
int sctp_sendmsg(int s, const void *msg, size_t len, struct sockaddr *to,
                 socklen_t tolen, unsigned int ppid, unsigned int flags,
                 unsigned short stream_no, unsigned int timetolive,
                 unsigned int context);
int sctp_send(int s, const void *msg, size_t len,
              const struct sctp_sndrcvinfo *sinfo, int flags);
int sctp_recvmsg(int s, void *msg, size_t len, struct sockaddr *from,
                 socklen_t *fromlen, struct sctp_sndrcvinfo *sinfo,
                 int *msg_flags);
int sctp_connectx(int sd, struct sockaddr *addrs, int addrcnt,
                  unsigned int *id);
BOUNDWISE_EXTERN_C_END

#endif
