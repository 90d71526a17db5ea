/* Mock <libpq-fe.h>. */
#ifndef BOUNDWISE_MOCK_LIBPQ_FE_H
#define BOUNDWISE_MOCK_LIBPQ_FE_H
#include <sys/types.h>

BOUNDWISE_EXTERN_C_BEGIN
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

PGconn *PQconnectdb(const char *conninfo);
void PQfinish(PGconn *conn);
PGresult *PQexec(PGconn *conn, const char *query);
int PQsendQuery(PGconn *conn, const char *query);
int PQconsumeInput(PGconn *conn);
int PQisBusy(PGconn *conn);
int PQsocket(const PGconn *conn);
void PQclear(PGresult *res);
BOUNDWISE_EXTERN_C_END

#endif
