/* src/graph/graph.c -- the questions analysts ask of the stored network, each
** answered as one jansson object (shapes in docs/STORE.md; the CLI and the
** HTTP API print the same objects, so keep them stable).
** All SQL goes through store.h's statement layer and runs on both backends.
** Rejected claims (an analyst's "reject") are left out of every answer.
** Sizes that shaped it: a typical actor has tens of claims, a hub (a country,
** the Taliban) tens of thousands, so lists are capped and grouped in SQL. */
#include "graph/graph_int.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Shared pieces ------------------------------------------------------ */
void graph_params_fini(graph_params *p)
{
    for (int i = 0; i < p->n; i++) free(p->v[i].t);
    p->n = 0;
}

static int add_text(graph_params *p, const char *t)
{
    if (p->n == GRAPH_MAXPARAMS) return DOTS_EINVAL;
    p->v[p->n].is_int = 0;
    if (!(p->v[p->n].t = strdup(t))) return DOTS_ENOMEM;
    p->n++;
    return DOTS_OK;
}

static int add_int(graph_params *p, int64_t v)
{
    if (p->n == GRAPH_MAXPARAMS) return DOTS_EINVAL;
    p->v[p->n].is_int = 1;
    p->v[p->n].t = NULL;
    p->v[p->n++].i = v;
    return DOTS_OK;
}

int graph_params_bind(store_stmt *st, const graph_params *p, int first)
{
    for (int i = 0; i < p->n; i++) {
        int rc = p->v[i].is_int ? store_bind_int(st, first + i, p->v[i].i)
                                : store_bind_text(st, first + i, p->v[i].t);
        if (rc) return rc;
    }
    return DOTS_OK;
}

int graph_filter_sql(store *s, const graph_filter *f, buf *sql, graph_params *p, char *err,
                     size_t errlen)
{
    int rc = DOTS_OK;
    buf_puts(sql, " AND c.status <> 'rejected'");
    if (!f) return DOTS_OK;
    if (f->predicate && *f->predicate) {
        char *list = strdup(f->predicate), *save = NULL;
        int n = 0;
        if (!list) return DOTS_ENOMEM;
        buf_puts(sql, " AND c.predicate IN (");
        for (char *w = strtok_r(list, ", ", &save); w; w = strtok_r(NULL, ", ", &save)) {
            if (doc_predicate_parse(w) < 0) {
                rc = base_err(err, errlen, DOTS_EINVAL, "unknown predicate '%s'", w);
                break;
            }
            buf_puts(sql, n++ ? ", ?" : "?");
            if ((rc = add_text(p, w))) break;
        }
        buf_puts(sql, ")");
        free(list);
        if (rc) return rc;
        if (!n) return base_err(err, errlen, DOTS_EINVAL, "empty predicate list");
    }
    if (f->since && *f->since) {
        buf_puts(sql, " AND c.time >= ?");
        if ((rc = add_text(p, f->since))) return rc;
    }
    if (f->until && *f->until) {
        /* "2012-05" is within until=2012: compare against "2012~" ('~' sorts last). */
        char u[64];
        snprintf(u, sizeof u, "%s~", f->until);
        buf_puts(sql, " AND c.time <= ?");
        if ((rc = add_text(p, u))) return rc;
    }
    if (f->source && *f->source) {
        int64_t id;
        if ((rc = store_actor_find(s, f->source, &id)))
            return base_err(err, errlen, rc, "source: %s", store_errmsg(s));
        buf_puts(sql, " AND c.source_id = ?");
        if ((rc = add_int(p, id))) return rc;
    }
    if (f->origin && *f->origin) {
        if (strcmp(f->origin, "article") && strcmp(f->origin, "comment"))
            return base_err(err, errlen, DOTS_EINVAL, "origin must be article or comment");
        buf_puts(sql, " AND c.origin = ?");
        if ((rc = add_text(p, f->origin))) return rc;
    }
    return DOTS_OK;
}

/* A string or JSON null. */
json_t *graph_str(const char *s) { return s ? json_string(s) : json_null(); }

