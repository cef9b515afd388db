/* src/store/pg.c -- the PostgreSQL backend through libpq, for one database
** shared by many ingest workers and readers. Same schema as SQLite (bigint
** identity keys), same SQL: "?" placeholders become $1, $2... ("?N" becomes
** $N) and every statement is prepared once per connection under its own name.
** Values travel as text, so binding is formatting and reading is parsing.
** A result is fetched whole at the first step (queries here return at most a
** few thousand rows) and stepped through in memory.
** Full-text search is a generated tsvector column with a GIN index. */
#include "store/store_int.h"
#include "dots.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pg_conn {
    PGconn *c;
    char err[512];
    char state[6];                   /* SQLSTATE of the last error */
    unsigned next;                   /* statement name counter */
} pg_conn;

typedef struct pg_stmt {
    pg_conn *c;
    char name[24];
    int nparams;
    char **vals;
    PGresult *res;
    int row, nrows, done;
} pg_stmt;

static void quiet(void *arg, const char *msg) { (void)arg; (void)msg; }

static int pg_open(const char *url, void **h, char *err, size_t errlen)
{
    pg_conn *c = calloc(1, sizeof *c);
    *h = NULL;
    if (!c) return base_err(err, errlen, DOTS_ENOMEM, "out of memory");
    c->c = PQconnectdb(url);
    if (!c->c || PQstatus(c->c) != CONNECTION_OK) {
        base_err(err, errlen, DOTS_ESTORE, "%s: %s", url,
                 c->c ? PQerrorMessage(c->c) : "cannot connect");
        PQfinish(c->c);
        free(c);
        return DOTS_ESTORE;
    }
    PQsetNoticeProcessor(c->c, quiet, NULL);   /* "already exists, skipping" */
    *h = c;
    return DOTS_OK;
}

static void pg_close(void *h)
{
    pg_conn *c = h;
    if (!c) return;
    PQfinish(c->c);
    free(c);
}

static const char *pg_errmsg(void *h)
{
    pg_conn *c = h;
    return c->err[0] ? c->err : PQerrorMessage(c->c);
}

static void set_err(pg_conn *c, const char *msg)
{
    snprintf(c->err, sizeof c->err, "%s", msg ? msg : "unknown error");
    size_t n = strlen(c->err);
    while (n && (c->err[n - 1] == '\n' || c->err[n - 1] == ' ')) c->err[--n] = 0;
}

static int ok(pg_conn *c, PGresult *r)
{
    ExecStatusType t = PQresultStatus(r);
    if (t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK) { c->err[0] = 0; return 1; }
    set_err(c, PQresultErrorMessage(r));
    const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    snprintf(c->state, sizeof c->state, "%s", st ? st : "");
    return 0;
}

static int pg_exec(void *h, const char *sql)
{
    pg_conn *c = h;
    PGresult *r = PQexec(c->c, sql);
    int good = ok(c, r);
    PQclear(r);
    return good ? DOTS_OK : DOTS_ESTORE;
}

/* "?" -> "$n" in order, "?N" -> "$N", outside quoted strings. */
static int convert(const char *sql, buf *out, int *nparams)
{
    int n = 0, max = 0;
    char q = 0;
    buf_reset(out);
    for (const char *p = sql; *p; p++) {
        if (q) { if (*p == q) q = 0; buf_putc(out, *p); continue; }
        if (*p == '\'' || *p == '"') { q = *p; buf_putc(out, *p); continue; }
        if (*p != '?') { buf_putc(out, *p); continue; }
        if (p[1] >= '0' && p[1] <= '9') {
            int k = (int)strtol(p + 1, NULL, 10);
            if (k > max) max = k;
            buf_putc(out, '$');
            continue;                /* the digits follow as they are */
        }
        buf_printf(out, "$%d", ++n);
        if (n > max) max = n;
    }
    *nparams = max;
    return out->s ? DOTS_OK : DOTS_ENOMEM;
}

static int pg_prepare(void *h, const char *sql, void **out)
{
    pg_conn *c = h;
    pg_stmt *st = calloc(1, sizeof *st);
    buf b;
    int rc = DOTS_ENOMEM;

    *out = NULL;
    buf_init(&b);
    if (!st || convert(sql, &b, &st->nparams)) goto fail;
    if (st->nparams && !(st->vals = calloc((size_t)st->nparams, sizeof *st->vals))) goto fail;
    st->c = c;
    snprintf(st->name, sizeof st->name, "dots%u", c->next++);
    PGresult *r = PQprepare(c->c, st->name, b.s, 0, NULL);
    int good = ok(c, r);
    PQclear(r);
    rc = good ? DOTS_OK : DOTS_ESTORE;
    if (!good) goto fail;
    buf_fini(&b);
    *out = st;
    return DOTS_OK;
fail:
    buf_fini(&b);
    if (st) free(st->vals);
    free(st);
    return rc;
}

