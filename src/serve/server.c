/* src/serve/server.c -- the libmicrohttpd daemon: bind, accept, collect the
** body, check the request, run the route, send the reply with its headers.
** Facts that shaped it:
** - libmicrohttpd calls the access handler several times per request: first
**   with the headers only, then once per body chunk, then with no data. A
**   reply can be queued only on the first call (421, 403, 401, or 413 for an
**   announced length: the body is then never read and the connection closes)
**   or on the last one.
** - Worker threads come from MHD's pool (cfg->threads). A store handle serves
**   one thread at a time, so the server keeps one slot per thread and a
**   request borrows a slot only while its handler runs.
** - The page lives on loopback, so the dangers are other web pages in the same
**   browser: DNS rebinding (a foreign name resolving to 127.0.0.1: the Host
**   check stops it), cross-site requests (Sec-Fetch-Site, Origin, a CSRF token
**   header and the write token in Authorization stop them) and markup inside
**   documents (the CSP below forbids inline script; the page writes text with
**   textContent only). */
#include "serve/serve_int.h"
#include "dots.h"

#include <errno.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define CSP "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " \
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "       \
            "form-action 'none'; frame-ancestors 'none'"

/* ---- Slots: one store handle per worker thread ---------------------------- */

static serve_slot *slot_take(serve *s)
{
    serve_slot *slot = NULL;
    pthread_mutex_lock(&s->lock);
    for (;;) {
        for (size_t i = 0; i < s->nslots && !slot; i++)
            if (!s->slots[i].busy) slot = &s->slots[i];
        if (slot) break;
        pthread_cond_wait(&s->freed, &s->lock);
    }
    slot->busy = 1;
    pthread_mutex_unlock(&s->lock);
    return slot;
}

static void slot_give(serve *s, serve_slot *slot)
{
    if (!slot) return;
    pthread_mutex_lock(&s->lock);
    slot->busy = 0;
    pthread_cond_signal(&s->freed);
    pthread_mutex_unlock(&s->lock);
}

store *serve_store(serve_req *r)
{
    char err[256];
    if (!r->slot) r->slot = slot_take(r->srv);
    if (!r->slot->st && store_open(r->srv->db, &r->slot->st, err, sizeof err) != DOTS_OK) {
        r->slot->st = NULL;
        reply_error(r, 503, "cannot open the store: %s", err);
        return NULL;
    }
    return r->slot->st;
}

dots_pipeline *serve_pipeline(serve_req *r)
{
    char err[256] = "";
    if (!serve_store(r)) return NULL;
    if (!r->slot->pipe && !(r->slot->pipe = pipeline_new(err, sizeof err))) {
        reply_error(r, 503, "cannot load the pipeline: %s", err);
        return NULL;
    }
    return r->slot->pipe;
}

/* ---- Request helpers ------------------------------------------------------ */

const char *serve_arg(serve_req *r, const char *name)
{
    const char *v = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
    return v && *v ? v : NULL;
}