int graph_actor_ref(store *s, int64_t id, json_t **out)
{
    store_stmt *st;
    int rc = store_cached(s, "SELECT id, akey, name, type, kb_id FROM actors WHERE id = ?", &st);
    *out = NULL;
    if (rc) return rc;
    store_bind_int(st, 1, id);
    rc = store_step(st);
    if (rc == 1)
        *out = json_pack("{s:I, s:s, s:s, s:s, s:o}", "id", (json_int_t)store_col_int(st, 0),
                         "key", store_col_text(st, 1), "name", store_col_text(st, 2),
                         "type", store_col_text(st, 3), "kb_id", graph_str(store_col_text(st, 4)));
    store_reset(st);
    if (rc == 0) return DOTS_ENOTFOUND;
    if (rc < 0) return rc;
    return *out ? DOTS_OK : DOTS_ENOMEM;
}

/* Resolve an actor argument into its id and reference object. */
static int find(store *s, const char *ref, int64_t *id, json_t **obj)
{
    int rc = store_actor_find(s, ref, id);
    if (rc) return rc;
    return graph_actor_ref(s, *id, obj);
}

json_t *graph_claim_json(store_stmt *st)
{
    return json_pack("{s:I, s:{s:I, s:s}, s:s, s:{s:I, s:s}, s:s, s:o, s:o, s:o, s:s, s:f, "
                     "s:s, s:{s:I, s:o, s:o, s:o}, s:{s:I, s:I, s:o}}",
                     "id", (json_int_t)store_col_int(st, 0),
                     "subject", "id", (json_int_t)store_col_int(st, 1),
                     "name", store_col_text(st, 2),
                     "predicate", store_col_text(st, 3),
                     "object", "id", (json_int_t)store_col_int(st, 4),
                     "name", store_col_text(st, 5),
                     "polarity", store_col_text(st, 6),
                     "time", graph_str(store_col_text(st, 7)),
                     "source", graph_str(store_col_text(st, 9)),
                     "source_id", store_col_null(st, 8) ? json_null()
                                                          : json_integer(store_col_int(st, 8)),
                     "origin", store_col_text(st, 10),
                     "confidence", store_col_double(st, 11),
                     "status", store_col_text(st, 12),
                     "doc", "id", (json_int_t)store_col_int(st, 16),
                     "name", graph_str(store_col_text(st, 17)),
                     "title", graph_str(store_col_text(st, 18)),
                     "date", graph_str(store_col_text(st, 19)),
                     "evidence", "start", (json_int_t)store_col_int(st, 13),
                     "end", (json_int_t)store_col_int(st, 14),
                     "sentence", graph_str(store_col_text(st, 15)));
}

/* Run a claims query (columns GRAPH_CLAIM_COLS) and append each row to arr. */
int graph_claims_run(store *s, const char *sql, const graph_params *p, json_t *arr)
{
    store_stmt *st;
    int rc = store_prepare(s, sql, &st);
    if (rc) return rc;
    if ((rc = graph_params_bind(st, p, 1)) == DOTS_OK) {
        while ((rc = store_step(st)) == 1) {
            json_t *c = graph_claim_json(st);
            if (!c || json_array_append_new(arr, c)) { rc = DOTS_ENOMEM; break; }
        }
        if (rc == 0) rc = DOTS_OK;
    }
    store_finalize(st);
    return rc;
}

/* ---- stats, search ------------------------------------------------------ */
int graph_stats(store *s, json_t **out)
{
    static const char *const tables[] = { "documents", "actors", "aliases", "mentions",
                                          "claims", "list_entries", "reviews",
                                          "actor_decisions" };
    json_t *o = json_object(), *preds = json_object();
    store_stmt *st = NULL;
    int rc = DOTS_ENOMEM;

    *out = NULL;
    if (!o || !preds) goto fail;
    json_object_set_new(o, "backend", json_string(store_backend(s)));
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
        int64_t n;
        if ((rc = store_count(s, tables[i], &n))) goto fail;
        json_object_set_new(o, tables[i], json_integer(n));
    }
    if ((rc = store_cached(s, "SELECT predicate, count(*) FROM claims "
                              "WHERE status <> 'rejected' GROUP BY predicate "
                              "ORDER BY count(*) DESC, predicate", &st)))
        goto fail;
    while ((rc = store_step(st)) == 1)
        json_object_set_new(preds, store_col_text(st, 0), json_integer(store_col_int(st, 1)));
    store_reset(st);
    if (rc < 0) goto fail;
    json_object_set_new(o, "predicates", preds);
    *out = o;
    return DOTS_OK;
fail:
    json_decref(o);
    json_decref(preds);
    return rc;
}

