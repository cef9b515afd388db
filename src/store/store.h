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

/* Replace the stored sanctions entries of the lists present in l. */
int store_put_lists(store *s, const actor_lists *l);
/* Read all stored list entries into l. */
int store_get_lists(store *s, actor_lists *l);

/* Analyst decisions; they survive re-ingest. actor ids or names. */
int store_actor_merge(store *s, const char *into, const char *from);
int store_actor_split(store *s, const char *actor, const char *alias);
/* action: "confirm", "reject" or "correct" (then predicate/polarity/time may
** be given, NULL to keep). */
int store_claim_review(store *s, int64_t claim_id, const char *action,
                       const char *predicate, const char *polarity, const char *time,
                       const char *note);

#endif
