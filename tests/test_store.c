/* tests/test_store.c -- the store and the graph queries on documents built by
** hand: idempotent ingest, replacement of a changed document, actors merged
** across documents, analyst merges/splits and reviews surviving re-ingest,
** show/path/timeline/search/network/document answers, exports, schema
** version checks. The same suite runs on SQLite (a temp file) and, when
** DOTS_PG_URL is set (ctest's PostgreSQL fixture), on PostgreSQL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libpq-fe.h>

#include "dots.h"
#include "graph/graph.h"
#include "store/store.h"

static const char *backend_url;      /* set per run in main */
static char sqlite_path[256];

/* ---- Building documents ---------------------------------------------------- */
typedef struct tactor { const char *id, *name; doc_actor_type type; const char *alias; } tactor;
typedef struct tclaim {
    int s, o; doc_predicate p; const char *time; const char *ev; /* evidence substring */
    int source;
} tclaim;

static dots_doc *mkdoc(const char *name, const char *text, const tactor *as, size_t na,
                       const tclaim *cs, size_t nc)
{
    dots_doc *d = doc_new();
    d->name = arena_strdup(d->arena, name);
    d->file = d->name;
    d->format = "text";
    d->title = arena_strdup(d->arena, name);
    d->date = "2016-05-23";
    d->text = arena_strdup(d->arena, text);
    d->len = strlen(text);
    d->src = d->text;
    d->src_len = d->len;
    d->text_is_src = 1;
    doc_seg *g = doc_add_seg(d);
    g->kind = SEG_BODY;
    g->end = (uint32_t)d->len;
    g->src_end = d->len;
    g->comment = -1;
    for (size_t i = 0; i < na; i++) {
        doc_actor *a = doc_add_actor(d);
        a->id = as[i].id;
        a->name = as[i].name;
        a->type = as[i].type;
        a->kb = as[i].id && strncmp(as[i].id, "doc:", 4) ? 1 : -1;
        a->aliases = arena_alloc(d->arena, 2 * sizeof(char *));
        a->aliases[a->naliases++] = as[i].name;
        if (as[i].alias) a->aliases[a->naliases++] = as[i].alias;
        /* one mention per surface form, where the text has it */
        for (size_t k = 0; k < a->naliases; k++) {
            const char *hit = strstr(text, a->aliases[k]);
            if (!hit) continue;
            doc_mention *m = doc_add_mention(d);
            m->start = (uint32_t)(hit - text);
            m->end = m->start + (uint32_t)strlen(a->aliases[k]);
            m->actor = (int)i;
        }
    }
    for (size_t i = 0; i < nc; i++) {
        doc_claim *c = doc_add_claim(d);
        c->subject = cs[i].s;
        c->object = cs[i].o;
        c->predicate = cs[i].p;
        c->time = cs[i].time;
        c->source = cs[i].source;
        c->origin_comment = -1;
        c->confidence = 0.8f;
        c->rule = "test";
        const char *hit = strstr(text, cs[i].ev);
        c->ev_start = hit ? (uint32_t)(hit - text) : 0;
        c->ev_end = c->ev_start + (uint32_t)strlen(cs[i].ev);
    }
    return d;
}

static const tactor A3[] = {
    { "iran", "Iran", ACT_GPE, "Tehran" },
    { "taliban", "Taliban", ACT_ORG, NULL },
    { "doc:Ahmad Shah", "Ahmad Shah", ACT_PER, NULL },
    { "us-state", "State Department", ACT_ORG, NULL },
};
static const char *T1 = "Iran has armed the Taliban since 2006, the State Department said. "
                        "Ahmad Shah is a member of the Taliban.";
static const tclaim C1[] = {
    { 0, 1, PRED_ARMS, "2006/..", "Iran has armed the Taliban since 2006", 3 },
    { 2, 1, PRED_MEMBER_OF, NULL, "Ahmad Shah is a member of the Taliban.", -1 },
};