int graph_search(store *s, const char *q, int limit, json_t **out)
{
    json_t *o = NULL, *docs = json_array(), *actors = json_array();
    store_stmt *st = NULL;
    buf f, hi;
    int rc = DOTS_ENOMEM;

    *out = NULL;
    buf_init(&f);
    buf_init(&hi);
    if (!docs || !actors) goto fail;
    if (limit <= 0) limit = 20;
    store_fold(q, &f);
    if (!f.len) { rc = DOTS_EINVAL; goto fail; }
    if ((rc = store_search_docs(s, q, limit, &st)) == DOTS_OK) {
        while ((rc = store_step(st)) == 1)
            json_array_append_new(docs, json_pack("{s:I, s:s, s:o, s:o}",
                "id", (json_int_t)store_col_int(st, 0), "name", store_col_text(st, 1),
                "title", graph_str(store_col_text(st, 2)),
                "snippet", graph_str(store_col_text(st, 3))));
        store_reset(st);
        if (rc < 0) goto fail;
    } else if (rc != DOTS_EINVAL) {
        goto fail;
    }
    /* Actor names and aliases by folded prefix: [f, f + U+10FFFF). */
    buf_printf(&hi, "%s\xf4\x8f\xbf\xbf", f.s);
    if ((rc = store_cached(s, "SELECT a.id, a.akey, a.name, a.type, min(l.alias), "
                              "(SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) "
                              "FROM aliases l JOIN actors a ON a.id = l.actor_id "
                              "WHERE l.fold >= ? AND l.fold < ? "
                              "GROUP BY a.id, a.akey, a.name, a.type "
                              "ORDER BY 6 DESC, a.name LIMIT ?", &st)))
        goto fail;
    store_bind_text(st, 1, f.s);
    store_bind_text(st, 2, hi.s);
    store_bind_int(st, 3, limit);
    while ((rc = store_step(st)) == 1)
        json_array_append_new(actors, json_pack("{s:I, s:s, s:s, s:s, s:s, s:I}",
            "id", (json_int_t)store_col_int(st, 0), "key", store_col_text(st, 1),
            "name", store_col_text(st, 2), "type", store_col_text(st, 3),
            "alias", store_col_text(st, 4), "mentions", (json_int_t)store_col_int(st, 5)));
    store_reset(st);
    if (rc < 0) goto fail;
    o = json_pack("{s:s, s:o, s:o}", "query", q, "actors", actors, "documents", docs);
    buf_fini(&f);
    buf_fini(&hi);
    if (!o) return DOTS_ENOMEM;
    *out = o;
    return DOTS_OK;
fail:
    json_decref(docs);
    json_decref(actors);
    buf_fini(&f);
    buf_fini(&hi);
    return rc;
}

/* ---- show --------------------------------------------------------------- */
/* Claims of actor id in one direction, grouped by predicate:
** [{"predicate": p, "count": n, "claims": [...]}]. */
static int grouped(store *s, int64_t id, int out_dir, int limit, json_t **res)
{
    buf sql;
    graph_params p = { 0 };
    json_t *all = json_array(), *groups = json_array();
    int rc = DOTS_ENOMEM;

    buf_init(&sql);
    *res = NULL;
    if (!all || !groups) goto out;
    buf_printf(&sql, "SELECT " GRAPH_CLAIM_COLS " FROM " GRAPH_CLAIM_FROM " WHERE c.%s = ? "
               "AND c.status <> 'rejected' "
               "ORDER BY c.predicate, c.time IS NULL, c.time DESC, c.id LIMIT ?",
               out_dir ? "subject" : "object");
    add_int(&p, id);
    add_int(&p, limit);
    if ((rc = graph_claims_run(s, sql.s, &p, all))) goto out;
    size_t i;
    json_t *c, *g = NULL;
    const char *cur = "";
    json_array_foreach(all, i, c) {
        const char *pr = json_string_value(json_object_get(c, "predicate"));
        if (!g || strcmp(pr, cur) != 0) {
            g = json_pack("{s:s, s:i, s:[]}", "predicate", pr, "count", 0, "claims");
            if (!g) { rc = DOTS_ENOMEM; goto out; }
            json_array_append_new(groups, g);
            cur = pr;
        }
        json_array_append(json_object_get(g, "claims"), c);
        json_object_set_new(g, "count",
                            json_integer(json_array_size(json_object_get(g, "claims"))));
    }
    *res = groups;
    groups = NULL;
    rc = DOTS_OK;
out:
    json_decref(all);
    json_decref(groups);
    graph_params_fini(&p);
    buf_fini(&sql);
    return rc;
}

