/* src/graph/network.c -- the neighbourhood of an actor for the graph view:
** nodes out to a depth, and between them one edge per (subject, object,
** predicate) with its number of claims and of independent documents.
** A view stays readable up to ~150 nodes, so each node brings at most
** NET_PER_NODE neighbours (those with the most claims) and the whole at most
** NET_NODES. */
#include "graph/graph_int.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NET_NODES 150
#define NET_PER_NODE 40

typedef struct netnode { int64_t id; int depth; } netnode;

static int have(const netnode *n, int nn, int64_t id)
{
    for (int i = 0; i < nn; i++) if (n[i].id == id) return i;
    return -1;
}

int graph_network(store *s, const char *actor, int depth, const graph_filter *f, json_t **out)
{
    netnode nodes[NET_NODES];
    int nn = 0;
    int64_t id;
    buf fs, sql;
    graph_params p = { 0 };
    store_stmt *nb = NULL, *eq = NULL;
    json_t *jn = json_array(), *je = json_array(), *center = NULL;
    char err[256] = "";
    int rc;

    *out = NULL;
    buf_init(&fs);
    buf_init(&sql);
    if (!jn || !je) { rc = DOTS_ENOMEM; goto out; }
    if (depth <= 0) depth = 1;
    if (depth > 3) depth = 3;
    if ((rc = store_actor_find(s, actor, &id)) || (rc = graph_actor_ref(s, id, &center))) goto out;
    buf_puts(&fs, "");
    if ((rc = graph_filter_sql(s, f, &fs, &p, err, sizeof err))) {
        if (err[0]) snprintf(s->err, sizeof s->err, "%s", err);
        goto out;
    }
    buf_printf(&sql, "SELECT nb, count(*) FROM ("
               "SELECT c.object AS nb FROM claims c WHERE c.subject = ?%s "
               "UNION ALL SELECT c.subject AS nb FROM claims c WHERE c.object = ?%s) AS t "
               "GROUP BY nb ORDER BY 2 DESC, nb LIMIT %d", fs.s, fs.s, NET_PER_NODE);
    if ((rc = store_prepare(s, sql.s, &nb))) goto out;
    nodes[nn++] = (netnode){ id, 0 };
    for (int d = 0; d < depth; d++) {
        int n0 = nn;
        for (int i = 0; i < n0 && nn < NET_NODES; i++) {
            if (nodes[i].depth != d) continue;
            store_bind_int(nb, 1, nodes[i].id);
            graph_params_bind(nb, &p, 2);
            store_bind_int(nb, 2 + p.n, nodes[i].id);
            graph_params_bind(nb, &p, 3 + p.n);
            while ((rc = store_step(nb)) == 1 && nn < NET_NODES) {
                int64_t m = store_col_int(nb, 0);
                if (have(nodes, nn, m) < 0) nodes[nn++] = (netnode){ m, d + 1 };
            }
            store_reset(nb);
            if (rc < 0) goto out;
        }
    }
    for (int i = 0; i < nn; i++) {
        json_t *r;
        if ((rc = graph_actor_ref(s, nodes[i].id, &r))) goto out;
        json_object_set_new(r, "depth", json_integer(nodes[i].depth));
        json_array_append_new(jn, r);
    }
    /* Edges: every claim from a node to another node of the view. */
    buf_reset(&sql);
    buf_printf(&sql, "SELECT c.object, c.predicate, count(*), count(DISTINCT c.doc_id) "
               "FROM claims c WHERE c.subject = ?%s GROUP BY c.object, c.predicate", fs.s);
    if ((rc = store_prepare(s, sql.s, &eq))) goto out;
    for (int i = 0; i < nn; i++) {
        store_bind_int(eq, 1, nodes[i].id);
        graph_params_bind(eq, &p, 2);
        while ((rc = store_step(eq)) == 1) {
            int64_t o = store_col_int(eq, 0);
            if (have(nodes, nn, o) < 0) continue;
            json_array_append_new(je, json_pack("{s:I, s:I, s:s, s:I, s:I}",
                "source", (json_int_t)nodes[i].id, "target", (json_int_t)o,
                "predicate", store_col_text(eq, 1), "claims", (json_int_t)store_col_int(eq, 2),
                "documents", (json_int_t)store_col_int(eq, 3)));
        }
        store_reset(eq);
        if (rc < 0) goto out;
    }
    *out = json_pack("{s:o, s:i, s:o, s:o}", "center", center, "depth", depth, "nodes", jn,
                     "edges", je);
    center = jn = je = NULL;
    rc = *out ? DOTS_OK : DOTS_ENOMEM;
out:
    store_finalize(nb);
    store_finalize(eq);
    graph_params_fini(&p);
    json_decref(jn);
    json_decref(je);
    json_decref(center);
    buf_fini(&fs);
    buf_fini(&sql);
    return rc;
}