const char *serve_header(serve_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

int serve_int_arg(serve_req *r, const char *name, int def, int lo, int hi, int *out)
{
    const char *v = serve_arg(r, name);
    char *end;
    long n;

    *out = def;
    if (!v) return 0;
    errno = 0;
    n = strtol(v, &end, 10);
    if (errno || *end || end == v || n < lo || n > hi) {
        reply_error(r, 400, "%s must be an integer from %d to %d", name, lo, hi);
        return -1;
    }
    *out = (int)n;
    return 0;
}

void serve_filter(serve_req *r, graph_filter *f)
{
    f->predicate = serve_arg(r, "predicate");
    f->since = serve_arg(r, "since");
    f->until = serve_arg(r, "until");
    f->source = serve_arg(r, "source");
    f->origin = serve_arg(r, "origin");
}

json_t *serve_body_json(serve_req *r)
{
    json_error_t e;
    json_t *j = json_loadb(r->body.s ? r->body.s : "", r->body.len, 0, &e);
    if (!j) {
        reply_error(r, 400, "body is not JSON: %s at line %d column %d", e.text, e.line,
                    e.column);
        return NULL;
    }
    if (!json_is_object(j)) {
        json_decref(j);
        reply_error(r, 400, "body must be a JSON object");
        return NULL;
    }
    return j;
}

/* ---- Checks --------------------------------------------------------------- */

static int host_ok(serve *s, const char *host)
{
    if (!host) return 0;
    for (size_t i = 0; i < s->nhosts; i++)
        if (strcasecmp(host, s->hosts[i]) == 0) return 1;
    return 0;
}

/* Compare without an early exit, so the time taken says nothing about the token. */
int serve_token_eq(const char *a, const char *b)
{
    size_t la = a ? strlen(a) : 0, lb = strlen(b);
    unsigned char d = la != lb;
    for (size_t i = 0; i < lb; i++) d |= (unsigned char)((i < la ? a[i] : 0) ^ b[i]);
    return d == 0;
}

/* Returns 0, or sets the error reply. */
static int check_write(serve_req *r)
{
    const char *auth = serve_header(r, "Authorization");
    const char *origin = serve_header(r, "Origin");
    const char *site = serve_header(r, "Sec-Fetch-Site");
    const char *host = serve_header(r, "Host");

    if (!auth || strncasecmp(auth, "Bearer ", 7) != 0 || !serve_token_eq(auth + 7, r->srv->token))
        return reply_error(r, 401, "writes need the write token: Authorization: Bearer "
                                   "<token from %s>", r->srv->token_path), -1;
    /* A browser says where a request comes from; then it must be our own page. */
    if (site && strcmp(site, "same-origin") != 0)
        return reply_error(r, 403, "cross-site write refused (Sec-Fetch-Site: %s)", site), -1;
    if (origin) {
        char want[300];
        snprintf(want, sizeof want, "http://%s", host ? host : "");
        if (strcasecmp(origin, want) != 0)
            return reply_error(r, 403, "write from a foreign origin refused: %s", origin), -1;
    }
    if ((origin || site) && !serve_token_eq(serve_header(r, "X-CSRF-Token"), r->srv->csrf))
        return reply_error(r, 403, "missing or wrong X-CSRF-Token (get it from /api/session)"), -1;
    return 0;
}

/* Checks that need only the headers; 0 to go on, else an error reply is set. */
static int check_request(serve_req *r)
{
    const char *site = serve_header(r, "Sec-Fetch-Site");
    const char *len = serve_header(r, "Content-Length");

    if (!host_ok(r->srv, serve_header(r, "Host")))
        return reply_error(r, 421, "unexpected Host header (this server answers to %s)",
                           r->srv->hosts[0]), -1;
    /* Other sites may not even read the API (nor include it as a script). */
    if (site && strcmp(site, "cross-site") == 0 && strncmp(r->path, "/api/", 5) == 0)
        return reply_error(r, 403, "cross-site request refused"), -1;
    if (len && strtoull(len, NULL, 10) > r->srv->max_body)
        return reply_error(r, 413, "request body over %zu bytes", r->srv->max_body), -1;
    if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0 &&
        strcmp(r->method, "POST") != 0)
        return r->allow = "GET, HEAD, POST",
               reply_error(r, 405, "method %s not allowed", r->method), -1;
    if (serve_route_is_write(r->method, r->path)) return check_write(r);
    return 0;
}

/* ---- Replies -------------------------------------------------------------- */

static void add_headers(serve_req *r, struct MHD_Response *resp)
{
    MHD_add_response_header(resp, "Content-Security-Policy", CSP);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
    MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
    MHD_add_response_header(resp, "Cache-Control", r->cache ? "no-cache" : "no-store");
    if (r->allow) MHD_add_response_header(resp, "Allow", r->allow);
    if (r->filename) {
        char cd[128];
        snprintf(cd, sizeof cd, "attachment; filename=\"%s\"", r->filename);
        MHD_add_response_header(resp, "Content-Disposition", cd);
    }
}

static enum MHD_Result send_reply(serve_req *r)
{
    struct MHD_Response *resp;
    enum MHD_Result ok;