static store *open_fresh(void)
{
    char err[512];
    store *s = NULL;
    if (strncmp(backend_url, "postgres", 8) == 0) {
        /* straight through libpq: the store itself refuses a too-new schema */
        PGconn *c = PQconnectdb(backend_url);
        assert_int_equal(PQstatus(c), CONNECTION_OK);
        PGresult *r = PQexec(c, "SET client_min_messages = warning;"
                                "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        assert_int_equal(PQresultStatus(r), PGRES_COMMAND_OK);
        PQclear(r);
        PQfinish(c);
    } else {
        unlink(sqlite_path);
        char p[300];
        snprintf(p, sizeof p, "%s-wal", sqlite_path); unlink(p);
        snprintf(p, sizeof p, "%s-shm", sqlite_path); unlink(p);
    }
    int rc = store_open(backend_url, &s, err, sizeof err);
    if (rc) fail_msg("store_open %s: %s", backend_url, err);
    return s;
}

static int64_t count(store *s, const char *table)
{
    int64_t n = -1;
    assert_int_equal(store_count(s, table, &n), DOTS_OK);
    return n;
}

static void put(store *s, dots_doc *d, int want_skipped)
{
    int64_t id;
    int skipped;
    int rc = store_put_doc(s, d, &id, &skipped);
    if (rc) fail_msg("put %s: %s", d->name, store_errmsg(s));
    assert_true(id > 0);
    assert_int_equal(skipped, want_skipped);
    doc_free(d);
}

/* ---- Tests ------------------------------------------------------------------ */
static void test_put_idempotent(void **state)
{
    (void)state;
    store *s = open_fresh();
    assert_int_equal(count(s, "documents"), 0);
    put(s, mkdoc("a.txt", T1, A3, 4, C1, 2), 0);
    assert_int_equal(count(s, "documents"), 1);
    assert_int_equal(count(s, "claims"), 2);
    assert_int_equal(count(s, "actors"), 4);
    put(s, mkdoc("a.txt", T1, A3, 4, C1, 2), 1);        /* same content: skipped */
    assert_int_equal(count(s, "claims"), 2);
    /* Changed content under the same name replaces the old claims. */
    put(s, mkdoc("a.txt", "Iran has armed the Taliban since 2006, the State Department said.",
                 A3, 4, C1, 1), 0);
    assert_int_equal(count(s, "documents"), 1);
    assert_int_equal(count(s, "claims"), 1);
    store_close(s);
}

static void test_actor_merge_across_docs(void **state)
{
    (void)state;
    store *s = open_fresh();
    put(s, mkdoc("a.txt", T1, A3, 4, C1, 2), 0);
    /* Another document knows Ahmad Shah under a different case and Tehran. */
    static const tactor A2[] = { { "doc:AHMAD SHAH", "AHMAD SHAH", ACT_PER, NULL },
                                 { "iran", "Iran", ACT_GPE, NULL } };
    static const tclaim C2[] = { { 0, 1, PRED_MEETS, "2015-03", "AHMAD SHAH met Iran", -1 } };
    put(s, mkdoc("b.txt", "AHMAD SHAH met Iran officials in March 2015.", A2, 2, C2, 1), 0);
    assert_int_equal(count(s, "actors"), 4);
    int64_t a, b;
    assert_int_equal(store_actor_find(s, "Ahmad Shah", &a), DOTS_OK);
    assert_int_equal(store_actor_find(s, "ahmad  shah", &b), DOTS_OK);
    assert_int_equal(a, b);
    assert_int_equal(store_actor_find(s, "Tehran", &b), DOTS_OK);   /* alias */
    assert_int_equal(store_actor_find(s, "iran", &a), DOTS_OK);     /* KB id */
    assert_int_equal(a, b);
    assert_int_equal(store_actor_find(s, "Nobody", &a), DOTS_ENOTFOUND);
    /* A transliteration variant matches by name similarity; a different
    ** person sharing a word does not. */
    static const tactor A4[] = { { "doc:Ahmed Shaah", "Ahmed Shaah", ACT_PER, NULL },
                                 { "doc:Ahmad Zia", "Ahmad Zia", ACT_PER, NULL } };
    static const tclaim C4[] = { { 0, 1, PRED_MEETS, NULL, "Ahmed Shaah met Ahmad Zia", -1 } };
    put(s, mkdoc("c.txt", "Ahmed Shaah met Ahmad Zia.", A4, 2, C4, 1), 0);
    assert_int_equal(count(s, "actors"), 5);
    assert_int_equal(store_actor_find(s, "Ahmad Shah", &a), DOTS_OK);
    assert_int_equal(store_actor_find(s, "Ahmed Shaah", &b), DOTS_OK);
    assert_int_equal(a, b);
    assert_int_equal(store_actor_find(s, "Ahmad Zia", &b), DOTS_OK);
    assert_true(a != b);

    json_t *o;
    assert_int_equal(graph_actor(s, "Ahmad Shah", &o), DOTS_OK);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(o, "counts"),
                                                        "claims_out")), 3);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(o, "counts"),
                                                        "documents")), 3);
    json_t *out = json_object_get(o, "out");
    assert_int_equal(json_array_size(out), 2);          /* member_of, meets */
    json_t *g0 = json_array_get(out, 0);
    assert_string_equal(json_string_value(json_object_get(g0, "predicate")), "meets");
    json_t *c0 = json_array_get(json_object_get(g0, "claims"), 0);
    assert_string_equal(json_string_value(json_object_get(json_object_get(c0, "evidence"),
                                                          "sentence")), "AHMAD SHAH met Iran");
    assert_string_equal(json_string_value(json_object_get(json_object_get(c0, "doc"), "name")),
                        "b.txt");
    json_decref(o);
    store_close(s);
}

