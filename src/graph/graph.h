/* src/graph/graph.h -- questions over the stored network. Every query returns
** a jansson object the caller owns (json_decref): the CLI prints it with
** --json or formats it, the HTTP API sends it as is, so both agree.
** Actor arguments take an id ("iran") or a name/alias ("the Iranians"). */
#ifndef DOTS_GRAPH_H
#define DOTS_GRAPH_H

#include <jansson.h>
#include <stdint.h>

#include "base/base.h"
#include "store/store.h"

typedef struct graph_filter {
    const char *predicate;    /* comma-separated predicate names, NULL = all */
    const char *since, *until;/* ISO dates, NULL = open */
    const char *source;       /* source actor, NULL = any */
    const char *origin;       /* "article", "comment", NULL = both */
} graph_filter;

int graph_stats(store *s, json_t **out);
int graph_search(store *s, const char *q, int limit, json_t **out);
int graph_actor(store *s, const char *actor, json_t **out);          /* dots show */
int graph_claims(store *s, const char *actor, const graph_filter *f, int limit, json_t **out);
int graph_path(store *s, const char *from, const char *to, int max_hops, int k,
               const graph_filter *f, json_t **out);
int graph_timeline(store *s, const char *actor, const char *with, json_t **out);
int graph_document(store *s, int64_t doc_id, json_t **out);
/* Neighbourhood of an actor for the graph view: nodes and edges with counts. */
int graph_network(store *s, const char *actor, int depth, const graph_filter *f, json_t **out);
/* format: "graphml", "gexf", "csv", "jsonl", "ftm". */
int graph_export(store *s, const char *format, const graph_filter *f, buf *out);

#endif