static void clear_vals(pg_stmt *st)
{
    for (int i = 0; i < st->nparams; i++) { free(st->vals[i]); st->vals[i] = NULL; }
}

static void pg_reset(void *p)
{
    pg_stmt *st = p;
    PQclear(st->res);
    st->res = NULL;
    st->row = st->nrows = st->done = 0;
    clear_vals(st);
}

static void pg_finalize(void *p)
{
    pg_stmt *st = p;
    if (!st) return;
    pg_reset(st);
    char sql[48];
    snprintf(sql, sizeof sql, "DEALLOCATE %s", st->name);
    PQclear(PQexec(st->c->c, sql));
    free(st->vals);
    free(st);
}

static int set_val(pg_stmt *st, int i, char *v)
{
    if (i < 1 || i > st->nparams) { free(v); return DOTS_EINVAL; }
    free(st->vals[i - 1]);
    st->vals[i - 1] = v;
    return DOTS_OK;
}

static int pg_bind_int(void *p, int i, int64_t v)
{
    char b[32];
    snprintf(b, sizeof b, "%lld", (long long)v);
    return set_val(p, i, strdup(b));
}

static int pg_bind_double(void *p, int i, double v)
{
    char b[40];
    snprintf(b, sizeof b, "%.9g", v);
    return set_val(p, i, strdup(b));
}

static int pg_bind_text(void *p, int i, const char *v)
{
    return set_val(p, i, v ? strdup(v) : NULL);
}

static int pg_step(void *p)
{
    pg_stmt *st = p;
    if (!st->done) {
        st->res = PQexecPrepared(st->c->c, st->name, st->nparams,
                                 (const char *const *)st->vals, NULL, NULL, 0);
        st->done = 1;
        if (!ok(st->c, st->res)) return DOTS_ESTORE;
        st->nrows = PQresultStatus(st->res) == PGRES_TUPLES_OK ? PQntuples(st->res) : 0;
        st->row = 0;
    }
    if (st->row >= st->nrows) return 0;
    st->row++;
    return 1;
}

static int pg_col_null(void *p, int i)
{
    pg_stmt *st = p;
    return !st->res || st->row < 1 || PQgetisnull(st->res, st->row - 1, i);
}

static const char *pg_col_text(void *p, int i)
{
    pg_stmt *st = p;
    if (pg_col_null(p, i)) return NULL;
    return PQgetvalue(st->res, st->row - 1, i);
}

static int64_t pg_col_int(void *p, int i)
{
    const char *v = pg_col_text(p, i);
    return v ? strtoll(v, NULL, 10) : 0;
}

static double pg_col_double(void *p, int i)
{
    const char *v = pg_col_text(p, i);
    return v ? strtod(v, NULL) : 0;
}

/* Deadlock (40P01), serialization failure (40001), or a unique key another
** transaction committed first (23505): the document can simply be retried. */
static int pg_transient(void *h)
{
    pg_conn *c = h;
    return strcmp(c->state, "40P01") == 0 || strcmp(c->state, "40001") == 0 ||
           strcmp(c->state, "23505") == 0;
}

const store_ops store_pg_ops = {
    .name = "postgresql",
    .id_type = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    .real_type = "DOUBLE PRECISION",
    .fts_schema = "ALTER TABLE documents ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED "
                  "ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED;"
                  "CREATE INDEX IF NOT EXISTS documents_tsv ON documents USING gin (tsv);",
    .fts_insert = NULL, .fts_delete = NULL,
    .fts_query = "SELECT id, name, title, ts_headline('simple', text, "
                 "to_tsquery('simple', ?), 'StartSel=[, StopSel=], MaxWords=20, "
                 "MinWords=8') FROM documents WHERE tsv @@ to_tsquery('simple', ?) "
                 "ORDER BY ts_rank(tsv, to_tsquery('simple', ?)) DESC LIMIT ?",
    .begin = "BEGIN",
    .open = pg_open, .close = pg_close, .errmsg = pg_errmsg, .exec = pg_exec,
    .prepare = pg_prepare, .finalize = pg_finalize, .reset = pg_reset,
    .bind_int = pg_bind_int, .bind_double = pg_bind_double, .bind_text = pg_bind_text,
    .step = pg_step, .col_null = pg_col_null, .col_int = pg_col_int,
    .col_double = pg_col_double, .col_text = pg_col_text, .transient = pg_transient,
};