    if (!r->status) reply_error(r, 500, "no reply");
    if (r->data) {
        resp = MHD_create_response_from_buffer(r->data_len, (void *)r->data,
                                               MHD_RESPMEM_PERSISTENT);
    } else if (r->json) {
        /* jansson allocates with malloc: MHD frees the text itself, no copy (an
        ** actor with 1000 claims is ~450 KB of JSON). */
        size_t flags = serve_arg(r, "pretty") ? JSON_INDENT(2) : JSON_COMPACT;
        char *s = json_dumps(r->json, flags);
        if (!s) return MHD_NO;
        resp = MHD_create_response_from_buffer(strlen(s), s, MHD_RESPMEM_MUST_FREE);
        if (!resp) free(s);
        r->ctype = "application/json; charset=utf-8";
    } else {
        size_t n = r->raw.len;
        resp = MHD_create_response_from_buffer(n, buf_steal(&r->raw), MHD_RESPMEM_MUST_FREE);
    }
    if (!resp) return MHD_NO;
    MHD_add_response_header(resp, "Content-Type", r->ctype ? r->ctype : "text/plain");
    add_headers(r, resp);
    ok = MHD_queue_response(r->conn, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    r->queued = 1;
    return ok;
}

/* ---- The access handler --------------------------------------------------- */

static void req_free(serve_req *r)
{
    if (!r) return;
    slot_give(r->srv, r->slot);
    json_decref(r->json);
    buf_fini(&r->body);
    buf_fini(&r->raw);
    free(r->method);
    free(r->path);
    free(r->args[0]);
    free(r->args[1]);
    free(r);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload, size_t *upload_size, void **ctx)
{
    serve *s = cls;
    serve_req *r = *ctx;

    if (!r) {
        if (!(r = calloc(1, sizeof *r))) return MHD_NO;
        r->srv = s;
        r->conn = c;
        r->method = strdup(method);
        r->path = strdup(url);
        *ctx = r;
        if (!r->method || !r->path) return MHD_NO;
        if (check_request(r) != 0) return send_reply(r);
        return MHD_YES;
    }
    if (r->queued) {                 /* refused early: drop whatever still comes */
        *upload_size = 0;
        return MHD_YES;
    }
    if (*upload_size) {
        /* MHD can only reply once the body is in, so a body that outgrows the limit
        ** without announcing its length is drained (up to 4 times the limit, then
        ** the connection is cut) and answered with 413 at the end. */
        r->received += *upload_size;
        if (r->received > s->max_body) {
            if (!r->status) reply_error(r, 413, "request body over %zu bytes", s->max_body);
            buf_fini(&r->body);
            *upload_size = 0;
            return r->received > 4 * s->max_body ? MHD_NO : MHD_YES;
        }
        if (buf_append(&r->body, upload, *upload_size)) return MHD_NO;
        *upload_size = 0;
        return MHD_YES;
    }
    if (!r->status) serve_route(r);
    slot_give(s, r->slot);           /* the reply no longer needs the store */
    r->slot = NULL;
    return send_reply(r);
}

static void on_done(void *cls, struct MHD_Connection *c, void **ctx,
                    enum MHD_RequestTerminationCode why)
{
    req_free(*ctx);
    *ctx = NULL;
}

/* ---- Start and stop ------------------------------------------------------- */

static int bind_listen(serve *s, const char *host, int port, char *err, size_t errlen)
{
    struct addrinfo hints = { 0 }, *res = NULL;
    char pstr[16];
    int fd = -1, one = 1, rc;

    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    snprintf(pstr, sizeof pstr, "%d", port);
    if ((rc = getaddrinfo(host, pstr, &hints, &res)) != 0)
        return base_err(err, errlen, DOTS_EINVAL, "listen address %s: %s", host,
                        gai_strerror(rc));
    for (struct addrinfo *a = res; a; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 && listen(fd, 128) == 0) break;
        rc = errno;
        close(fd);
        fd = -1;
        errno = rc;
    }
    freeaddrinfo(res);
    if (fd < 0)
        return base_err(err, errlen, DOTS_EIO, "cannot listen on %s:%d: %s", host, port,
                        strerror(errno));
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    getsockname(fd, (struct sockaddr *)&ss, &sl);
    s->port = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                             : ((struct sockaddr_in *)&ss)->sin_port);
    s->listen_fd = fd;
    return DOTS_OK;
}

static int add_host(serve *s, const char *fmt, ...)
{
    va_list ap;
    char h[300], **p;
    va_start(ap, fmt);
    vsnprintf(h, sizeof h, fmt, ap);
    va_end(ap);
    if (host_ok(s, h)) return DOTS_OK;
    if (!(p = realloc(s->hosts, (s->nhosts + 1) * sizeof *p))) return DOTS_ENOMEM;
    s->hosts = p;
    if (!(p[s->nhosts] = strdup(h))) return DOTS_ENOMEM;
    s->nhosts++;
    return DOTS_OK;
}