static void test_show_and_sources(void **state)
{
    (void)state;
    store *s = open_fresh();
    put(s, mkdoc("a.txt", T1, A3, 4, C1, 2), 0);
    json_t *o;
    assert_int_equal(graph_actor(s, "Tehran", &o), DOTS_OK);
    assert_string_equal(json_string_value(json_object_get(json_object_get(o, "actor"), "name")),
                        "Iran");
    json_t *al = json_object_get(o, "aliases");
    assert_int_equal(json_array_size(al), 2);
    json_t *c = json_array_get(json_object_get(json_array_get(json_object_get(o, "out"), 0),
                                               "claims"), 0);
    assert_string_equal(json_string_value(json_object_get(c, "source")), "State Department");
    assert_string_equal(json_string_value(json_object_get(c, "time")), "2006/..");
    json_decref(o);
    assert_int_equal(graph_actor(s, "nobody at all", &o), DOTS_ENOTFOUND);
    store_close(s);
}

/* A chain A -arms-> B -funds-> C plus A -meets- D -meets- C in two docs. */
static void chain(store *s)
{
    static const tactor A[] = { { "a", "Alpha", ACT_ORG, NULL }, { "b", "Bravo", ACT_ORG, NULL },
                                { "c", "Charlie", ACT_ORG, NULL }, { "d", "Delta", ACT_ORG, NULL } };
    static const tclaim C[] = { { 0, 1, PRED_ARMS, "2010", "Alpha armed Bravo", -1 },
                                { 1, 2, PRED_FUNDS, "2011-04", "Bravo funded Charlie", -1 },
                                { 0, 3, PRED_MEETS, "2009", "Alpha met Delta", -1 },
                                { 2, 3, PRED_MEETS, "2012", "Charlie met Delta", -1 } };
    const char *t = "Alpha armed Bravo. Bravo funded Charlie. Alpha met Delta. Charlie met Delta.";
    put(s, mkdoc("chain1.txt", t, A, 4, C, 4), 0);
    put(s, mkdoc("chain2.txt", "Alpha armed Bravo again. Bravo funded Charlie too.", A, 4, C, 2),
        0);
}

