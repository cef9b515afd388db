/* src/serve/serve.h -- the HTTP server behind `dots serve`: a JSON API under
** /api/ and the workbench page (HTML, CSS, JavaScript and cytoscape.js, all
** compiled into the binary). It runs on libmicrohttpd with a pool of threads;
** each thread borrows a store handle (and, for ingest, a pipeline) from a pool
** sized to the thread count, because a store handle serves one thread at a time.
** Reads are open; writes need the write token kept next to the database.
** Library code: it never prints; the CLI reports what serve_start says. */
#ifndef DOTS_SERVE_H
#define DOTS_SERVE_H

#include <stddef.h>

typedef struct serve_config {
    const char *db;             /* store url or path, as for store_open */
    const char *host;           /* listen address: "127.0.0.1", "::1", "localhost" */
    int port;                   /* 0 = any free port (see serve_port) */
    const char *token_file;     /* NULL = "<db>.token" (or "dots.token" for a URL) */
    const char *allow_host;     /* an extra Host header value to accept, or NULL */
    int threads;                /* worker threads, 0 = 4 */
    size_t max_body;            /* bytes, 0 = 5 MB; bigger bodies get 413 */
    unsigned timeout_s;         /* idle connection timeout, 0 = 30 s */
    unsigned ingest_ms;         /* time limit for analysing one document, 0 = 120 s */
} serve_config;

typedef struct serve serve;

/* Open the store, load or create the write token, bind and start serving.
** Returns DOTS_OK and *out (caller calls serve_stop), or DOTS_E* with err set. */
int serve_start(const serve_config *cfg, serve **out, char *err, size_t errlen);
void serve_stop(serve *s);                    /* NULL is fine; waits for requests */

int serve_port(const serve *s);               /* the port actually bound */
const char *serve_token(const serve *s);      /* the write token (64 hex digits) */
const char *serve_token_path(const serve *s);
int serve_token_created(const serve *s);      /* 1 if this start created it */

/* Load the token from path, or create it there (mode 0600, 32 bytes from
** getrandom as 64 hex digits) when the file does not exist. */
int serve_token_load(const char *path, char tok[65], int *created, char *err, size_t errlen);

#endif