static int count1(store *s, const char *sql, int64_t id, int64_t *n)
{
    store_stmt *st;
    int rc = store_cached(s, sql, &st);
    if (rc) return rc;
    store_bind_int(st, 1, id);
    rc = store_step(st);
    *n = rc == 1 ? store_col_int(st, 0) : 0;
    store_reset(st);
    return rc < 0 ? rc : DOTS_OK;
}

/* Sanctions entries for actor id: listed names or aliases that fold exactly
** like one of its aliases ("match": "exact"), then screening hits of its
** aliases against the stored lists ("match": "screen", with the score).
** Only people and organisations are screened: lists name those, and a
** country's short name scores high against unrelated listed words. */
static int sanctions(store *s, int64_t id, const char *type, json_t *aliases, json_t *lists)
{
    store_stmt *st;
    const actor_lists *l = NULL;
    int rc;

    if ((rc = store_cached(s, "SELECT DISTINCT e.list, e.entry_id, e.name, e.type, e.programs, "
                              "e.remarks, e.countries, la.alias FROM aliases l "
                              "JOIN list_aliases la ON la.fold = l.fold "
                              "JOIN list_entries e ON e.id = la.entry "
                              "WHERE l.actor_id = ? ORDER BY e.list, e.entry_id", &st)))
        return rc;
    store_bind_int(st, 1, id);
    while ((rc = store_step(st)) == 1)
        json_array_append_new(lists, json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:s, s:s, s:f}",
            "list", store_col_text(st, 0), "entry_id", store_col_text(st, 1),
            "name", store_col_text(st, 2), "type", graph_str(store_col_text(st, 3)),
            "programs", graph_str(store_col_text(st, 4)),
            "remarks", graph_str(store_col_text(st, 5)),
            "countries", graph_str(store_col_text(st, 6)),
            "matched_alias", store_col_text(st, 7), "match", "exact", "score", 1.0));
    store_reset(st);
    if (rc < 0) return rc;
    if (strcmp(type, "PER") != 0 && strcmp(type, "ORG") != 0) return DOTS_OK;
    if ((rc = store_lists(s, &l)) || !l) return rc;
    size_t i;
    json_t *a;
    json_array_foreach(aliases, i, a) {
        actor_hit hits[8];
        if (i == 16) break;
        size_t n = actor_lists_screen(l, json_string_value(a), hits, 8);
        for (size_t k = 0; k < n; k++) {
            const actor_list_entry *e = actor_lists_get(l, hits[k].entry);
            size_t j;
            json_t *x;
            int dup = 0;
            json_array_foreach(lists, j, x)
                if (strcmp(json_string_value(json_object_get(x, "list")), e->list) == 0 &&
                    strcmp(json_string_value(json_object_get(x, "entry_id")), e->entry_id) == 0)
                    dup = 1;
            if (dup) continue;
            json_array_append_new(lists, json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:s, s:s, s:f}",
                "list", e->list, "entry_id", e->entry_id, "name", e->name,
                "type", graph_str(e->type), "programs", graph_str(e->programs),
                "remarks", graph_str(e->remarks), "countries", graph_str(e->countries),
                "matched_alias", hits[k].alias ? hits[k].alias : e->name, "match", "screen",
                "score", hits[k].score));
        }
    }
    return DOTS_OK;
}

