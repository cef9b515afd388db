/* src/graph/graph_int.h -- pieces the graph files share: filters turned into
** SQL with their parameters, the claim object every answer uses, actor
** reference objects. */
#ifndef DOTS_GRAPH_INT_H
#define DOTS_GRAPH_INT_H

#include "graph/graph.h"
#include "store/store.h"
#include "store/store_int.h"

#define GRAPH_MAXPARAMS 48
#define GRAPH_SHOW_LIMIT 500      /* claims per direction in `show` */

typedef struct graph_params {
    int n;
    struct { int is_int; int64_t i; char *t; } v[GRAPH_MAXPARAMS];
} graph_params;

void graph_params_fini(graph_params *p);
int graph_params_bind(store_stmt *st, const graph_params *p, int first);
/* Append " AND ..." conditions on claims aliased c for f (and always: not
** rejected) to sql, their values to p. err says what is wrong with f. */
int graph_filter_sql(store *s, const graph_filter *f, buf *sql, graph_params *p, char *err,
                     size_t errlen);

/* The claim columns graph_claim_json reads, in order, and their joins. */
#define GRAPH_CLAIM_COLS                                                            \
    "c.id, c.subject, sa.name, c.predicate, c.object, oa.name, c.polarity, c.time, " \
    "c.source_id, c.source_name, c.origin, c.confidence, c.status, c.ev_start, "     \
    "c.ev_end, c.sentence, d.id, d.name, d.title, d.date"
#define GRAPH_CLAIM_FROM                                                            \
    "claims c JOIN actors sa ON sa.id = c.subject JOIN actors oa ON oa.id = c.object " \
    "JOIN documents d ON d.id = c.doc_id"

json_t *graph_claim_json(store_stmt *st);
int graph_claims_run(store *s, const char *sql, const graph_params *p, json_t *arr);
int graph_actor_ref(store *s, int64_t id, json_t **out);
json_t *graph_str(const char *s);

#endif