static void test_path(void **state)
{
    (void)state;
    store *s = open_fresh();
    chain(s);
    json_t *o;
    assert_int_equal(graph_path(s, "Alpha", "Charlie", 3, 5, NULL, &o), DOTS_OK);
    json_t *paths = json_object_get(o, "paths");
    assert_int_equal(json_array_size(paths), 2);
    json_t *p0 = json_array_get(paths, 0);
    /* via Bravo: two documents back each edge; via Delta only one */
    assert_string_equal(json_string_value(json_object_get(
        json_array_get(json_object_get(p0, "nodes"), 1), "name")), "Bravo");
    assert_int_equal((int)json_real_value(json_object_get(p0, "support")), 2);
    json_t *e0 = json_array_get(json_object_get(p0, "edges"), 0);
    assert_string_equal(json_string_value(json_object_get(e0, "direction")), "forward");
    assert_int_equal(json_array_size(json_object_get(e0, "claims")), 2);
    json_decref(o);
    /* Reported with direction: from Charlie the first edge runs backward. */
    assert_int_equal(graph_path(s, "Charlie", "Alpha", 3, 1, NULL, &o), DOTS_OK);
    p0 = json_array_get(json_object_get(o, "paths"), 0);
    e0 = json_array_get(json_object_get(p0, "edges"), 0);
    assert_string_equal(json_string_value(json_object_get(e0, "direction")), "backward");
    json_decref(o);
    /* A predicate filter leaves only the meets path. */
    graph_filter f = { .predicate = "meets" };
    assert_int_equal(graph_path(s, "Alpha", "Charlie", 3, 5, &f, &o), DOTS_OK);
    paths = json_object_get(o, "paths");
    assert_int_equal(json_array_size(paths), 1);
    assert_string_equal(json_string_value(json_object_get(
        json_array_get(json_object_get(json_array_get(paths, 0), "nodes"), 1), "name")), "Delta");
    json_decref(o);
    /* One hop is not enough. */
    assert_int_equal(graph_path(s, "Alpha", "Charlie", 1, 5, NULL, &o), DOTS_OK);
    assert_int_equal(json_array_size(json_object_get(o, "paths")), 0);
    json_decref(o);
    graph_filter bad = { .predicate = "likes" };
    assert_int_equal(graph_path(s, "Alpha", "Charlie", 3, 5, &bad, &o), DOTS_EINVAL);
    store_close(s);
}

static void test_timeline_search_network_doc(void **state)
{
    (void)state;
    store *s = open_fresh();
    chain(s);
    json_t *o;
    assert_int_equal(graph_timeline(s, "Bravo", NULL, &o), DOTS_OK);
    json_t *cl = json_object_get(o, "claims");
    assert_int_equal(json_array_size(cl), 4);
    assert_string_equal(json_string_value(json_object_get(json_array_get(cl, 0), "time")), "2010");
    assert_string_equal(json_string_value(json_object_get(json_array_get(cl, 3), "time")),
                        "2011-04");
    json_decref(o);
    assert_int_equal(graph_timeline(s, "Alpha", "Delta", &o), DOTS_OK);
    assert_int_equal(json_array_size(json_object_get(o, "claims")), 1);
    json_decref(o);

    assert_int_equal(graph_search(s, "funded", 10, &o), DOTS_OK);
    assert_int_equal(json_array_size(json_object_get(o, "documents")), 2);
    json_decref(o);
    assert_int_equal(graph_search(s, "cha", 10, &o), DOTS_OK);
    json_t *ac = json_object_get(o, "actors");
    assert_int_equal(json_array_size(ac), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(ac, 0), "name")),
                        "Charlie");
    json_decref(o);

    assert_int_equal(graph_network(s, "Alpha", 1, NULL, &o), DOTS_OK);
    assert_int_equal(json_array_size(json_object_get(o, "nodes")), 3);
    json_t *edges = json_object_get(o, "edges");
    assert_int_equal(json_array_size(edges), 2);
    size_t i; json_t *e; int found = 0;
    json_array_foreach(edges, i, e)
        if (strcmp(json_string_value(json_object_get(e, "predicate")), "arms") == 0) {
            assert_int_equal(json_integer_value(json_object_get(e, "claims")), 2);
            assert_int_equal(json_integer_value(json_object_get(e, "documents")), 2);
            found = 1;
        }
    assert_true(found);
    json_decref(o);

    assert_int_equal(graph_document(s, 1, &o), DOTS_OK);
    assert_string_equal(json_string_value(json_object_get(json_object_get(o, "document"), "name")),
                        "chain1.txt");
    assert_int_equal(json_array_size(json_object_get(o, "claims")), 4);
    assert_int_equal(json_array_size(json_object_get(o, "segments")), 1);
    assert_true(json_array_size(json_object_get(o, "mentions")) >= 4);
    json_decref(o);
    assert_int_equal(graph_document(s, 999, &o), DOTS_ENOTFOUND);

    assert_int_equal(graph_stats(s, &o), DOTS_OK);
    assert_int_equal(json_integer_value(json_object_get(o, "claims")), 6);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(o, "predicates"), "meets")),
                     2);
    json_decref(o);

    graph_filter f = { .since = "2011", .until = "2011" };
    assert_int_equal(graph_claims(s, NULL, &f, 10, &o), DOTS_OK);
    assert_int_equal(json_array_size(json_object_get(o, "claims")), 2);   /* 2011-04 twice */
    json_decref(o);
    store_close(s);
}

