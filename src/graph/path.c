/* src/graph/path.c -- evidence paths between two actors, and the neighbourhood
** of one actor for the graph view.
** Paths: bidirectional breadth-first search over claims taken as undirected
** edges. Each step expands the smaller frontier; the two depths add up to at
** most max_hops. Every node reached from both sides is a meeting point, and
** each shortest route A..m plus m..B is a candidate path (simple paths only,
** at most PATH_MAX_CAND). Candidates are ranked by support -- the fewest
** independent documents behind any one edge -- then by fewer hops, then by
** mean confidence; the top k get their claims and evidence.
** Hubs: a node contributes at most PATH_DEG_CAP neighbours, the ones with the
** most claims, and a frontier at most PATH_FRONTIER nodes, so a country with
** 50,000 claims costs one grouped index scan, not a search over the world. */
#include "graph/graph_int.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PATH_DEG_CAP 200
#define PATH_FRONTIER 4000
#define PATH_MAX_CAND 400
#define PATH_EDGE_CLAIMS 20       /* claims shown per edge */

/* ---- Nodes: id -> index, open addressing --------------------------------- */
typedef struct pnode {
    int64_t id;
    int dist[2];                  /* from A, from B; -1 unreached */
    int *par[2]; int npar[2], cappar[2];
} pnode;

typedef struct pgraph {
    pnode *n; int nn, capn;
    int *slot; int nslot;         /* index + 1, 0 empty */
} pgraph;

static uint64_t mix(int64_t v)
{
    uint64_t x = (uint64_t)v * 0x9E3779B97F4A7C15ull;
    return x ^ (x >> 29);
}

static int node(pgraph *g, int64_t id)
{
    if (g->nn * 2 >= g->nslot) {
        int ns = g->nslot ? g->nslot * 2 : 1024;
        int *sl = calloc((size_t)ns, sizeof *sl);
        if (!sl) return -1;
        for (int i = 0; i < g->nn; i++) {
            uint64_t h = mix(g->n[i].id) & (uint64_t)(ns - 1);
            while (sl[h]) h = (h + 1) & (uint64_t)(ns - 1);
            sl[h] = i + 1;
        }
        free(g->slot);
        g->slot = sl;
        g->nslot = ns;
    }
    uint64_t h = mix(id) & (uint64_t)(g->nslot - 1);
    while (g->slot[h]) {
        if (g->n[g->slot[h] - 1].id == id) return g->slot[h] - 1;
        h = (h + 1) & (uint64_t)(g->nslot - 1);
    }
    if (g->nn == g->capn) {
        int nc = g->capn ? g->capn * 2 : 256;
        pnode *p = realloc(g->n, (size_t)nc * sizeof *p);
        if (!p) return -1;
        g->n = p;
        g->capn = nc;
    }
    pnode *p = &g->n[g->nn];
    memset(p, 0, sizeof *p);
    p->id = id;
    p->dist[0] = p->dist[1] = -1;
    g->slot[h] = g->nn + 1;
    return g->nn++;
}

static int add_par(pnode *p, int side, int par)
{
    if (p->npar[side] == p->cappar[side]) {
        int nc = p->cappar[side] ? p->cappar[side] * 2 : 4;
        int *a = realloc(p->par[side], (size_t)nc * sizeof *a);
        if (!a) return DOTS_ENOMEM;
        p->par[side] = a;
        p->cappar[side] = nc;
    }
    p->par[side][p->npar[side]++] = par;
    return DOTS_OK;
}

static void pgraph_fini(pgraph *g)
{
    for (int i = 0; i < g->nn; i++) { free(g->n[i].par[0]); free(g->n[i].par[1]); }
    free(g->n);
    free(g->slot);
}

/* ---- Search ------------------------------------------------------------- */
typedef struct psearch {
    store *s;
    store_stmt *nb;               /* neighbours of ?, filtered, grouped */
    graph_params fp;              /* filter values, bound twice */
    pgraph g;
} psearch;

