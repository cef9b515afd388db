/* src/cli/cmd_path.c -- `dots path A B`: the best evidence paths between two
** actors, each edge with its claims and evidence sentences. */
#include "cli/cli.h"
#include "cli/cli_graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *str(json_t *o, const char *k)
{
    const char *v = json_string_value(json_object_get(o, k));
    return v ? v : "";
}

CLI_COMMAND(cmd_path, "path", "A B [--max-hops N] [--k K] [--predicate P,..] [--since DATE] "
            "[--until DATE] [--db DB] [--json]",
            "the best-supported chains of claims linking two actors")
static int cmd_path(int argc, char **argv)
{
    static const char *const valued[] = { "--db", "--max-hops", "--k", "--predicate", "--since",
                                          "--until", "--source", "--origin", NULL };
    char *pos[2];
    if (cli_positional(argc, argv, valued, pos, 2) != 2) return cli_usage("path");
    const char *o;
    int hops = (o = cli_opt(argc, argv, "--max-hops")) ? atoi(o) : 3;
    int k = (o = cli_opt(argc, argv, "--k")) ? atoi(o) : 3;
    if (hops < 1 || hops > 6) return cli_fail("path", "--max-hops wants 1..6");
    if (k < 1 || k > 100) return cli_fail("path", "--k wants 1..100");
    graph_filter f;
    cli_filter(argc, argv, &f);
    store *s = cli_store_open("path", argc, argv);
    if (!s) return 1;
    json_t *r;
    int rc = graph_path(s, pos[0], pos[1], hops, k, &f, &r);
    if (rc) { rc = cli_graph_fail("path", s, rc); store_close(s); return rc; }
    if (cli_flag(argc, argv, "--json")) {
        cli_print_json(r);
    } else {
        json_t *paths = json_object_get(r, "paths"), *p, *e, *n, *c;
        size_t i, j, m;
        printf("%zu path%s from %s to %s within %d hops (%lld candidates)\n",
               json_array_size(paths), json_array_size(paths) == 1 ? "" : "s",
               str(json_object_get(r, "from"), "name"), str(json_object_get(r, "to"), "name"),
               hops, (long long)json_integer_value(json_object_get(r, "candidates")));
        json_array_foreach(paths, i, p) {
            printf("\n#%zu ", i + 1);
            json_array_foreach(json_object_get(p, "nodes"), j, n)
                printf("%s%s", j ? " - " : "", str(n, "name"));
            printf("\n   %lld hops, weakest edge backed by %.0f document%s, mean confidence %.2f\n",
                   (long long)json_integer_value(json_object_get(p, "hops")),
                   json_real_value(json_object_get(p, "support")),
                   json_real_value(json_object_get(p, "support")) == 1 ? "" : "s",
                   json_real_value(json_object_get(p, "confidence")));
            json_array_foreach(json_object_get(p, "edges"), j, e) {
                long long sup = (long long)json_integer_value(json_object_get(e, "support"));
                printf("   %s %s %s  (%lld document%s)\n", str(json_object_get(e, "from"), "name"),
                       strcmp(str(e, "direction"), "forward") == 0 ? "->"
                       : strcmp(str(e, "direction"), "backward") == 0 ? "<-" : "<->",
                       str(json_object_get(e, "to"), "name"), sup, sup == 1 ? "" : "s");
                json_array_foreach(json_object_get(e, "claims"), m, c) cli_print_claim(c, "     ");
            }
        }
    }
    json_decref(r);
    store_close(s);
    return 0;
}
