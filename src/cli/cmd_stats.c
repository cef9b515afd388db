/* src/cli/cmd_stats.c -- `dots stats`: what the database holds. */
#include "cli/cli.h"
#include "cli/cli_graph.h"

#include <stdio.h>

CLI_COMMAND(cmd_stats, "stats", "[--db DB] [--json]",
            "counts of documents, actors, claims, list entries")
static int cmd_stats(int argc, char **argv)
{
    store *s = cli_store_open("stats", argc, argv);
    if (!s) return 1;
    json_t *o;
    int rc = graph_stats(s, &o);
    if (rc) { rc = cli_graph_fail("stats", s, rc); store_close(s); return rc; }
    if (cli_flag(argc, argv, "--json")) {
        cli_print_json(o);
    } else {
        const char *k;
        json_t *v;
        json_object_foreach(o, k, v) {
            if (json_is_integer(v)) printf("%-16s %lld\n", k, (long long)json_integer_value(v));
            else if (json_is_string(v)) printf("%-16s %s\n", k, json_string_value(v));
        }
        json_t *p = json_object_get(o, "predicates");
        if (json_object_size(p)) printf("claims by predicate:\n");
        json_object_foreach(p, k, v) printf("  %-14s %lld\n", k, (long long)json_integer_value(v));
    }
    json_decref(o);
    store_close(s);
    return 0;
}
