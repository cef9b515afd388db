/* src/serve/api_actors.c -- the read endpoints about actors: stats, search
** (the page's suggestions as the analyst types), one actor's profile, its
** network for the graph view and its claims. The graph module builds every
** answer; this file checks arguments and maps status codes. Limits keep one
** request from asking for the whole store: search 100, claims 5000, depth 3. */
#include "serve/serve_int.h"
#include "dots.h"

int api_stats(serve_req *r)
{
    store *st = serve_store(r);
    json_t *j = NULL;
    if (!st) return r->status;
    int rc = graph_stats(st, &j);
    return reply_rc(r, rc, j, "stats");
}

int api_search(serve_req *r)
{
    const char *q = serve_arg(r, "q");
    json_t *j = NULL;
    store *st;
    int limit;

    if (!q) return reply_error(r, 400, "q is required: /api/search?q=iran");
    if (serve_int_arg(r, "limit", 10, 1, 100, &limit)) return r->status;
    if (!(st = serve_store(r))) return r->status;
    int rc = graph_search(st, q, limit, &j);
    return reply_rc(r, rc, j, "search");
}

int api_actor(serve_req *r)
{
    store *st = serve_store(r);
    json_t *j = NULL;
    if (!st) return r->status;
    int rc = graph_actor(st, r->args[0], &j);
    return reply_rc(r, rc, j, r->args[0]);
}

int api_network(serve_req *r)
{
    const char *actor = serve_arg(r, "actor");
    graph_filter f;
    json_t *j = NULL;
    store *st;
    int depth;

    if (!actor) return reply_error(r, 400, "actor is required: /api/network?actor=iran");
    if (serve_int_arg(r, "depth", 1, 1, 3, &depth)) return r->status;
    serve_filter(r, &f);
    if (!(st = serve_store(r))) return r->status;
    int rc = graph_network(st, actor, depth, &f, &j);
    return reply_rc(r, rc, j, actor);
}

int api_claims(serve_req *r)
{
    const char *actor = serve_arg(r, "actor");
    graph_filter f;
    json_t *j = NULL;
    store *st;
    int limit;

    if (serve_int_arg(r, "limit", 200, 1, 5000, &limit)) return r->status;
    serve_filter(r, &f);
    if (!(st = serve_store(r))) return r->status;
    int rc = graph_claims(st, actor, &f, limit, &j);
    return reply_rc(r, rc, j, actor ? actor : "claims");
}