static int neighbours_sql(psearch *ps, const graph_filter *f, char *err, size_t errlen)
{
    buf fs, sql;
    int rc;
    buf_init(&fs);
    buf_init(&sql);
    buf_puts(&fs, "");
    if ((rc = graph_filter_sql(ps->s, f, &fs, &ps->fp, err, errlen))) goto out;
    buf_printf(&sql, "SELECT nb, count(*) FROM ("
               "SELECT c.object AS nb FROM claims c WHERE c.subject = ?%s "
               "UNION ALL SELECT c.subject AS nb FROM claims c WHERE c.object = ?%s) AS t "
               "GROUP BY nb ORDER BY 2 DESC LIMIT %d", fs.s, fs.s, PATH_DEG_CAP);
    rc = store_prepare(ps->s, sql.s, &ps->nb);
out:
    buf_fini(&fs);
    buf_fini(&sql);
    return rc;
}

/* Expand every node of side's frontier (the nodes at distance level). */
static int expand(psearch *ps, int side, int level, int *frontier_size)
{
    int rc = DOTS_OK, next = 0;
    int n0 = ps->g.nn;
    for (int i = 0; i < n0 && rc == DOTS_OK; i++) {
        if (ps->g.n[i].dist[side] != level) continue;
        int64_t id = ps->g.n[i].id;
        store_bind_int(ps->nb, 1, id);
        graph_params_bind(ps->nb, &ps->fp, 2);
        store_bind_int(ps->nb, 2 + ps->fp.n, id);
        graph_params_bind(ps->nb, &ps->fp, 3 + ps->fp.n);
        while ((rc = store_step(ps->nb)) == 1) {
            int64_t m = store_col_int(ps->nb, 0);
            if (m == id) continue;
            int k = node(&ps->g, m);
            if (k < 0) { rc = DOTS_ENOMEM; break; }
            pnode *p = &ps->g.n[k];
            if (p->dist[side] < 0) {
                if (next >= PATH_FRONTIER) continue;
                p->dist[side] = level + 1;
                next++;
            }
            if (p->dist[side] == level + 1 && (rc = add_par(p, side, i))) break;
        }
        store_reset(ps->nb);
        if (rc == 0) rc = DOTS_OK;
    }
    *frontier_size = next;
    return rc;
}

/* ---- Candidates --------------------------------------------------------- */
typedef struct ppath { int nodes[16]; int len; double support, conf; } ppath;

typedef struct pcands {
    ppath *p; int n, cap;
} pcands;

static int push_path(pcands *c, const int *nodes, int len)
{
    for (int i = 0; i < len; i++)           /* simple paths only */
        for (int j = i + 1; j < len; j++)
            if (nodes[i] == nodes[j]) return DOTS_OK;
    for (int i = 0; i < c->n; i++)          /* seen through another meeting point */
        if (c->p[i].len == len && memcmp(c->p[i].nodes, nodes, (size_t)len * sizeof *nodes) == 0)
            return DOTS_OK;
    if (c->n == c->cap) {
        int nc = c->cap ? c->cap * 2 : 32;
        ppath *p = realloc(c->p, (size_t)nc * sizeof *p);
        if (!p) return DOTS_ENOMEM;
        c->p = p;
        c->cap = nc;
    }
    memcpy(c->p[c->n].nodes, nodes, (size_t)len * sizeof *nodes);
    c->p[c->n].len = len;
    c->n++;
    return DOTS_OK;
}

/* Routes from the meeting node back to A (side 0) fill path[0..dA] reversed;
** then each route on to B. */
static int walk_b(pgraph *g, pcands *c, int *path, int len, int at)
{
    if (c->n >= PATH_MAX_CAND) return DOTS_OK;
    path[len++] = at;
    if (g->n[at].dist[1] == 0) return push_path(c, path, len);
    for (int i = 0; i < g->n[at].npar[1]; i++) {
        int rc = walk_b(g, c, path, len, g->n[at].par[1][i]);
        if (rc) return rc;
    }
    return DOTS_OK;
}

