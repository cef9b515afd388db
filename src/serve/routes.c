/* src/serve/routes.c -- the one table of what the server answers. A pattern
** segment ":x" captures one path segment (already percent-decoded by
** libmicrohttpd), so /api/actors/Hossein%20Ansari reaches api_actor with
** "Hossein Ansari". Routes flagged ROUTE_WRITE change the store and need the
** write token (checked in server.c before any body is read). Anything outside
** /api/ is the page. */
#include "serve/serve_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct serve_route_def {
    const char *method;
    const char *pattern;
    serve_handler fn;
    int flags;
} serve_route_def;

static const serve_route_def routes[] = {
    { "GET",  "/api/session",            api_session, 0 },  /* csrf token, auth check */
    { "GET",  "/api/stats",              api_stats,   0 },
    { "GET",  "/api/search",             api_search,  0 },  /* ?q=&limit= */
    { "GET",  "/api/actors/:id",         api_actor,   0 },
    { "GET",  "/api/network",            api_network, 0 },  /* ?actor=&depth=&filters */
    { "GET",  "/api/claims",             api_claims,  0 },  /* ?actor=&filters&limit= */
    { "GET",  "/api/path",               api_path,    0 },  /* ?from=&to=&hops=&k= */
    { "GET",  "/api/timeline",           api_timeline, 0 }, /* ?actor=&with= */
    { "GET",  "/api/documents/:id",      api_document, 0 },
    { "GET",  "/api/export",             api_export,  0 },  /* ?format=&filters */
    { "POST", "/api/documents",          api_ingest,  ROUTE_WRITE },
    { "POST", "/api/claims/:id/review",  api_review,  ROUTE_WRITE },
    { "POST", "/api/actors/merge",       api_merge,   ROUTE_WRITE },
};

/* Match path against pattern; captures go to args (malloc'd) when args != NULL. */
static int match(const char *pattern, const char *path, char **args)
{
    const char *p = pattern, *u = path;
    int n = 0;

    while (*p && *u) {
        if (*p == ':') {
            const char *e = strchr(u, '/');
            size_t len = e ? (size_t)(e - u) : strlen(u);
            if (len == 0 || n >= 2) return 0;
            if (args && !(args[n] = strndup(u, len))) return 0;
            n++;
            u += len;
            p += strcspn(p, "/");
            continue;
        }
        if (*p != *u) return 0;
        p++, u++;
    }
    return *p == 0 && *u == 0;
}

static const char *as_route_method(const char *m)
{
    return strcmp(m, "HEAD") == 0 ? "GET" : m;   /* MHD leaves out HEAD's body */
}

int serve_route_is_write(const char *method, const char *path)
{
    for (size_t i = 0; i < sizeof routes / sizeof *routes; i++)
        if ((routes[i].flags & ROUTE_WRITE) && strcmp(routes[i].method, method) == 0 &&
            match(routes[i].pattern, path, NULL))
            return 1;
    return 0;
}

int serve_route(serve_req *r)
{
    const char *m = as_route_method(r->method);
    int path_known = 0;

    if (strncmp(r->path, "/api/", 5) != 0) {
        if (strcmp(m, "GET") != 0)
            return r->allow = "GET, HEAD", reply_error(r, 405, "the page is read-only");
        return serve_asset(r);
    }
    for (size_t i = 0; i < sizeof routes / sizeof *routes; i++) {
        if (!match(routes[i].pattern, r->path, NULL)) continue;
        path_known = 1;
        if (strcmp(routes[i].method, m) != 0) continue;
        if (!match(routes[i].pattern, r->path, r->args)) return reply_error(r, 500, "no memory");
        return routes[i].fn(r);
    }
    if (path_known) {
        r->allow = strcmp(m, "GET") == 0 ? "POST" : "GET, HEAD";
        return reply_error(r, 405, "%s not allowed on %s", r->method, r->path);
    }
    return reply_error(r, 404, "no such endpoint: %s", r->path);
}
