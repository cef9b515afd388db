/* src/store/sqlite.c -- the SQLite backend: a file path opens (or creates) a
** database in WAL mode, so that readers (show, path, serve) are never blocked
** by a running ingest and a killed writer leaves the last committed document
** intact. Several processes or threads may write: each has its own
** connection, transactions start IMMEDIATE (take the write lock up front, so
** two writers never deadlock upgrading a read lock) and wait up to 60 s.
** Full-text search is an FTS5 table keyed by document id. */
#include "store/store_int.h"
#include "dots.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sq_open(const char *url, void **h, char *err, size_t errlen)
{
    sqlite3 *db = NULL;
    const char *path = url;

    *h = NULL;
    if (strncmp(path, "sqlite:", 7) == 0) path += 7;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                             SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        base_err(err, errlen, DOTS_ESTORE, "%s: %s", path,
                 db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return DOTS_ESTORE;
    }
    sqlite3_busy_timeout(db, 60000);
    /* NORMAL is durable across process crashes in WAL mode (only an OS crash may
    ** lose the last transactions), which is the promise ingest makes. */
    const char *pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                          "PRAGMA foreign_keys=OFF; PRAGMA cache_size=-65536;"
                          "PRAGMA temp_store=MEMORY;";
    char *msg = NULL;
    if (sqlite3_exec(db, pragmas, NULL, NULL, &msg) != SQLITE_OK) {
        base_err(err, errlen, DOTS_ESTORE, "%s: %s", path, msg ? msg : "cannot set up");
        sqlite3_free(msg);
        sqlite3_close(db);
        return DOTS_ESTORE;
    }
    *h = db;
    return DOTS_OK;
}

static void sq_close(void *h) { sqlite3_close(h); }
static const char *sq_errmsg(void *h) { return sqlite3_errmsg(h); }

static int sq_exec(void *h, const char *sql)
{
    return sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK ? DOTS_OK : DOTS_ESTORE;
}

static int sq_prepare(void *h, const char *sql, void **st)
{
    sqlite3_stmt *s = NULL;
    *st = NULL;
    if (sqlite3_prepare_v3(h, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK)
        return DOTS_ESTORE;
    *st = s;
    return DOTS_OK;
}

static void sq_finalize(void *st) { sqlite3_finalize(st); }

static void sq_reset(void *st)
{
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
}

static int sq_bind_int(void *st, int i, int64_t v)
{
    return sqlite3_bind_int64(st, i, v) == SQLITE_OK ? DOTS_OK : DOTS_ESTORE;
}

static int sq_bind_double(void *st, int i, double v)
{
    return sqlite3_bind_double(st, i, v) == SQLITE_OK ? DOTS_OK : DOTS_ESTORE;
}

static int sq_bind_text(void *st, int i, const char *v)
{
    int rc = v ? sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
    return rc == SQLITE_OK ? DOTS_OK : DOTS_ESTORE;
}

static int sq_step(void *st)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) return 1;
    if (rc == SQLITE_DONE) return 0;
    return DOTS_ESTORE;
}

static int sq_col_null(void *st, int i) { return sqlite3_column_type(st, i) == SQLITE_NULL; }
static int64_t sq_col_int(void *st, int i) { return sqlite3_column_int64(st, i); }
static double sq_col_double(void *st, int i) { return sqlite3_column_double(st, i); }
static const char *sq_col_text(void *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static int sq_transient(void *h)
{
    int e = sqlite3_errcode(h);
    return e == SQLITE_BUSY || e == SQLITE_LOCKED;
}

const store_ops store_sqlite_ops = {
    .name = "sqlite",
    .id_type = "INTEGER PRIMARY KEY",
    .real_type = "REAL",
    .fts_schema = "CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5("
                  "title, text, tokenize = 'unicode61 remove_diacritics 2');",
    .fts_insert = "INSERT INTO docs_fts (rowid, title, text) VALUES (?, ?, ?)",
    .fts_delete = "DELETE FROM docs_fts WHERE rowid = ?",
    .fts_query = "SELECT d.id, d.name, d.title, snippet(docs_fts, 1, '[', ']', '...', 16) "
                 "FROM docs_fts JOIN documents d ON d.id = docs_fts.rowid "
                 "WHERE docs_fts MATCH ? ORDER BY rank LIMIT ?",
    .begin = "BEGIN IMMEDIATE",
    .open = sq_open, .close = sq_close, .errmsg = sq_errmsg, .exec = sq_exec,
    .prepare = sq_prepare, .finalize = sq_finalize, .reset = sq_reset,
    .bind_int = sq_bind_int, .bind_double = sq_bind_double, .bind_text = sq_bind_text,
    .step = sq_step, .col_null = sq_col_null, .col_int = sq_col_int,
    .col_double = sq_col_double, .col_text = sq_col_text, .transient = sq_transient,
};