static int walk_a(pgraph *g, pcands *c, int *path, int pos, int at, int meet)
{
    path[pos] = at;
    if (pos == 0) {
        int len = g->n[meet].dist[0] + 1;
        if (g->n[meet].dist[1] == 0) return push_path(c, path, len);
        int rc = DOTS_OK;
        for (int i = 0; i < g->n[meet].npar[1] && !rc; i++)
            rc = walk_b(g, c, path, len, g->n[meet].par[1][i]);
        return rc;
    }
    for (int i = 0; i < g->n[at].npar[0] && c->n < PATH_MAX_CAND; i++) {
        int rc = walk_a(g, c, path, pos - 1, g->n[at].par[0][i], meet);
        if (rc) return rc;
    }
    return DOTS_OK;
}

/* ---- Edges: support and claims ------------------------------------------ */
typedef struct pedge { int64_t a, b; double support, conf; } pedge;

static int edge_score(psearch *ps, store_stmt *st, pedge **cache, int *ncache, int *cap,
                      int64_t a, int64_t b, double *support, double *conf)
{
    if (a > b) { int64_t t = a; a = b; b = t; }
    for (int i = 0; i < *ncache; i++)
        if ((*cache)[i].a == a && (*cache)[i].b == b) {
            *support = (*cache)[i].support;
            *conf = (*cache)[i].conf;
            return DOTS_OK;
        }
    int n = ps->fp.n;
    store_bind_int(st, 1, a); store_bind_int(st, 2, b);
    graph_params_bind(st, &ps->fp, 3);
    store_bind_int(st, 3 + n, b); store_bind_int(st, 4 + n, a);
    graph_params_bind(st, &ps->fp, 5 + n);
    int rc = store_step(st);
    *support = rc == 1 ? (double)store_col_int(st, 0) : 0;
    *conf = rc == 1 ? store_col_double(st, 1) : 0;
    store_reset(st);
    if (rc < 0) return rc;
    if (*ncache == *cap) {
        int nc = *cap ? *cap * 2 : 64;
        pedge *p = realloc(*cache, (size_t)nc * sizeof *p);
        if (!p) return DOTS_ENOMEM;
        *cache = p;
        *cap = nc;
    }
    (*cache)[(*ncache)++] = (pedge){ a, b, *support, *conf };
    return DOTS_OK;
}

static int by_rank(const void *x, const void *y)
{
    const ppath *a = x, *b = y;
    if (a->support != b->support) return a->support > b->support ? -1 : 1;
    if (a->len != b->len) return a->len - b->len;
    if (a->conf != b->conf) return a->conf > b->conf ? -1 : 1;
    return 0;
}

