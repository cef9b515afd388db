/* src/serve/api_graph.c -- questions across the network: evidence paths
** between two actors, the dated claims of an actor or a pair, and exports.
** Path search grows with hops^degree, so hops stop at 6 and k at 20. */
#include "serve/serve_int.h"
#include "dots.h"

#include <string.h>

int api_path(serve_req *r)
{
    const char *from = serve_arg(r, "from"), *to = serve_arg(r, "to");
    graph_filter f;
    json_t *j = NULL;
    store *st;
    int hops, k;

    if (!from || !to) return reply_error(r, 400, "from and to are required: "
                                                 "/api/path?from=iran&to=taliban");
    if (serve_int_arg(r, "hops", 3, 1, 6, &hops) || serve_int_arg(r, "k", 5, 1, 20, &k))
        return r->status;
    serve_filter(r, &f);
    if (!(st = serve_store(r))) return r->status;
    int rc = graph_path(st, from, to, hops, k, &f, &j);
    return reply_rc(r, rc, j, "path");
}

int api_timeline(serve_req *r)
{
    const char *actor = serve_arg(r, "actor"), *with = serve_arg(r, "with");
    json_t *j = NULL;
    store *st;

    if (!actor) return reply_error(r, 400, "actor is required: /api/timeline?actor=iran");
    if (!(st = serve_store(r))) return r->status;
    int rc = graph_timeline(st, actor, with, &j);
    return reply_rc(r, rc, j, "timeline");
}

static const struct { const char *format, *ctype; } formats[] = {
    { "graphml", "application/xml; charset=utf-8" },
    { "gexf",    "application/xml; charset=utf-8" },
    { "csv",     "text/csv; charset=utf-8" },
    { "jsonl",   "application/x-ndjson; charset=utf-8" },
    { "ftm",     "application/x-ndjson; charset=utf-8" },
};

int api_export(serve_req *r)
{
    static const char *names[] = { "dots.graphml", "dots.gexf", "dots.csv", "dots.jsonl",
                                   "dots.ftm.jsonl" };
    const char *format = serve_arg(r, "format");
    graph_filter f;
    store *st;
    buf b;
    int rc;

    if (!format) format = "jsonl";
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        if (strcmp(format, formats[i].format) != 0) continue;
        serve_filter(r, &f);
        if (!(st = serve_store(r))) return r->status;
        buf_init(&b);
        if ((rc = graph_export(st, format, &f, &b)) != DOTS_OK) {
            buf_fini(&b);
            return reply_rc(r, rc, NULL, "export");
        }
        r->filename = names[i];
        return reply_raw(r, 200, formats[i].ctype, &b);
    }
    return reply_error(r, 400, "format must be graphml, gexf, csv, jsonl or ftm, not %s",
                       format);
}