/* The Host values a browser sends for this server; anything else is a rebinding. */
static int allow_hosts(serve *s, const serve_config *cfg)
{
    const char *h = cfg->host;
    int bracket = strchr(h, ':') != NULL;       /* a literal IPv6 address */
    int rc = add_host(s, bracket ? "[%s]:%d" : "%s:%d", h, s->port);
    rc |= add_host(s, "127.0.0.1:%d", s->port);
    rc |= add_host(s, "localhost:%d", s->port);
    rc |= add_host(s, "[::1]:%d", s->port);
    if (s->port == 80) rc |= add_host(s, "%s", h) | add_host(s, "localhost");
    if (cfg->allow_host) rc |= add_host(s, "%s", cfg->allow_host);
    return rc ? DOTS_ENOMEM : DOTS_OK;
}

int serve_start(const serve_config *cfg, serve **out, char *err, size_t errlen)
{
    serve *s = NULL;
    int rc = DOTS_ENOMEM, is_url;
    char *tp = NULL;

    size_t nassets;

    *out = NULL;
    serve_assets(&nassets);                  /* fills the asset table before any thread */
    if (!(s = calloc(1, sizeof *s))) return base_err(err, errlen, rc, "out of memory");
    s->listen_fd = -1;
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->freed, NULL);
    s->max_body = cfg->max_body ? cfg->max_body : 5u << 20;
    s->ingest_ms = cfg->ingest_ms ? cfg->ingest_ms : 120000u;
    s->nslots = cfg->threads > 0 ? (size_t)cfg->threads : 4;
    if (!(s->db = strdup(cfg->db)) || !(s->slots = calloc(s->nslots, sizeof *s->slots)))
        goto fail;

    /* Open one handle now, so that a bad database fails at start, not on a click. */
    if ((rc = store_open(s->db, &s->slots[0].st, err, errlen)) != DOTS_OK) goto fail;

    is_url = strstr(s->db, "://") != NULL;
    if (cfg->token_file) tp = strdup(cfg->token_file);
    else if (is_url) tp = strdup("dots.token");
    else if ((tp = malloc(strlen(s->db) + 7))) sprintf(tp, "%s.token", s->db);
    if (!(s->token_path = tp)) { rc = DOTS_ENOMEM; goto fail; }
    if ((rc = serve_token_load(s->token_path, s->token, &s->token_created, err, errlen)))
        goto fail;
    if ((rc = serve_random_hex(s->csrf, err, errlen))) goto fail;

    if ((rc = bind_listen(s, cfg->host ? cfg->host : "127.0.0.1", cfg->port, err, errlen)))
        goto fail;
    serve_config c2 = *cfg;
    if (!c2.host) c2.host = "127.0.0.1";
    if ((rc = allow_hosts(s, &c2))) goto fail;

    s->daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO, 0, NULL, NULL, on_request, s,
        MHD_OPTION_LISTEN_SOCKET, s->listen_fd,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)s->nslots,
        MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout_s ? cfg->timeout_s : 30u,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
        MHD_OPTION_CONNECTION_LIMIT, 512u,
        MHD_OPTION_NOTIFY_COMPLETED, on_done, s,
        MHD_OPTION_END);
    if (!s->daemon) {
        rc = base_err(err, errlen, DOTS_EIO, "cannot start the HTTP daemon on port %d",
                      s->port);
        goto fail;
    }
    s->listen_fd = -1;                       /* MHD_stop_daemon closes it now */
    *out = s;
    return DOTS_OK;
fail:
    serve_stop(s);
    return rc;
}

void serve_stop(serve *s)
{
    struct timespec until;

    if (!s) return;
    if (s->daemon) MHD_stop_daemon(s->daemon);
    /* Give abandoned pipeline threads (limit.c) 10 s to finish and free their
    ** documents; one that loops for ever is left behind, and with it s. */
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 10;
    pthread_mutex_lock(&s->lock);
    while (s->runners > 0 && pthread_cond_timedwait(&s->freed, &s->lock, &until) == 0) {}
    int left = s->runners;
    pthread_mutex_unlock(&s->lock);
    if (left) return;
    if (s->listen_fd >= 0) close(s->listen_fd);
    for (size_t i = 0; i < s->nslots; i++) {
        store_close(s->slots[i].st);
        pipeline_free(s->slots[i].pipe);
    }
    for (size_t i = 0; i < s->nhosts; i++) free(s->hosts[i]);
    free(s->hosts);
    free(s->slots);
    free(s->db);
    free(s->token_path);
    pthread_mutex_destroy(&s->lock);
    pthread_cond_destroy(&s->freed);
    free(s);
}

int serve_port(const serve *s) { return s->port; }
const char *serve_token(const serve *s) { return s->token; }
const char *serve_token_path(const serve *s) { return s->token_path; }
int serve_token_created(const serve *s) { return s->token_created; }