static int path_json(psearch *ps, const char *claims_sql, const ppath *pp, json_t **out)
{
    json_t *nodes = json_array(), *edges = json_array();
    int rc = DOTS_ENOMEM;

    *out = NULL;
    if (!nodes || !edges) goto fail;
    for (int i = 0; i < pp->len; i++) {
        json_t *r;
        if ((rc = graph_actor_ref(ps->s, ps->g.n[pp->nodes[i]].id, &r))) goto fail;
        json_array_append_new(nodes, r);
    }
    for (int i = 0; i + 1 < pp->len; i++) {
        int64_t a = ps->g.n[pp->nodes[i]].id, b = ps->g.n[pp->nodes[i + 1]].id;
        json_t *claims = json_array(), *preds = json_array();
        int fwd = 0, back = 0;
        /* the claims query binds: a, b, filter..., b, a, filter..., limit */
        store_stmt *st;
        if ((rc = store_prepare(ps->s, claims_sql, &st))) {
            json_decref(claims);
            json_decref(preds);
            goto fail;
        }
        int n = ps->fp.n;
        store_bind_int(st, 1, a); store_bind_int(st, 2, b);
        graph_params_bind(st, &ps->fp, 3);
        store_bind_int(st, 3 + n, b); store_bind_int(st, 4 + n, a);
        graph_params_bind(st, &ps->fp, 5 + n);
        store_bind_int(st, 5 + 2 * n, PATH_EDGE_CLAIMS);
        while ((rc = store_step(st)) == 1) {
            json_t *c = graph_claim_json(st);
            if (!c) { rc = DOTS_ENOMEM; break; }
            const char *pr = json_string_value(json_object_get(c, "predicate"));
            size_t k; json_t *v; int seen = 0;
            json_array_foreach(preds, k, v) if (strcmp(json_string_value(v), pr) == 0) seen = 1;
            if (!seen) json_array_append_new(preds, json_string(pr));
            if (store_col_int(st, 1) == a) fwd = 1; else back = 1;
            json_array_append_new(claims, c);
        }
        store_finalize(st);
        if (rc < 0) { json_decref(claims); json_decref(preds); goto fail; }
        json_t *edge = json_pack("{s:O, s:O, s:s, s:o, s:o}",
            "from", json_array_get(nodes, (size_t)i), "to", json_array_get(nodes, (size_t)i + 1),
            "direction", fwd && back ? "both" : fwd ? "forward" : "backward",
            "predicates", preds, "claims", claims);
        if (!edge) { rc = DOTS_ENOMEM; goto fail; }
        json_array_append_new(edges, edge);
    }
    *out = json_pack("{s:i, s:f, s:f, s:o, s:o}", "hops", pp->len - 1, "support", pp->support,
                     "confidence", pp->conf, "nodes", nodes, "edges", edges);
    return *out ? DOTS_OK : DOTS_ENOMEM;
fail:
    json_decref(nodes);
    json_decref(edges);
    return rc;
}

/* Per-edge support ("support" on the edge objects) from the score cache. */
static void edge_support(json_t *path, const pedge *cache, int ncache)
{
    size_t i; json_t *e;
    json_array_foreach(json_object_get(path, "edges"), i, e) {
        int64_t a = json_integer_value(json_object_get(json_object_get(e, "from"), "id"));
        int64_t b = json_integer_value(json_object_get(json_object_get(e, "to"), "id"));
        if (a > b) { int64_t t = a; a = b; b = t; }
        for (int k = 0; k < ncache; k++)
            if (cache[k].a == a && cache[k].b == b) {
                json_object_set_new(e, "support", json_integer((json_int_t)cache[k].support));
                json_object_set_new(e, "confidence", json_real(cache[k].conf));
            }
    }
}

