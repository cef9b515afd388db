/* src/serve/serve_int.h -- what the files of src/serve share: the server, one
** request as the handlers see it, the route table and the reply helpers.
** A request lives from the first callback of libmicrohttpd to its completion
** callback; everything it allocates is released there in one place (req_free).
** A handler returns the HTTP status and leaves the body in the request (json,
** raw bytes or a static asset); server.c turns that into the response and adds
** the security headers to every reply, errors included. */
#ifndef DOTS_SERVE_INT_H
#define DOTS_SERVE_INT_H

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>

#include "base/base.h"
#include "doc/pipeline.h"
#include "graph/graph.h"
#include "serve/serve.h"
#include "store/store.h"

/* One store handle (and a pipeline, made on the first ingest) per worker thread. */
typedef struct serve_slot {
    store *st;
    dots_pipeline *pipe;
    int busy;
} serve_slot;

struct serve {
    struct MHD_Daemon *daemon;
    char *db;
    int port;
    int listen_fd;
    size_t max_body;
    char token[65];               /* write token */
    char csrf[65];                /* per-process token the page sends on writes */
    char *token_path;
    int token_created;
    char **hosts;                 /* accepted Host header values */
    size_t nhosts;
    serve_slot *slots;
    size_t nslots;
    unsigned ingest_ms;           /* time limit for the pipeline on one document */
    int runners;                  /* abandoned pipeline threads still running */
    pthread_mutex_t lock;
    pthread_cond_t freed;         /* a slot was given back, or a runner ended */
};

typedef struct serve_req {
    struct serve *srv;
    struct MHD_Connection *conn;
    char *method, *path;
    char *args[2];                /* the :params of the matched route */
    buf body;                     /* request body, at most srv->max_body */
    size_t received;              /* body bytes seen, kept or not */
    serve_slot *slot;             /* borrowed while the handler runs */
    int queued;                   /* a response has been queued */
    /* the reply */
    int status;
    json_t *json;
    buf raw;
    const char *ctype;
    const char *filename;         /* Content-Disposition: attachment */
    const char *allow;            /* Allow header for 405 */
    const unsigned char *data;    /* a static asset */
    size_t data_len;
    int cache;                    /* may be cached (static assets) */
} serve_req;

typedef int (*serve_handler)(serve_req *r);

enum { ROUTE_WRITE = 1 };

/* ---- routes.c ------------------------------------------------------------ */
/* Find and run the handler for r->method and r->path (writes are checked by
** the caller first). Returns the HTTP status. */
int serve_route(serve_req *r);
/* 1 when method+path name a write route (needs the token). */
int serve_route_is_write(const char *method, const char *path);

/* ---- reply.c ------------------------------------------------------------- */
int reply_json(serve_req *r, int status, json_t *j);            /* steals j */
int reply_error(serve_req *r, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* DOTS_OK -> 200 with j; otherwise the status that rc means, with the store's message.
** Call the query first and pass its result: argument order is unspecified in C. */
int reply_rc(serve_req *r, int rc, json_t *j, const char *what);
int reply_raw(serve_req *r, int status, const char *ctype, buf *b);  /* steals b's bytes */

/* ---- request helpers (server.c) ------------------------------------------ */
const char *serve_arg(serve_req *r, const char *name);  /* query argument; NULL if empty */
const char *serve_header(serve_req *r, const char *name);
/* Integer query argument in [lo, hi], def when absent; 0 ok, else an error reply was set. */
int serve_int_arg(serve_req *r, const char *name, int def, int lo, int hi, int *out);
void serve_filter(serve_req *r, graph_filter *f);
/* 64 hex digits of 32 bytes from getrandom into out (NUL-terminated; token.c).
** Used for the write token and the per-process CSRF token. */
int serve_random_hex(char out[65], char *err, size_t errlen);
/* Constant-time comparison of a presented token (may be NULL) with ours. */
int serve_token_eq(const char *given, const char *ours);
/* The request body as a JSON object (400 reply set and NULL when it is not). */
json_t *serve_body_json(serve_req *r);
/* Borrow this request's store handle (NULL with a 503 reply set on failure). */
store *serve_store(serve_req *r);
dots_pipeline *serve_pipeline(serve_req *r);

/* ---- limit.c ------------------------------------------------------------- */
/* pipeline_run(p, d) with a time limit. On timeout returns DOTS_EIO with
** *abandoned = 1: p and d now belong to the running thread (do not free or use
** them; the slot needs a new pipeline). */
int serve_run_pipeline(serve *s, dots_pipeline *p, dots_doc *d, unsigned limit_ms,
                       int *abandoned);

/* ---- handlers, one file per group ---------------------------------------- */
int api_session(serve_req *r);      /* api_session.c */
int api_stats(serve_req *r);        /* api_actors.c */
int api_search(serve_req *r);
int api_actor(serve_req *r);
int api_network(serve_req *r);
int api_claims(serve_req *r);
int api_path(serve_req *r);         /* api_graph.c */
int api_timeline(serve_req *r);
int api_export(serve_req *r);
int api_document(serve_req *r);     /* api_docs.c */
int api_ingest(serve_req *r);
int api_review(serve_req *r);       /* api_review.c */
int api_merge(serve_req *r);
int serve_asset(serve_req *r);      /* assets.c: the page */

/* ---- assets (generated into ${CMAKE_BINARY_DIR}/gen by cmake/serve.cmake) - */
typedef struct serve_asset_entry {
    const char *path;             /* "/app.js" */
    const char *ctype;
    const unsigned char *data;
    size_t len;
} serve_asset_entry;
const serve_asset_entry *serve_assets(size_t *n);

#endif
