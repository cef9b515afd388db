/* src/store/store_int.h -- what the two backends provide to store.c: a table
** of function pointers over one connection and its statements. store.c holds
** all the logic (ingest, decisions, reviews) in SQL both dialects accept, so a
** backend only runs statements; the differences it owns are the key types of
** the schema, the transaction start, and full-text search. */
#ifndef DOTS_STORE_INT_H
#define DOTS_STORE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

typedef struct store_ops {
    const char *name;
    const char *id_type, *real_type;     /* replace @ID@ and @REAL@ in schema.sql */
    const char *fts_schema;              /* extra DDL for full-text search */
    const char *fts_insert, *fts_delete; /* NULL when the schema keeps it current */
    const char *fts_query;               /* ? = query, ? = limit -> id, name, title, snippet */
    const char *begin;                   /* starts a write transaction */
    int (*open)(const char *url, void **h, char *err, size_t errlen);
    void (*close)(void *h);
    const char *(*errmsg)(void *h);
    int (*exec)(void *h, const char *sql);
    int (*prepare)(void *h, const char *sql, void **st);
    void (*finalize)(void *st);
    void (*reset)(void *st);
    int (*bind_int)(void *st, int i, int64_t v);
    int (*bind_double)(void *st, int i, double v);
    int (*bind_text)(void *st, int i, const char *v);
    int (*step)(void *st);               /* 1 row, 0 done, DOTS_ESTORE */
    int (*col_null)(void *st, int i);
    int64_t (*col_int)(void *st, int i);
    double (*col_double)(void *st, int i);
    const char *(*col_text)(void *st, int i);
} store_ops;

extern const store_ops store_sqlite_ops;
#define STORE_NCACHE 128
struct store_stmt {
    store *s;
    void *st;
    int cached;
};

struct store {
    const store_ops *ops;
    void *h;
    char err[512];
    int ncache;
    struct { const char *sql; store_stmt st; } cache[STORE_NCACHE];
    buf t1, t2;                      /* scratch for folding and keys */
    int decisions;                   /* the analyst has decided something (per put_doc) */
    actor_lists *lists;              /* store_lists' cache; NULL until asked */
    int lists_loaded;
};

/* Copy the backend's message, prefixed by what, into s->err; DOTS_ESTORE. */
int store_fail(store *s, const char *what);
/* Run a cached statement (sql a literal) with up to two text arguments; *out
** gets column 0 of the first row. Return 1 found, 0 not, <0 error. */
int store_q_int(store *s, const char *sql, int64_t *out, const char *a, const char *b);
int store_q_text(store *s, const char *sql, buf *out, const char *a, const char *b);

/* names.c: similarity candidates. Index the words of folded alias fold of a
** person or organisation (other types are ignored). */
int store_name_keys_add(store *s, int64_t actor_id, const char *type, const char *fold);
/* Index every stored alias (migration to schema version 2). */
int store_name_keys_backfill(store *s);
/* 1 and key set to the akey of the one stored actor of this type whose
** alias matches name by actor_name_similarity; 0 when none (or several). */
int store_similar_actor(store *s, const char *name, const char *type, buf *key);
extern const store_ops store_pg_ops;

#endif