static void test_review_survives(void **state)
{
    (void)state;
    store *s = open_fresh();
    put(s, mkdoc("a.txt", T1, A3, 4, C1, 2), 0);
    json_t *o;
    assert_int_equal(graph_claims(s, "Ahmad Shah", NULL, 10, &o), DOTS_OK);
    int64_t cid = json_integer_value(json_object_get(json_array_get(json_object_get(o, "claims"),
                                                                    0), "id"));
    json_decref(o);
    assert_int_equal(store_claim_review(s, cid, "reject", NULL, NULL, NULL, "not a member"), 0);
    assert_int_equal(store_claim_review(s, cid, "maybe", NULL, NULL, NULL, NULL), DOTS_EINVAL);
    assert_int_equal(store_claim_review(s, 99999, "confirm", NULL, NULL, NULL, NULL),
                     DOTS_ENOTFOUND);
    assert_int_equal(graph_claims(s, "Ahmad Shah", NULL, 10, &o), DOTS_OK);
    assert_int_equal(json_array_size(json_object_get(o, "claims")), 0);
    json_decref(o);
    /* Re-ingest a changed version: the rejected claim comes back rejected. */
    put(s, mkdoc("a.txt", "Iran has armed the Taliban since 2006, the State Department said. "
                          "Ahmad Shah is a member of the Taliban. (updated)", A3, 4, C1, 2), 0);
    assert_int_equal(count(s, "claims"), 2);
    assert_int_equal(graph_claims(s, "Ahmad Shah", NULL, 10, &o), DOTS_OK);
    assert_int_equal(json_array_size(json_object_get(o, "claims")), 0);
    json_decref(o);
    /* A correction changes the predicate, and survives too. */
    assert_int_equal(graph_claims(s, "Iran", NULL, 10, &o), DOTS_OK);
    cid = json_integer_value(json_object_get(json_array_get(json_object_get(o, "claims"), 0),
                                             "id"));
    json_decref(o);
    assert_int_equal(store_claim_review(s, cid, "correct", "supports", "hedged", NULL, NULL), 0);
    put(s, mkdoc("a.txt", T1, A3, 4, C1, 2), 0);
    assert_int_equal(graph_claims(s, "Iran", NULL, 10, &o), DOTS_OK);
    json_t *c = json_array_get(json_object_get(o, "claims"), 0);
    assert_string_equal(json_string_value(json_object_get(c, "predicate")), "supports");
    assert_string_equal(json_string_value(json_object_get(c, "polarity")), "hedged");
    assert_string_equal(json_string_value(json_object_get(c, "status")), "corrected");
    json_decref(o);
    store_close(s);
}