int graph_path(store *s, const char *from, const char *to, int max_hops, int k,
               const graph_filter *f, json_t **out)
{
    psearch ps = { .s = s };
    pcands cands = { 0 };
    pedge *cache = NULL;
    int ncache = 0, capcache = 0;
    json_t *ra = NULL, *rb = NULL, *paths = json_array();
    store_stmt *score = NULL;
    buf fs, sql, csql;
    int64_t a, b;
    char err[256] = "";
    int rc;

    *out = NULL;
    buf_init(&fs); buf_init(&sql); buf_init(&csql);
    if (!paths) return DOTS_ENOMEM;
    if (max_hops <= 0) max_hops = 3;
    if (max_hops > 6) max_hops = 6;
    if (k <= 0) k = 3;
    if ((rc = store_actor_find(s, from, &a)) || (rc = graph_actor_ref(s, a, &ra))) goto out;
    if ((rc = store_actor_find(s, to, &b)) || (rc = graph_actor_ref(s, b, &rb))) goto out;
    if (a == b) {
        snprintf(s->err, sizeof s->err, "'%s' and '%s' are the same actor", from, to);
        rc = DOTS_EINVAL;
        goto out;
    }
    if ((rc = neighbours_sql(&ps, f, err, sizeof err))) {
        if (err[0]) snprintf(s->err, sizeof s->err, "%s", err);
        goto out;
    }
    int ia = node(&ps.g, a), ib = node(&ps.g, b);
    if (ia < 0 || ib < 0) { rc = DOTS_ENOMEM; goto out; }
    ps.g.n[ia].dist[0] = 0;
    ps.g.n[ib].dist[1] = 0;
    int la = 0, lb = 0, fa = 1, fb = 1;
    while (la + lb < max_hops && (fa || fb)) {
        int side = (fa && (fa <= fb || !fb)) ? 0 : 1;
        int *lv = side ? &lb : &la, *fr = side ? &fb : &fa;
        if ((rc = expand(&ps, side, *lv, fr))) goto out;
        (*lv)++;
    }
    /* Meeting points, nearest first so the candidate cap keeps short paths. */
    int path[16];
    for (int total = 1; total <= max_hops && cands.n < PATH_MAX_CAND; total++)
        for (int i = 0; i < ps.g.nn && cands.n < PATH_MAX_CAND; i++) {
            pnode *m = &ps.g.n[i];
            if (m->dist[0] < 0 || m->dist[1] < 0 || m->dist[0] + m->dist[1] != total) continue;
            if ((rc = walk_a(&ps.g, &cands, path, m->dist[0], i, i))) goto out;
        }
    /* Score every candidate's edges (cached per pair). */
    buf_puts(&fs, "");
    {
        graph_params dummy = { 0 };
        if ((rc = graph_filter_sql(s, f, &fs, &dummy, err, sizeof err))) {
            graph_params_fini(&dummy);
            goto out;
        }
        graph_params_fini(&dummy);
    }
    buf_printf(&sql, "SELECT count(DISTINCT t.doc_id), avg(t.confidence) FROM ("
               "SELECT c.doc_id, c.confidence FROM claims c WHERE c.subject = ? AND c.object = ?%s "
               "UNION ALL SELECT c.doc_id, c.confidence FROM claims c "
               "WHERE c.subject = ? AND c.object = ?%s) AS t", fs.s, fs.s);
    if ((rc = store_prepare(s, sql.s, &score))) goto out;
    for (int i = 0; i < cands.n; i++) {
        ppath *pp = &cands.p[i];
        pp->support = 1e18;
        pp->conf = 0;
        for (int e = 0; e + 1 < pp->len; e++) {
            double sup, conf;
            if ((rc = edge_score(&ps, score, &cache, &ncache, &capcache, ps.g.n[pp->nodes[e]].id,
                                 ps.g.n[pp->nodes[e + 1]].id, &sup, &conf)))
                goto out;
            if (sup < pp->support) pp->support = sup;
            pp->conf += conf / (pp->len - 1);
        }
    }
    if (cands.n) qsort(cands.p, (size_t)cands.n, sizeof *cands.p, by_rank);
    buf_printf(&csql, "SELECT " GRAPH_CLAIM_COLS " FROM " GRAPH_CLAIM_FROM
               " WHERE ((c.subject = ? AND c.object = ?%s) OR (c.subject = ? AND c.object = ?%s))"
               " ORDER BY c.confidence DESC, c.id LIMIT ?", fs.s, fs.s);
    for (int i = 0; i < cands.n && i < k; i++) {
        json_t *pj;
        if ((rc = path_json(&ps, csql.s, &cands.p[i], &pj))) goto out;
        edge_support(pj, cache, ncache);
        json_array_append_new(paths, pj);
    }
    *out = json_pack("{s:o, s:o, s:i, s:i, s:o}", "from", ra, "to", rb, "max_hops", max_hops,
                     "candidates", cands.n, "paths", paths);
    ra = rb = paths = NULL;
    rc = *out ? DOTS_OK : DOTS_ENOMEM;
out:
    store_finalize(score);
    store_finalize(ps.nb);
    graph_params_fini(&ps.fp);
    pgraph_fini(&ps.g);
    free(cands.p);
    free(cache);
    json_decref(ra);
    json_decref(rb);
    json_decref(paths);
    buf_fini(&fs); buf_fini(&sql); buf_fini(&csql);
    return rc;
}
