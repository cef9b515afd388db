/* src/store/store.c -- the store's logic over either backend: opening with
** schema version checks and migrations, storing a document in one
** transaction, the cache of prepared statements, name folding.
** Everything here is SQL both SQLite and PostgreSQL accept ("?" placeholders,
** ON CONFLICT, RETURNING); the backend (sqlite.c, pg.c) only runs it.
** Facts that shaped it: a document brings ~10-50 actors, ~20 claims and ~50
** mentions, so per-document work is a few hundred indexed statements, all
** prepared once per connection (store_cached). Ingest may be killed at any
** moment: a document is one transaction, and a document stored already (same
** name, same content hash) is skipped before the write lock is taken. */
#include "store/store_int.h"
#include "dots.h"
#include "store_schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#define STORE_SCHEMA_VERSION 2


/* Migrations from version v-1 to v; schema.sql always creates the newest
** layout, so a fresh database runs none of them. Append, never edit. */
static const struct {
    int version;
    const char *sql;
    int (*fill)(store *s);           /* data the new layout needs, computed in C */
} migrations[] = {
    { 1, NULL, NULL },               /* the first layout */
    { 2, "CREATE TABLE IF NOT EXISTS name_keys (skel TEXT NOT NULL, actor_id BIGINT NOT NULL, "
         "PRIMARY KEY (skel, actor_id));"
         "CREATE INDEX IF NOT EXISTS name_keys_actor ON name_keys (actor_id);",
      store_name_keys_backfill },
};

/* ---- Errors and statements ---------------------------------------------- */
int store_fail(store *s, const char *what)
{
    snprintf(s->err, sizeof s->err, "%s: %s", what, s->ops->errmsg(s->h));
    return DOTS_ESTORE;
}

const char *store_errmsg(const store *s) { return s ? s->err : "no store"; }
const char *store_backend(const store *s) { return s->ops->name; }

int store_cached(store *s, const char *sql, store_stmt **out)
{
    for (int i = 0; i < s->ncache; i++)
        if (s->cache[i].sql == sql) { *out = &s->cache[i].st; return DOTS_OK; }
    if (s->ncache == STORE_NCACHE) return store_prepare(s, sql, out);   /* never expected */
    void *st;
    if (s->ops->prepare(s->h, sql, &st) != DOTS_OK) return store_fail(s, sql);
    s->cache[s->ncache].sql = sql;
    s->cache[s->ncache].st = (store_stmt){ s, st, 1 };
    *out = &s->cache[s->ncache++].st;
    return DOTS_OK;
}

int store_prepare(store *s, const char *sql, store_stmt **out)
{
    store_stmt *st = calloc(1, sizeof *st);
    *out = NULL;
    if (!st) return DOTS_ENOMEM;
    if (s->ops->prepare(s->h, sql, &st->st) != DOTS_OK) {
        free(st);
        return store_fail(s, sql);
    }
    st->s = s;
    *out = st;
    return DOTS_OK;
}

void store_finalize(store_stmt *st)
{
    if (!st) return;
    if (st->cached) { store_reset(st); return; }
    st->s->ops->finalize(st->st);
    free(st);
}

void store_reset(store_stmt *st) { st->s->ops->reset(st->st); }
int store_bind_int(store_stmt *st, int i, int64_t v) { return st->s->ops->bind_int(st->st, i, v); }
int store_bind_double(store_stmt *st, int i, double v)
{
    return st->s->ops->bind_double(st->st, i, v);
}
int store_bind_text(store_stmt *st, int i, const char *v)
{
    return st->s->ops->bind_text(st->st, i, v);
}

int store_step(store_stmt *st)
{
    int rc = st->s->ops->step(st->st);
    if (rc < 0) store_fail(st->s, "query");
    return rc;
}

int store_col_null(store_stmt *st, int i) { return st->s->ops->col_null(st->st, i); }
int64_t store_col_int(store_stmt *st, int i) { return st->s->ops->col_int(st->st, i); }
double store_col_double(store_stmt *st, int i) { return st->s->ops->col_double(st->st, i); }
const char *store_col_text(store_stmt *st, int i) { return st->s->ops->col_text(st->st, i); }