static void test_merge_split_survive(void **state)
{
    (void)state;
    store *s = open_fresh();
    static const tactor A[] = { { "doc:Mullah Mansour", "Mullah Mansour", ACT_PER, "Mansour" },
                                { "taliban", "Taliban", ACT_ORG, NULL },
                                { "doc:Akhtar Mansour", "Akhtar Mansour", ACT_PER, NULL } };
    static const tclaim C[] = { { 0, 1, PRED_MEMBER_OF, NULL, "Mullah Mansour led the Taliban", -1 },
                                { 2, 1, PRED_MEETS, NULL, "Akhtar Mansour met the Taliban", -1 } };
    const char *t = "Mullah Mansour led the Taliban. Akhtar Mansour met the Taliban.";
    put(s, mkdoc("m.txt", t, A, 3, C, 2), 0);
    assert_int_equal(count(s, "actors"), 3);
    assert_int_equal(store_actor_merge(s, "Mullah Mansour", "Akhtar Mansour"), DOTS_OK);
    assert_int_equal(count(s, "actors"), 2);
    assert_int_equal(store_actor_merge(s, "Mullah Mansour", "Mullah Mansour"), DOTS_EINVAL);
    json_t *o;
    assert_int_equal(graph_actor(s, "Akhtar Mansour", &o), DOTS_OK);   /* now an alias */
    assert_string_equal(json_string_value(json_object_get(json_object_get(o, "actor"), "name")),
                        "Mullah Mansour");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(o, "counts"),
                                                        "claims_out")), 2);
    json_decref(o);
    /* A new document with the merged-away name lands on the merged actor. */
    static const tclaim C2[] = { { 0, 1, PRED_OPPOSES, NULL, "Akhtar Mansour fought", -1 } };
    static const tactor A2[] = { { "doc:Akhtar Mansour", "Akhtar Mansour", ACT_PER, NULL },
                                 { "us", "United States", ACT_GPE, NULL } };
    put(s, mkdoc("n.txt", "Akhtar Mansour fought the United States.", A2, 2, C2, 1), 0);
    assert_int_equal(count(s, "actors"), 3);
    int64_t a, b;
    assert_int_equal(store_actor_find(s, "Akhtar Mansour", &a), 0);
    assert_int_equal(store_actor_find(s, "Mullah Mansour", &b), 0);
    assert_int_equal(a, b);

    /* Split the bare surname off; a document naming only "Mansour" goes there. */
    assert_int_equal(store_actor_split(s, "Mullah Mansour", "Mansour"), DOTS_OK);
    assert_int_equal(store_actor_split(s, "Mullah Mansour", "Nobody"), DOTS_ENOTFOUND);
    static const tactor A3b[] = { { "doc:Mansour", "Mansour", ACT_PER, NULL },
                                  { "taliban", "Taliban", ACT_ORG, NULL } };
    static const tclaim C3[] = { { 0, 1, PRED_SUPPORTS, NULL, "Mansour backed the Taliban", -1 } };
    put(s, mkdoc("o.txt", "Mansour backed the Taliban.", A3b, 2, C3, 1), 0);
    int64_t m;
    assert_int_equal(store_actor_find(s, "Mansour", &m), 0);
    assert_true(m != b);
    assert_int_equal(graph_actor(s, "Mullah Mansour", &o), DOTS_OK);
    json_t *al = json_object_get(o, "aliases");
    size_t i; json_t *v;
    json_array_foreach(al, i, v) assert_string_not_equal(json_string_value(v), "Mansour");
    json_decref(o);
    /* Re-ingesting the first document (changed) keeps both decisions. */
    put(s, mkdoc("m.txt", "Mullah Mansour led the Taliban. Akhtar Mansour met the Taliban. ",
                 A, 3, C, 2), 0);
    assert_int_equal(store_actor_find(s, "Akhtar Mansour", &a), 0);
    assert_int_equal(a, b);
    assert_int_equal(graph_actor(s, "Mullah Mansour", &o), DOTS_OK);
    json_array_foreach(json_object_get(o, "aliases"), i, v)
        assert_string_not_equal(json_string_value(v), "Mansour");
    json_decref(o);
    store_close(s);
}

static void test_schema_version(void **state)
{
    (void)state;
    store *s = open_fresh();
    assert_int_equal(store_exec(s, "UPDATE schema_version SET version = 999"), 0);
    store_close(s);
    char err[512] = "";
    assert_int_equal(store_open(backend_url, &s, err, sizeof err), DOTS_ESTORE);
    assert_null(s);
    assert_non_null(strstr(err, "newer"));
    /* A version 1 database (no name_keys) is migrated on open, keys filled in. */
    s = open_fresh();
    put(s, mkdoc("a.txt", T1, A3, 4, C1, 2), 0);
    int64_t keys = count(s, "name_keys");
    assert_true(keys > 0);
    assert_int_equal(store_exec(s, "DROP TABLE name_keys; UPDATE schema_version SET version = 1"),
                     0);
    store_close(s);
    assert_int_equal(store_open(backend_url, &s, err, sizeof err), DOTS_OK);
    assert_int_equal(count(s, "schema_version"), 2);
    assert_int_equal(count(s, "name_keys"), keys);
    store_close(s);
    assert_int_equal(store_open(backend_url, &s, err, sizeof err), DOTS_OK);
    store_close(s);
}

