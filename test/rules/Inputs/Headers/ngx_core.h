// Mock nginx headers (ngx_core.h, ngx_event.h, ngx_http.h in one): the real
// names of the event, connection, request and location structures and of
// the handler fields nginx's event loop calls.
#ifndef BOUNDWISE_MOCK_NGX_CORE_H
#define BOUNDWISE_MOCK_NGX_CORE_H

typedef long ngx_int_t;
typedef struct ngx_event_s ngx_event_t;
typedef struct ngx_connection_s ngx_connection_t;
typedef struct ngx_http_request_s ngx_http_request_t;
typedef void (*ngx_event_handler_pt)(ngx_event_t *ev);
typedef ngx_int_t (*ngx_http_handler_pt)(ngx_http_request_t *r);

struct ngx_event_s {
  void *data;
  unsigned ready : 1;
  ngx_event_handler_pt handler;
};

struct ngx_connection_s {
  void *data;
  ngx_event_t *read;
  ngx_event_t *write;
  int fd;
};

struct ngx_http_request_s {
  ngx_connection_t *connection;
};

typedef struct ngx_http_core_loc_conf_s {
  ngx_http_handler_pt handler;
} ngx_http_core_loc_conf_t;

#define NGX_OK 0
#endif
