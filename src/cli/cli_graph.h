/* src/cli/cli_graph.h -- what the query commands (show, path, timeline,
** search, stats, export, actor) share: opening the database named by --db,
** reading filter options, printing a graph_* answer as JSON or as text. */
#ifndef DOTS_CLI_GRAPH_H
#define DOTS_CLI_GRAPH_H

#include <jansson.h>

#include "graph/graph.h"
#include "store/store.h"

/* Open --db (or the default); prints the failure and returns NULL. */
store *cli_store_open(const char *cmd, int argc, char **argv);
/* --predicate, --since, --until, --source, --origin into f. */
void cli_filter(int argc, char **argv, graph_filter *f);
/* Print why a graph_* call failed; returns 1. */
int cli_graph_fail(const char *cmd, store *s, int rc);
/* Print o as indented JSON and a newline. */
void cli_print_json(json_t *o);
/* One claim as two readable lines: the edge, then the evidence. */
void cli_print_claim(json_t *c, const char *indent);
/* The positional arguments: argv entries not options nor option values.
** Options that take a value are listed in valued (NULL-terminated). */
int cli_positional(int argc, char **argv, const char *const *valued, char **out, int max);

#endif