/* Write an export to a temp file; returns its path (static buffer per format). */
static const char *export_file(store *s, const char *fmt, char *path, size_t n)
{
    buf b;
    buf_init(&b);
    assert_int_equal(graph_export(s, fmt, NULL, &b), DOTS_OK);
    assert_non_null(b.s);
    snprintf(path, n, "/tmp/dots-test-export-%d.%s", (int)getpid(), fmt);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b.s, 1, b.len, f), b.len);
    fclose(f);
    buf_fini(&b);
    return path;
}

/* Real readers check the exports: xmllint for well-formed XML, networkx
** reading GraphML and GEXF back, Python's csv and json for the rest. */
static void test_exports(void **state)
{
    (void)state;
    store *s = open_fresh();
    chain(s);
    char gml[64], gexf[64], csv[64], jsonl[64], ftm[64], cmd[4096];
    export_file(s, "graphml", gml, sizeof gml);
    export_file(s, "gexf", gexf, sizeof gexf);
    export_file(s, "csv", csv, sizeof csv);
    export_file(s, "jsonl", jsonl, sizeof jsonl);
    export_file(s, "ftm", ftm, sizeof ftm);
    if (system("command -v xmllint >/dev/null 2>&1") == 0) {
        snprintf(cmd, sizeof cmd, "xmllint --noout %s %s", gml, gexf);
        assert_int_equal(system(cmd), 0);
    } else {
        print_message("xmllint not installed: XML well-formedness not checked\n");
    }
    if (system("python3 -c 'import networkx' >/dev/null 2>&1") == 0) {
        snprintf(cmd, sizeof cmd, "python3 - %s %s %s %s %s <<'PY'\n"
            "import csv, json, sys, networkx as nx\n"
            "g = nx.read_graphml(sys.argv[1])\n"
            "assert g.number_of_nodes() == 4 and g.number_of_edges() == 4, (g.nodes, g.edges)\n"
            "names = sorted(d['name'] for _, d in g.nodes(data=True))\n"
            "assert names == ['Alpha', 'Bravo', 'Charlie', 'Delta'], names\n"
            "arms = [d for u, v, d in g.edges(data=True) if d['predicate'] == 'arms']\n"
            "assert arms[0]['claims'] == 2 and arms[0]['documents'] == 2, arms\n"
            "h = nx.read_gexf(sys.argv[2])\n"
            "assert h.number_of_nodes() == 4 and h.number_of_edges() == 4\n"
            "assert sorted(d['label'] for _, d in h.nodes(data=True)) == names\n"
            "rows = list(csv.DictReader(open(sys.argv[3])))\n"
            "assert len(rows) == 6 and rows[0]['sentence'], rows\n"
            "claims = [json.loads(l) for l in open(sys.argv[4])]\n"
            "assert len(claims) == 6 and claims[0]['evidence']['sentence']\n"
            "ents = [json.loads(l) for l in open(sys.argv[5])]\n"
            "ids = set()\n"
            "for e in ents:\n"
            "    assert set(e) == {'id', 'schema', 'properties'}, e\n"
            "    assert all(isinstance(v, list) and all(isinstance(x, str) for x in v)\n"
            "               for v in e['properties'].values()), e\n"
            "    ids.add(e['id'])\n"
            "links = [e for e in ents if e['schema'] == 'UnknownLink']\n"
            "assert len(links) == 6 and sum(e['schema'] == 'Organization' for e in ents) == 4\n"
            "assert all(l['properties']['subject'][0] in ids and\n"
            "           l['properties']['object'][0] in ids for l in links)\n"
            "PY", gml, gexf, csv, jsonl, ftm);
        assert_int_equal(system(cmd), 0);
    } else {
        print_message("python3-networkx not installed: exports not read back\n");
    }
    unlink(gml); unlink(gexf); unlink(csv); unlink(jsonl); unlink(ftm);
    buf b;
    buf_init(&b);
    assert_int_equal(graph_export(s, "pdf", NULL, &b), DOTS_EINVAL);
    buf_fini(&b);
    store_close(s);
}

