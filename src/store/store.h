/* src/store/store.h -- the lasting network: documents, segments, actors,
** aliases, mentions, claims with evidence, sources, list entries, reviews.
** One interface, two backends behind a table of function pointers: SQLite
** (a file path, the default "dots.db") and PostgreSQL ("postgresql://..." or
** "postgres://..."), with the same schema, schema version and migrations.
** A store handle is used by one thread at a time; open one per thread. */
#ifndef DOTS_STORE_H
#define DOTS_STORE_H

#include <stdint.h>

#include "actor/actor.h"
#include "doc/doc.h"

typedef struct store store;

int store_open(const char *url, store **out, char *err, size_t errlen);
void store_close(store *s);
const char *store_errmsg(const store *s);

/* Store a processed document in one transaction. Idempotent: a document whose
** content hash is stored already is skipped (*skipped = 1); a changed one
** (same name, new content) replaces its old claims. Reviews and hand merges
** survive. *doc_id gets the document's id. */
int store_put_doc(store *s, const dots_doc *d, int64_t *doc_id, int *skipped);

/* 1 when a document of this name and content is stored already (*doc_id set),
** 0 when not, <0 on error: lets ingest skip the pipeline for it. */
int store_doc_known(store *s, const dots_doc *d, int64_t *doc_id);

/* Replace the stored sanctions entries of the lists present in l. */
int store_put_lists(store *s, const actor_lists *l);
/* Read all stored list entries into l. */
int store_get_lists(store *s, actor_lists *l);
/* The stored entries, read once per handle and kept (for screening in
** `show`); *out is NULL when no list is stored. Borrowed until the handle
** closes or store_put_lists. */
int store_lists(store *s, const actor_lists **out);

/* An actor by numeric id, key ("iran", "kb:iran", "doc:ahmad shah"), name or
** alias (folded; where an alias names several actors, a KB actor first, then
** the oldest). DOTS_ENOTFOUND when nothing matches. */
int store_actor_find(store *s, const char *ref, int64_t *id);

/* Analyst decisions; they survive re-ingest. actor ids or names. */
int store_actor_merge(store *s, const char *into, const char *from);
int store_actor_split(store *s, const char *actor, const char *alias);
/* action: "confirm", "reject" or "correct" (then predicate/polarity/time may
** be given, NULL to keep). */
int store_claim_review(store *s, int64_t claim_id, const char *action,
                       const char *predicate, const char *polarity, const char *time,
                       const char *note);

/* ---- Queries, for src/graph and the benchmarks ---------------------------
** A thin layer over both backends. SQL uses "?" placeholders (numbered for
** PostgreSQL by the backend) and only syntax both dialects share. Binding and
** column indexes: bind 1-based, columns 0-based, as in SQLite. */
typedef struct store_stmt store_stmt;

const char *store_backend(const store *s);          /* "sqlite" or "postgresql" */
/* A statement kept by the store for its lifetime: sql must be a string that
** lives as long as the store (a literal); reset it after use. */
int store_cached(store *s, const char *sql, store_stmt **out);
/* A one-off statement; the caller frees it with store_finalize. */
int store_prepare(store *s, const char *sql, store_stmt **out);
void store_finalize(store_stmt *st);                 /* no-op for cached ones */
void store_reset(store_stmt *st);                    /* clears bindings too */
int store_bind_int(store_stmt *st, int i, int64_t v);
int store_bind_double(store_stmt *st, int i, double v);
int store_bind_text(store_stmt *st, int i, const char *v);   /* copied; NULL binds NULL */
/* 1 when a row is ready, 0 when done, DOTS_ESTORE on error (message in store). */
int store_step(store_stmt *st);
int store_col_null(store_stmt *st, int i);
int64_t store_col_int(store_stmt *st, int i);
double store_col_double(store_stmt *st, int i);
const char *store_col_text(store_stmt *st, int i);   /* NULL for NULL; valid until next step */
int store_exec(store *s, const char *sql);           /* statements without results */
int store_begin(store *s);                           /* write transaction */
int store_commit(store *s);
int store_rollback(store *s);
/* Full text search over documents: rows (doc id, name, title, snippet). */
int store_search_docs(store *s, const char *q, int limit, store_stmt **out);

/* Fold a name the way the store keys actors and aliases: NFKD, marks
** stripped, casefolded, runs of anything but letters and digits to one space,
** trimmed. Writes into out (cleared first). */
void store_fold(const char *s, buf *out);

/* Stored counts for `dots stats` and tests. */
int store_count(store *s, const char *table, int64_t *n);

#endif