int graph_actor(store *s, const char *actor, json_t **out)
{
    int64_t id, n;
    json_t *o = NULL, *ref = NULL, *aliases = json_array(), *lists = json_array();
    json_t *counts = json_object(), *in = NULL, *outc = NULL;
    store_stmt *st;
    int rc;

    *out = NULL;
    if ((rc = find(s, actor, &id, &ref))) goto fail;
    rc = DOTS_ENOMEM;
    if (!aliases || !lists || !counts) goto fail;
    if ((rc = store_cached(s, "SELECT alias FROM aliases WHERE actor_id = ? ORDER BY alias", &st)))
        goto fail;
    store_bind_int(st, 1, id);
    while ((rc = store_step(st)) == 1) json_array_append_new(aliases, json_string(store_col_text(st, 0)));
    store_reset(st);
    if (rc < 0) goto fail;
    if ((rc = sanctions(s, id, json_string_value(json_object_get(ref, "type")), aliases, lists)))
        goto fail;
    static const char *const cq[][2] = {
        { "mentions", "SELECT count(*) FROM mentions WHERE actor_id = ?" },
        { "documents", "SELECT count(DISTINCT doc_id) FROM mentions WHERE actor_id = ?" },
        { "claims_out", "SELECT count(*) FROM claims WHERE subject = ? AND status <> 'rejected'" },
        { "claims_in", "SELECT count(*) FROM claims WHERE object = ? AND status <> 'rejected'" },
        { "as_source", "SELECT count(*) FROM claims WHERE source_id = ? AND status <> 'rejected'" },
    };
    for (size_t i = 0; i < sizeof cq / sizeof *cq; i++) {
        if ((rc = count1(s, cq[i][1], id, &n))) goto fail;
        json_object_set_new(counts, cq[i][0], json_integer(n));
    }
    if ((rc = grouped(s, id, 1, GRAPH_SHOW_LIMIT, &outc)) ||
        (rc = grouped(s, id, 0, GRAPH_SHOW_LIMIT, &in)))
        goto fail;
    o = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "actor", ref, "aliases", aliases,
                  "sanctions", lists, "counts", counts, "out", outc, "in", in);
    if (!o) return DOTS_ENOMEM;
    *out = o;
    return DOTS_OK;
fail:
    json_decref(ref);
    json_decref(aliases);
    json_decref(lists);
    json_decref(counts);
    json_decref(in);
    json_decref(outc);
    return rc;
}

/* ---- claims, timeline ----------------------------------------------------- */
int graph_claims(store *s, const char *actor, const graph_filter *f, int limit, json_t **out)
{
    buf sql;
    graph_params p = { 0 };
    json_t *ref = NULL, *arr = json_array();
    int64_t id = 0;
    char err[256] = "";
    int rc;

    *out = NULL;
    buf_init(&sql);
    if (!arr) return DOTS_ENOMEM;
    if (limit <= 0) limit = 100;
    buf_puts(&sql, "SELECT " GRAPH_CLAIM_COLS " FROM " GRAPH_CLAIM_FROM " WHERE 1 = 1");
    if (actor && *actor) {
        if ((rc = find(s, actor, &id, &ref))) goto fail;
        buf_puts(&sql, " AND (c.subject = ? OR c.object = ?)");
        add_int(&p, id);
        add_int(&p, id);
    }
    if ((rc = graph_filter_sql(s, f, &sql, &p, err, sizeof err))) {
        if (err[0]) snprintf(s->err, sizeof s->err, "%s", err);
        goto fail;
    }
    buf_puts(&sql, " ORDER BY c.time IS NULL, c.time DESC, c.id LIMIT ?");
    add_int(&p, limit);
    if ((rc = graph_claims_run(s, sql.s, &p, arr))) goto fail;
    *out = json_pack("{s:o, s:o}", "actor", ref ? ref : json_null(), "claims", arr);
    ref = arr = NULL;
    rc = *out ? DOTS_OK : DOTS_ENOMEM;
fail:
    json_decref(ref);
    json_decref(arr);
    graph_params_fini(&p);
    buf_fini(&sql);
    return rc;
}

int graph_timeline(store *s, const char *actor, const char *with, json_t **out)
{
    buf sql;
    graph_params p = { 0 };
    json_t *ref = NULL, *wref = NULL, *arr = json_array();
    int64_t id, wid = 0;
    int rc;

    *out = NULL;
    buf_init(&sql);
    if (!arr) return DOTS_ENOMEM;
    if ((rc = find(s, actor, &id, &ref))) goto fail;
    if (with && *with && (rc = find(s, with, &wid, &wref))) goto fail;
    buf_puts(&sql, "SELECT " GRAPH_CLAIM_COLS " FROM " GRAPH_CLAIM_FROM
                   " WHERE c.time IS NOT NULL AND c.status <> 'rejected' AND ");
    if (wref) {
        buf_puts(&sql, "((c.subject = ? AND c.object = ?) OR (c.subject = ? AND c.object = ?))");
        add_int(&p, id); add_int(&p, wid); add_int(&p, wid); add_int(&p, id);
    } else {
        buf_puts(&sql, "(c.subject = ? OR c.object = ?)");
        add_int(&p, id); add_int(&p, id);
    }
    buf_puts(&sql, " ORDER BY c.time, c.id LIMIT 1000");
    if ((rc = graph_claims_run(s, sql.s, &p, arr))) goto fail;
    *out = json_pack("{s:o, s:o, s:o}", "actor", ref, "with", wref ? wref : json_null(),
                     "claims", arr);
    ref = wref = arr = NULL;
    rc = *out ? DOTS_OK : DOTS_ENOMEM;
fail:
    json_decref(ref);
    json_decref(wref);
    json_decref(arr);
    graph_params_fini(&p);
    buf_fini(&sql);
    return rc;
}