static void test_lists(void **state)
{
    (void)state;
    store *s = open_fresh();
    put(s, mkdoc("a.txt", T1, A3, 4, C1, 2), 0);
    actor_lists *l = actor_lists_new();
    const char *al1[] = { "Taleban", "Islamic Emirate of Afghanistan" };
    actor_list_entry e1 = { .list = "UN", .entry_id = "QDe.001", .name = "TALIBAN",
                            .type = "entity", .programs = "Taliban", .aliases = al1,
                            .naliases = 2, .countries = "Afghanistan" };
    actor_list_entry e2 = { .list = "OFAC-SDN", .entry_id = "4695", .name = "HAMAS",
                            .type = "entity", .programs = "SDGT FTO" };
    actor_list_entry e3 = { .list = "OFAC-SDN", .entry_id = "9999", .name = "DOE, John",
                            .type = "individual" };
    assert_int_equal(actor_lists_add(l, &e1), 0);
    assert_int_equal(actor_lists_add(l, &e2), 0);
    assert_int_equal(actor_lists_add(l, &e3), 0);
    assert_int_equal(store_put_lists(s, l), DOTS_OK);
    actor_lists_free(l);
    assert_int_equal(count(s, "list_entries"), 3);

    json_t *o;
    assert_int_equal(graph_actor(s, "Taliban", &o), DOTS_OK);
    json_t *sl = json_object_get(o, "sanctions");
    assert_int_equal(json_array_size(sl), 1);
    json_t *h = json_array_get(sl, 0);
    assert_string_equal(json_string_value(json_object_get(h, "entry_id")), "QDe.001");
    assert_string_equal(json_string_value(json_object_get(h, "match")), "exact");
    json_decref(o);

    /* Read back: entries with their aliases, names not repeated as aliases. */
    l = actor_lists_new();
    assert_int_equal(store_get_lists(s, l), DOTS_OK);
    assert_int_equal(actor_lists_count(l), 3);
    int seen = 0;
    for (size_t i = 0; i < 3; i++) {
        const actor_list_entry *e = actor_lists_get(l, i);
        if (strcmp(e->entry_id, "QDe.001") == 0) {
            seen = 1;
            assert_int_equal(e->naliases, 2);
            assert_string_equal(e->countries, "Afghanistan");
        }
    }
    assert_true(seen);
    actor_lists_free(l);

    /* Loading OFAC again replaces only OFAC's entries. */
    l = actor_lists_new();
    assert_int_equal(actor_lists_add(l, &e2), 0);
    assert_int_equal(store_put_lists(s, l), DOTS_OK);
    actor_lists_free(l);
    assert_int_equal(count(s, "list_entries"), 2);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_put_idempotent),
        cmocka_unit_test(test_actor_merge_across_docs),
        cmocka_unit_test(test_show_and_sources),
        cmocka_unit_test(test_path),
        cmocka_unit_test(test_timeline_search_network_doc),
        cmocka_unit_test(test_review_survives),
        cmocka_unit_test(test_merge_split_survive),
        cmocka_unit_test(test_schema_version),
        cmocka_unit_test(test_exports),
        cmocka_unit_test(test_lists),
    };
    snprintf(sqlite_path, sizeof sqlite_path, "/tmp/dots-test-store-%d.db", (int)getpid());
    backend_url = sqlite_path;
    /* With DOTS_PG_URL (ctest's test_store_pg, cmake/store.cmake) the suite
    ** runs on PostgreSQL; without, on SQLite. */
    const char *pg = getenv("DOTS_PG_URL");
    if (pg && *pg) {
        backend_url = pg;
        return cmocka_run_group_tests_name("store (postgresql)", tests, NULL, NULL) ? 1 : 0;
    }
    int fails = cmocka_run_group_tests_name("store (sqlite)", tests, NULL, NULL);
    char p[300];
    unlink(sqlite_path);
    snprintf(p, sizeof p, "%s-wal", sqlite_path); unlink(p);
    snprintf(p, sizeof p, "%s-shm", sqlite_path); unlink(p);
    return fails ? 1 : 0;
}