int store_exec(store *s, const char *sql)
{
    return s->ops->exec(s->h, sql) == DOTS_OK ? DOTS_OK : store_fail(s, "exec");
}

int store_begin(store *s) { return store_exec(s, s->ops->begin); }
int store_commit(store *s) { return store_exec(s, "COMMIT"); }
int store_rollback(store *s)
{
    char keep[sizeof s->err];
    memcpy(keep, s->err, sizeof keep);      /* the reason to roll back matters more */
    int rc = store_exec(s, "ROLLBACK");
    memcpy(s->err, keep, sizeof keep);
    return rc;
}

/* Run a cached statement with text arguments (NULL ends them); *out gets
** column 0 of the first row. Returns 1 found, 0 not, <0 error. */
int store_q_int(store *s, const char *sql, int64_t *out, const char *a, const char *b)
{
    store_stmt *st;
    int rc = store_cached(s, sql, &st);
    if (rc) return rc;
    if (a) store_bind_text(st, 1, a);
    if (b) store_bind_text(st, 2, b);
    rc = store_step(st);
    if (rc == 1 && out) *out = store_col_int(st, 0);
    store_reset(st);
    return rc;
}

/* As q_int for a text column, copied into out. */
int store_q_text(store *s, const char *sql, buf *out, const char *a, const char *b)
{
    store_stmt *st;
    int rc = store_cached(s, sql, &st);
    if (rc) return rc;
    if (a) store_bind_text(st, 1, a);
    if (b) store_bind_text(st, 2, b);
    rc = store_step(st);
    buf_reset(out);
    if (rc == 1) {
        const char *t = store_col_text(st, 0);
        if (buf_puts(out, t ? t : "")) rc = DOTS_ENOMEM;
    }
    store_reset(st);
    return rc;
}

/* ---- Folding ------------------------------------------------------------ */
void store_fold(const char *s, buf *out)
{
    buf_reset(out);
    buf_puts(out, "");
    if (!s) return;
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &m,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                      UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                      UTF8PROC_STRIPMARK);
    if (n < 0) {                     /* invalid UTF-8: fold the ASCII we can */
        for (const char *p = s; *p; p++) {
            unsigned char c = (unsigned char)*p;
            int keep = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80;
            if (c >= 'A' && c <= 'Z') { c = (unsigned char)(c + 32); keep = 1; }
            if (keep) buf_putc(out, c);
            else if (out->len && out->s[out->len - 1] != ' ') buf_putc(out, ' ');
        }
    } else {
        utf8proc_ssize_t i = 0;
        while (i < n) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate(m + i, n - i, &cp);
            if (k <= 0) break;
            utf8proc_category_t cat = utf8proc_category(cp);
            int word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                       (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
                       cat == UTF8PROC_CATEGORY_MN;
            if (word) buf_append(out, m + i, (size_t)k);
            else if (out->len && out->s[out->len - 1] != ' ') buf_putc(out, ' ');
            i += k;
        }
        free(m);
    }
    while (out->len && out->s[out->len - 1] == ' ') out->s[--out->len] = 0;
}

/* ---- Opening and migrations --------------------------------------------- */
static int substitute(const store_ops *ops, buf *out)
{
    const char *p = store_schema_sql;
    buf_reset(out);
    while (*p) {
        if (strncmp(p, "@ID@", 4) == 0) { buf_puts(out, ops->id_type); p += 4; }
        else if (strncmp(p, "@REAL@", 6) == 0) { buf_puts(out, ops->real_type); p += 6; }
        else buf_putc(out, *p++);
    }
    return out->s ? DOTS_OK : DOTS_ENOMEM;
}

