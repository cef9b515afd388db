/* src/cli/cmd_show.c -- `dots show ACTOR [--json]`: who an actor is (aliases,
** type, sanctions entries, counts) and what is claimed about it, grouped by
** predicate, outgoing then incoming, each claim with source and evidence. */
#include "cli/cli.h"
#include "cli/cli_graph.h"

#include <stdio.h>
#include <string.h>

static const char *str(json_t *o, const char *k)
{
    const char *v = json_string_value(json_object_get(o, k));
    return v ? v : "";
}

static void side(json_t *groups, const char *title)
{
    size_t i, j;
    json_t *g, *c;
    if (!json_array_size(groups)) return;
    printf("%s:\n", title);
    json_array_foreach(groups, i, g) {
        printf("  %s (%lld)\n", str(g, "predicate"),
               (long long)json_integer_value(json_object_get(g, "count")));
        json_array_foreach(json_object_get(g, "claims"), j, c) cli_print_claim(c, "    ");
    }
}

CLI_COMMAND(cmd_show, "show", "ACTOR [--db DB] [--json]",
            "an actor: aliases, sanctions entries, claims in and out with evidence")
static int cmd_show(int argc, char **argv)
{
    static const char *const valued[] = { "--db", NULL };
    char *pos[1];
    if (cli_positional(argc, argv, valued, pos, 1) != 1) return cli_usage("show");
    store *s = cli_store_open("show", argc, argv);
    if (!s) return 1;
    json_t *o;
    int rc = graph_actor(s, pos[0], &o);
    if (rc) { rc = cli_graph_fail("show", s, rc); store_close(s); return rc; }
    if (cli_flag(argc, argv, "--json")) {
        cli_print_json(o);
    } else {
        json_t *a = json_object_get(o, "actor"), *cnt = json_object_get(o, "counts");
        size_t i;
        json_t *v;
        printf("%s (%s, %s, id %lld)\n", str(a, "name"), str(a, "type"), str(a, "key"),
               (long long)json_integer_value(json_object_get(a, "id")));
        printf("aliases:");
        json_array_foreach(json_object_get(o, "aliases"), i, v)
            printf("%s %s", i ? ";" : "", json_string_value(v));
        printf("\n%lld documents, %lld mentions, %lld claims out, %lld in, %lld as source\n",
               (long long)json_integer_value(json_object_get(cnt, "documents")),
               (long long)json_integer_value(json_object_get(cnt, "mentions")),
               (long long)json_integer_value(json_object_get(cnt, "claims_out")),
               (long long)json_integer_value(json_object_get(cnt, "claims_in")),
               (long long)json_integer_value(json_object_get(cnt, "as_source")));
        json_t *sl = json_object_get(o, "sanctions");
        if (json_array_size(sl)) printf("sanctions:\n");
        json_array_foreach(sl, i, v)
            printf("  %s %s: %s [%s] (matched \"%s\")\n", str(v, "list"), str(v, "entry_id"),
                   str(v, "name"), str(v, "programs"), str(v, "matched_alias"));
        side(json_object_get(o, "out"), "claims by this actor");
        side(json_object_get(o, "in"), "claims about this actor");
    }
    json_decref(o);
    store_close(s);
    return 0;
}