/* ---- document ----------------------------------------------------------- */
int graph_document(store *s, int64_t doc_id, json_t **out)
{
    store_stmt *st;
    json_t *doc = NULL, *segs = json_array(), *ments = json_array(), *claims = json_array();
    graph_params p = { 0 };
    int rc;

    *out = NULL;
    if (!segs || !ments || !claims) { rc = DOTS_ENOMEM; goto fail; }
    if ((rc = store_cached(s, "SELECT id, name, hash, title, date, url, byline, format, text, "
                              "ingested_at FROM documents WHERE id = ?", &st)))
        goto fail;
    store_bind_int(st, 1, doc_id);
    rc = store_step(st);
    if (rc == 1)
        doc = json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:s, s:o}",
            "id", (json_int_t)store_col_int(st, 0), "name", store_col_text(st, 1),
            "hash", store_col_text(st, 2), "title", graph_str(store_col_text(st, 3)),
            "date", graph_str(store_col_text(st, 4)), "url", graph_str(store_col_text(st, 5)),
            "byline", graph_str(store_col_text(st, 6)), "format", graph_str(store_col_text(st, 7)),
            "text", store_col_text(st, 8), "ingested_at", graph_str(store_col_text(st, 9)));
    store_reset(st);
    if (rc <= 0) {
        if (rc == 0) {
            snprintf(s->err, sizeof s->err, "no document %lld", (long long)doc_id);
            rc = DOTS_ENOTFOUND;
        }
        goto fail;
    }
    if ((rc = store_cached(s, "SELECT kind, start_off, end_off, src_start, src_end, author "
                              "FROM segments WHERE doc_id = ? ORDER BY idx", &st)))
        goto fail;
    store_bind_int(st, 1, doc_id);
    while ((rc = store_step(st)) == 1)
        json_array_append_new(segs, json_pack("{s:s, s:I, s:I, s:I, s:I, s:o}",
            "kind", store_col_text(st, 0), "start", (json_int_t)store_col_int(st, 1),
            "end", (json_int_t)store_col_int(st, 2), "src_start", (json_int_t)store_col_int(st, 3),
            "src_end", (json_int_t)store_col_int(st, 4), "author", graph_str(store_col_text(st, 5))));
    store_reset(st);
    if (rc < 0) goto fail;
    if ((rc = store_cached(s, "SELECT m.start_off, m.end_off, a.id, a.name, a.type "
                              "FROM mentions m JOIN actors a ON a.id = m.actor_id "
                              "WHERE m.doc_id = ? ORDER BY m.start_off", &st)))
        goto fail;
    store_bind_int(st, 1, doc_id);
    while ((rc = store_step(st)) == 1)
        json_array_append_new(ments, json_pack("{s:I, s:I, s:{s:I, s:s, s:s}}",
            "start", (json_int_t)store_col_int(st, 0), "end", (json_int_t)store_col_int(st, 1),
            "actor", "id", (json_int_t)store_col_int(st, 2), "name", store_col_text(st, 3),
            "type", store_col_text(st, 4)));
    store_reset(st);
    if (rc < 0) goto fail;
    add_int(&p, doc_id);
    /* Rejected claims stay visible here, marked, so a reviewer can undo. */
    if ((rc = graph_claims_run(s, "SELECT " GRAPH_CLAIM_COLS " FROM " GRAPH_CLAIM_FROM
                                  " WHERE c.doc_id = ? ORDER BY c.ev_start, c.id", &p, claims)))
        goto fail;
    graph_params_fini(&p);
    *out = json_pack("{s:o, s:o, s:o, s:o}", "document", doc, "segments", segs,
                     "mentions", ments, "claims", claims);
    return *out ? DOTS_OK : DOTS_ENOMEM;
fail:
    graph_params_fini(&p);
    json_decref(doc);
    json_decref(segs);
    json_decref(ments);
    json_decref(claims);
    return rc;
}