static int migrate(store *s)
{
    int64_t v = 0;
    int rc = store_exec(s, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    if (rc) return rc;
    if ((rc = store_begin(s))) return rc;
    /* Two processes may open a fresh database at once; the write lock (and an
    ** advisory lock on PostgreSQL) makes the second see the first's schema. */
    if (s->ops == &store_pg_ops && (rc = store_exec(s, "SELECT pg_advisory_xact_lock(7170)")))
        goto fail;
    rc = store_q_int(s, "SELECT max(version) FROM schema_version", &v, NULL, NULL);
    if (rc < 0) goto fail;
    if (v > STORE_SCHEMA_VERSION) {
        snprintf(s->err, sizeof s->err, "database schema version %lld is newer than this "
                 "dots understands (%d): upgrade dots", (long long)v, STORE_SCHEMA_VERSION);
        rc = DOTS_ESTORE;
        goto fail;
    }
    if (v == 0) {
        if ((rc = substitute(s->ops, &s->t1))) goto fail;
        if ((rc = store_exec(s, s->t1.s)) || (rc = store_exec(s, s->ops->fts_schema))) goto fail;
    } else {
        for (size_t i = 0; i < sizeof migrations / sizeof *migrations; i++) {
            if (migrations[i].version <= v) continue;
            if (migrations[i].sql && (rc = store_exec(s, migrations[i].sql))) goto fail;
            if (migrations[i].fill && (rc = migrations[i].fill(s))) goto fail;
        }
    }
    if (v < STORE_SCHEMA_VERSION) {
        char sql[96];
        snprintf(sql, sizeof sql, "DELETE FROM schema_version; "
                 "INSERT INTO schema_version VALUES (%d)", STORE_SCHEMA_VERSION);
        if ((rc = store_exec(s, sql))) goto fail;
    }
    return store_commit(s);
fail:
    store_rollback(s);
    return rc;
}

static int is_pg_url(const char *url)
{
    return strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0 ||
           strncmp(url, "postgresql:", 11) == 0;
}

int store_open(const char *url, store **out, char *err, size_t errlen)
{
    store *s = calloc(1, sizeof *s);
    int rc;

    *out = NULL;
    if (!s) return base_err(err, errlen, DOTS_ENOMEM, "out of memory");
    if (!url || !*url) { free(s); return base_err(err, errlen, DOTS_EINVAL, "empty database"); }
    s->ops = is_pg_url(url) ? &store_pg_ops : &store_sqlite_ops;
    if ((rc = s->ops->open(url, &s->h, err, errlen))) { free(s); return rc; }
    if ((rc = migrate(s))) {
        base_err(err, errlen, rc, "%s: %s", url, s->err);
        store_close(s);
        return rc;
    }
    *out = s;
    return DOTS_OK;
}

void store_close(store *s)
{
    if (!s) return;
    for (int i = 0; i < s->ncache; i++) s->ops->finalize(s->cache[i].st.st);
    s->ops->close(s->h);
    actor_lists_free(s->lists);
    buf_fini(&s->t1);
    buf_fini(&s->t2);
    free(s);
}

int store_count(store *s, const char *table, int64_t *n)
{
    static const char *const sqls[][2] = {
        { "documents", "SELECT count(*) FROM documents" },
        { "segments", "SELECT count(*) FROM segments" },
        { "actors", "SELECT count(*) FROM actors" },
        { "aliases", "SELECT count(*) FROM aliases" },
        { "mentions", "SELECT count(*) FROM mentions" },
        { "claims", "SELECT count(*) FROM claims" },
        { "list_entries", "SELECT count(*) FROM list_entries" },
        { "reviews", "SELECT count(*) FROM reviews" },
        { "actor_decisions", "SELECT count(*) FROM actor_decisions" },
        { "name_keys", "SELECT count(*) FROM name_keys" },
        { "schema_version", "SELECT max(version) FROM schema_version" },
    };
    *n = 0;
    for (size_t i = 0; i < sizeof sqls / sizeof *sqls; i++)
        if (strcmp(sqls[i][0], table) == 0) {
            int rc = store_q_int(s, sqls[i][1], n, NULL, NULL);
            return rc < 0 ? rc : DOTS_OK;
        }
    snprintf(s->err, sizeof s->err, "no table %s", table);
    return DOTS_EINVAL;
}

int store_search_docs(store *s, const char *q, int limit, store_stmt **out)
{
    buf fq;
    int rc;
    buf_init(&fq);
    *out = NULL;
    if (s->ops == &store_sqlite_ops) {
        /* FTS5 query syntax would make "al-Qaeda" an error: quote every word. */
        store_fold(q, &s->t1);
        for (char *w = strtok(s->t1.s, " "); w; w = strtok(NULL, " "))
            buf_printf(&fq, "%s\"%s\"", fq.len ? " " : "", w);
    } else {
        buf_puts(&fq, q);
    }
    if (!fq.len) { buf_fini(&fq); return DOTS_EINVAL; }
    if ((rc = store_cached(s, s->ops->fts_query, out)) == DOTS_OK) {
        int n = s->ops == &store_sqlite_ops ? 1 : 3;   /* pg repeats the query */
        for (int i = 1; i <= n; i++) store_bind_text(*out, i, fq.s);
        store_bind_int(*out, n + 1, limit);
    }
    buf_fini(&fq);
    return rc;
}

/* ---- Actors ------------------------------------------------------------- */
/* The document-level key of doc actor a: "kb:<id>" for KB actors,
** "doc:<folded name>" for names the KB does not know. */
static void doc_key(store *s, const doc_actor *a, buf *key)
{
    buf_reset(key);
    if (a->id && strncmp(a->id, "doc:", 4) != 0) {
        buf_printf(key, "kb:%s", a->id);
    } else {
        store_fold(a->name, &s->t2);
        buf_printf(key, "doc:%s", s->t2.s);
    }
}

static int follow_merges(store *s, buf *key)
{
    if (!s->decisions) return DOTS_OK;
    for (int hop = 0; hop < 16; hop++) {
        int rc = store_q_text(s, "SELECT target FROM actor_decisions WHERE kind = 'merge' AND akey = ?",
                        &s->t2, key->s, NULL);
        if (rc < 0) return rc;
        if (rc == 0) return DOTS_OK;
        buf_reset(key);
        buf_puts(key, s->t2.s);
    }
    return DOTS_OK;                  /* a cycle of merges: stop anywhere */
}

/* 1 when fold f is split off actor akey. */
static int is_split(store *s, const char *akey, const char *f)
{
    if (!s->decisions) return 0;
    return store_q_int(s, "SELECT 1 FROM actor_decisions WHERE kind = 'split' AND akey = ? "
                    "AND target = ?", NULL, akey, f);
}

/* If every surface form of a folds to an alias split off key, a belongs to
** the split actor: rewrite key to it. */
static int apply_split(store *s, const doc_actor *a, buf *key)
{
    buf f;
    int rc, all = 1;
    char *first = NULL;

    if (!s->decisions) return DOTS_OK;
    if ((rc = store_q_int(s, "SELECT 1 FROM actor_decisions WHERE kind = 'split' AND akey = ?",
                    NULL, key->s, NULL)) <= 0)
        return rc;
    buf_init(&f);
    for (size_t i = 0; i <= a->naliases && all; i++) {
        store_fold(i == 0 ? a->name : a->aliases[i - 1], &f);
        if (!f.len) continue;
        if ((rc = is_split(s, key->s, f.s)) < 0) goto done;
        if (rc == 0) all = 0;
        else if (!first) first = strdup(f.s);
    }
    if (all && first) {
        buf_reset(&f);
        buf_printf(&f, "split:%s|%s", key->s, first);
        buf_reset(key);
        buf_puts(key, f.s);
    }
    rc = DOTS_OK;
done:
    free(first);
    buf_fini(&f);
    return rc;
}

/* An actor id for doc actor a, creating the actor and its aliases. */
static int put_actor(store *s, const doc_actor *a, buf *key, int64_t *id)
{
    buf f;
    int rc;
    store_stmt *st;

    buf_init(&f);
    doc_key(s, a, key);
    if ((rc = follow_merges(s, key))) goto done;
    if (strncmp(key->s, "doc:", 4) == 0) {
        /* A name the KB does not know may be an alias of a stored actor. */
        rc = store_q_int(s, "SELECT id FROM actors WHERE akey = ?", NULL, key->s, NULL);
        if (rc < 0) goto done;
        if (rc == 0) {
            store_fold(a->name, &f);
            if ((rc = store_cached(s, "SELECT DISTINCT a.akey FROM aliases l JOIN actors a "
                                      "ON a.id = l.actor_id WHERE l.fold = ? LIMIT 2", &st)))
                goto done;
            store_bind_text(st, 1, f.s);
            int n = 0;
            while ((rc = store_step(st)) == 1)
                if (n++ == 0) { buf_reset(&s->t1); buf_puts(&s->t1, store_col_text(st, 0)); }
            store_reset(st);
            if (rc < 0) goto done;
            if (n == 1) { buf_reset(key); buf_puts(key, s->t1.s); }
            else if (n == 0 &&
                     (rc = store_similar_actor(s, a->name, doc_actor_type_name(a->type), key)) < 0)
                goto done;
        }
    }
    if ((rc = apply_split(s, a, key)) || (rc = follow_merges(s, key))) goto done;

    store_fold(a->name, &f);
    if ((rc = store_cached(s, "INSERT INTO actors (akey, name, type, kb_id, fold) "
                              "VALUES (?, ?, ?, ?, ?) ON CONFLICT (akey) DO NOTHING", &st)))
        goto done;
    store_bind_text(st, 1, key->s);
    store_bind_text(st, 2, a->name ? a->name : "");
    store_bind_text(st, 3, doc_actor_type_name(a->type));
    store_bind_text(st, 4, a->id && strncmp(a->id, "doc:", 4) != 0 ? a->id : NULL);
    store_bind_text(st, 5, f.s);
    rc = store_step(st);
    store_reset(st);
    if (rc < 0) goto done;
    if ((rc = store_q_int(s, "SELECT id FROM actors WHERE akey = ?", id, key->s, NULL)) != 1) {
        if (rc == 0) { snprintf(s->err, sizeof s->err, "actor %s vanished", key->s); }
        rc = DOTS_ESTORE;
        goto done;
    }
    if ((rc = store_cached(s, "INSERT INTO aliases (actor_id, fold, alias) VALUES (?, ?, ?) "
                              "ON CONFLICT (actor_id, fold) DO NOTHING", &st)))
        goto done;
    for (size_t i = 0; i <= a->naliases; i++) {
        const char *al = i == 0 ? a->name : a->aliases[i - 1];
        store_fold(al, &f);
        if (!f.len) continue;
        if ((rc = is_split(s, key->s, f.s)) < 0) goto done;
        if (rc == 1) continue;        /* the analyst moved this name away */
        store_bind_int(st, 1, *id);
        store_bind_text(st, 2, f.s);
        store_bind_text(st, 3, al);
        rc = store_step(st);
        store_reset(st);
        if (rc < 0) goto done;
        if ((rc = store_name_keys_add(s, *id, doc_actor_type_name(a->type), f.s))) goto done;
    }
    rc = DOTS_OK;
done:
    buf_fini(&f);
    return rc;
}

/* ---- Documents ---------------------------------------------------------- */
static int delete_children(store *s, int64_t doc_id)
{
    static const char *const sqls[] = {
        "DELETE FROM claims WHERE doc_id = ?",
        "DELETE FROM mentions WHERE doc_id = ?",
        "DELETE FROM segments WHERE doc_id = ?",
    };
    store_stmt *st;
    int rc;
    for (size_t i = 0; i < sizeof sqls / sizeof *sqls + 1; i++) {
        const char *sql = i < 3 ? sqls[i] : s->ops->fts_delete;
        if (!sql) continue;
        if ((rc = store_cached(s, sql, &st))) return rc;
        store_bind_int(st, 1, doc_id);
        rc = store_step(st);
        store_reset(st);
        if (rc < 0) return rc;
    }
    return DOTS_OK;
}

static int put_doc_row(store *s, const dots_doc *d, const char *hash, int64_t old,
                       int64_t *doc_id)
{
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    store_stmt *st;
    int rc;

    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    rc = old ? store_cached(s, "UPDATE documents SET hash = ?, title = ?, date = ?, url = ?, "
                               "byline = ?, format = ?, text = ?, ingested_at = ? WHERE id = ? "
                               "RETURNING id", &st)
             : store_cached(s, "INSERT INTO documents (hash, title, date, url, byline, format, "
                               "text, ingested_at, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                               "RETURNING id", &st);
    if (rc) return rc;
    store_bind_text(st, 1, hash);
    store_bind_text(st, 2, d->title);
    store_bind_text(st, 3, d->date);
    store_bind_text(st, 4, d->url);
    store_bind_text(st, 5, d->byline);
    store_bind_text(st, 6, d->format ? d->format : "text");
    store_bind_text(st, 7, d->text ? d->text : "");
    store_bind_text(st, 8, now);
    if (old) store_bind_int(st, 9, old);
    else store_bind_text(st, 9, d->name);
    rc = store_step(st);
    if (rc == 1) *doc_id = store_col_int(st, 0);
    store_reset(st);
    if (rc == 0) { snprintf(s->err, sizeof s->err, "%s: no id", d->name); rc = DOTS_ESTORE; }
    if (rc < 0) return rc;
    if (s->ops->fts_insert) {
        if ((rc = store_cached(s, s->ops->fts_insert, &st))) return rc;
        store_bind_int(st, 1, *doc_id);
        store_bind_text(st, 2, d->title);
        store_bind_text(st, 3, d->text ? d->text : "");
        rc = store_step(st);
        store_reset(st);
        if (rc < 0) return rc;
    }
    return DOTS_OK;
}

static int put_segments(store *s, const dots_doc *d, int64_t doc_id)
{
    store_stmt *st;
    int rc = store_cached(s, "INSERT INTO segments (doc_id, idx, kind, start_off, end_off, "
                             "src_start, src_end, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &st);
    if (rc) return rc;
    for (size_t i = 0; i < d->nsegs; i++) {
        const doc_seg *g = &d->segs[i];
        store_bind_int(st, 1, doc_id);
        store_bind_int(st, 2, (int64_t)i);
        store_bind_text(st, 3, doc_seg_kind_name(g->kind));
        store_bind_int(st, 4, g->start);
        store_bind_int(st, 5, g->end);
        store_bind_int(st, 6, (int64_t)g->src_start);
        store_bind_int(st, 7, (int64_t)g->src_end);
        store_bind_text(st, 8, g->kind == SEG_COMMENT && g->comment >= 0 &&
                               (size_t)g->comment < d->ncomments
                               ? d->comments[g->comment].author : NULL);
        rc = store_step(st);
        store_reset(st);
        if (rc < 0) return rc;
    }
    return DOTS_OK;
}

/* A copy of text [a, b) of d, NUL-terminated, into out ("" when out of range). */
static void span(const dots_doc *d, uint32_t a, uint32_t b, buf *out)
{
    buf_reset(out);
    buf_puts(out, "");
    if (d->text && a < b && b <= d->len) buf_append(out, d->text + a, b - a);
}

static int put_mentions(store *s, const dots_doc *d, int64_t doc_id, const int64_t *ids)
{
    store_stmt *st;
    buf t, f;
    int rc = store_cached(s, "INSERT INTO mentions (doc_id, actor_id, start_off, end_off, fold) "
                             "VALUES (?, ?, ?, ?, ?)", &st);
    if (rc) return rc;
    buf_init(&t);
    buf_init(&f);
    for (size_t i = 0; i < d->nmentions && rc == DOTS_OK; i++) {
        const doc_mention *m = &d->mentions[i];
        if (m->actor < 0 || (size_t)m->actor >= d->nactors) continue;
        span(d, m->start, m->end, &t);
        store_fold(t.s, &f);
        store_bind_int(st, 1, doc_id);
        store_bind_int(st, 2, ids[m->actor]);
        store_bind_int(st, 3, m->start);
        store_bind_int(st, 4, m->end);
        store_bind_text(st, 5, f.s);
        if (store_step(st) < 0) rc = DOTS_ESTORE;
        store_reset(st);
    }
    buf_fini(&t);
    buf_fini(&f);
    return rc;
}

static int put_claim(store *s, const dots_doc *d, int64_t doc_id, const int64_t *ids,
                     char **keys, const doc_claim *c, buf *ckey, buf *sent)
{
    store_stmt *st, *rv;
    const char *pred = doc_predicate_name(c->predicate);
    const char *pol = doc_polarity_name(c->polarity);
    const char *time = c->time, *status = "unreviewed";
    int rc;

    if (c->subject < 0 || c->object < 0 || (size_t)c->subject >= d->nactors ||
        (size_t)c->object >= d->nactors) {
        snprintf(s->err, sizeof s->err, "%s: claim names actor %d/%d of %zu", d->name,
                 c->subject, c->object, d->nactors);
        return DOTS_EINVAL;
    }
    buf_reset(ckey);
    buf_printf(ckey, "%s|%s|%s|%s|%u-%u", d->name, keys[c->subject], pred, keys[c->object],
               c->ev_start, c->ev_end);
    /* An analyst's verdict on this claim outlives the claim row. */
    if ((rc = store_cached(s, "SELECT action, predicate, polarity, time FROM reviews "
                              "WHERE ckey = ?", &rv)))
        return rc;
    store_bind_text(rv, 1, ckey->s);
    if ((rc = store_step(rv)) < 0) { store_reset(rv); return rc; }
    int found = rc;
    if ((rc = store_cached(s, "INSERT INTO claims (doc_id, ckey, subject, predicate, object, "
                              "polarity, time, source_id, source_name, origin, ev_start, ev_end, "
                              "sentence, confidence, rule, status) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &st))) {
        store_reset(rv);
        return rc;
    }
    int reviewed = found == 1;
    store_bind_int(st, 1, doc_id);
    store_bind_text(st, 2, ckey->s);
    store_bind_int(st, 3, ids[c->subject]);
    store_bind_int(st, 5, ids[c->object]);
    if (reviewed) {
        const char *act = store_col_text(rv, 0);
        status = strcmp(act, "confirm") == 0 ? "confirmed"
               : strcmp(act, "reject") == 0 ? "rejected" : "corrected";
        if (!store_col_null(rv, 1)) pred = store_col_text(rv, 1);
        if (!store_col_null(rv, 2)) pol = store_col_text(rv, 2);
        if (!store_col_null(rv, 3)) time = store_col_text(rv, 3);
    }
    store_bind_text(st, 4, pred);
    store_bind_text(st, 6, pol);
    store_bind_text(st, 7, time);
    if (c->source >= 0 && (size_t)c->source < d->nactors) {
        store_bind_int(st, 8, ids[c->source]);
        store_bind_text(st, 9, c->source_name ? c->source_name : d->actors[c->source].name);
    } else {
        store_bind_text(st, 8, NULL);
        store_bind_text(st, 9, c->source_name);
    }
    store_bind_text(st, 10, c->origin_comment >= 0 ? "comment" : "article");
    store_bind_int(st, 11, c->ev_start);
    store_bind_int(st, 12, c->ev_end);
    span(d, c->ev_start, c->ev_end, sent);
    store_bind_text(st, 13, sent->s);
    store_bind_double(st, 14, c->confidence);
    store_bind_text(st, 15, c->rule);
    store_bind_text(st, 16, status);
    rc = store_step(st);           /* binds were copied: rv may go now */
    store_reset(st);
    store_reset(rv);
    return rc < 0 ? rc : DOTS_OK;
}

static void content_hash(const dots_doc *d, char out[17])
{
    const char *p = d->src ? d->src : d->text ? d->text : "";
    size_t n = d->src ? d->src_len : d->text ? d->len : 0;
    snprintf(out, 17, "%016llx", (unsigned long long)base_hash64(p, n));
}

int store_doc_known(store *s, const dots_doc *d, int64_t *doc_id)
{
    char hash[17];
    store_stmt *st;
    int rc;

    *doc_id = 0;
    if (!d->name) return 0;
    content_hash(d, hash);
    if ((rc = store_cached(s, "SELECT id FROM documents WHERE name = ? AND hash = ?", &st)))
        return rc;
    store_bind_text(st, 1, d->name);
    store_bind_text(st, 2, hash);
    rc = store_step(st);
    if (rc == 1) *doc_id = store_col_int(st, 0);
    store_reset(st);
    return rc;
}

int store_put_doc(store *s, const dots_doc *d, int64_t *doc_id, int *skipped)
{
    char hash[17];
    int64_t *ids = NULL, old = 0, n = 0;
    char **keys = NULL;
    buf key, ckey, sent;
    int rc;

    *doc_id = 0;
    *skipped = 0;
    if (!d->name || !*d->name) {
        snprintf(s->err, sizeof s->err, "document without a name");
        return DOTS_EINVAL;
    }
    content_hash(d, hash);
    buf_init(&key);
    buf_init(&ckey);
    buf_init(&sent);
    /* Re-runs skip most documents: look before taking the write lock. */
    rc = store_q_text(s, "SELECT hash FROM documents WHERE name = ?", &key, d->name, NULL);
    if (rc < 0) goto out;
    if (rc == 1 && strcmp(key.s, hash) == 0) {
        rc = store_q_int(s, "SELECT id FROM documents WHERE name = ?", doc_id, d->name, NULL);
        *skipped = 1;
        rc = rc < 0 ? rc : DOTS_OK;
        goto out;
    }
    if ((rc = store_begin(s))) goto out;
    rc = store_q_text(s, "SELECT hash FROM documents WHERE name = ?", &key, d->name, NULL);
    if (rc < 0) goto fail;
    if (rc == 1) {
        if ((rc = store_q_int(s, "SELECT id FROM documents WHERE name = ?", &old, d->name, NULL)) < 0)
            goto fail;
        if (strcmp(key.s, hash) == 0) {       /* another worker stored it meanwhile */
            *doc_id = old;
            *skipped = 1;
            rc = store_commit(s);
            goto out;
        }
        if ((rc = delete_children(s, old))) goto fail;
    }
    /* Most databases have no analyst decisions: then skip their look-ups. */
    if ((rc = store_q_int(s, "SELECT count(*) FROM actor_decisions", &n, NULL, NULL)) < 0)
        goto fail;
    s->decisions = n > 0;
    if ((rc = put_doc_row(s, d, hash, old, doc_id))) goto fail;
    if ((rc = put_segments(s, d, *doc_id))) goto fail;
    rc = DOTS_ENOMEM;
    if (d->nactors && (!(ids = calloc(d->nactors, sizeof *ids)) ||
                       !(keys = calloc(d->nactors, sizeof *keys))))
        goto fail;
    for (size_t i = 0; i < d->nactors; i++) {
        if ((rc = put_actor(s, &d->actors[i], &key, &ids[i]))) goto fail;
        doc_key(s, &d->actors[i], &key);   /* reviews use the document's own key */
        if (!(keys[i] = strdup(key.s))) { rc = DOTS_ENOMEM; goto fail; }
    }
    if ((rc = put_mentions(s, d, *doc_id, ids))) goto fail;
    for (size_t i = 0; i < d->nclaims; i++)
        if ((rc = put_claim(s, d, *doc_id, ids, keys, &d->claims[i], &ckey, &sent))) goto fail;
    rc = store_commit(s);
    goto out;
fail:
    store_rollback(s);
out:
    if (keys) for (size_t i = 0; i < d->nactors; i++) free(keys[i]);
    free(keys);
    free(ids);
    buf_fini(&key);
    buf_fini(&ckey);
    buf_fini(&sent);
    return rc;
}
