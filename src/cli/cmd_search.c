/* src/cli/cmd_search.c -- `dots search TEXT`: actors whose name or alias
** starts with the text, and documents that contain its words. */
#include "cli/cli.h"
#include "cli/cli_graph.h"
#include "base/base.h"

#include <stdio.h>
#include <stdlib.h>

static const char *str(json_t *o, const char *k)
{
    const char *v = json_string_value(json_object_get(o, k));
    return v ? v : "";
}

CLI_COMMAND(cmd_search, "search", "TEXT... [--limit N] [--db DB] [--json]",
            "find actors by name prefix and documents by words")
static int cmd_search(int argc, char **argv)
{
    static const char *const valued[] = { "--db", "--limit", NULL };
    char *pos[16];
    int n = cli_positional(argc, argv, valued, pos, 16);
    if (n < 1 || n > 16) return cli_usage("search");
    buf q;
    buf_init(&q);
    for (int i = 0; i < n; i++) buf_printf(&q, "%s%s", i ? " " : "", pos[i]);
    const char *o = cli_opt(argc, argv, "--limit");
    store *s = cli_store_open("search", argc, argv);
    if (!s) { buf_fini(&q); return 1; }
    json_t *r;
    int rc = graph_search(s, q.s, o ? atoi(o) : 20, &r);
    buf_fini(&q);
    if (rc) { rc = cli_graph_fail("search", s, rc); store_close(s); return rc; }
    if (cli_flag(argc, argv, "--json")) {
        cli_print_json(r);
    } else {
        size_t i;
        json_t *v;
        json_array_foreach(json_object_get(r, "actors"), i, v)
            printf("actor %-6lld %s (%s) via \"%s\", %lld mentions\n",
                   (long long)json_integer_value(json_object_get(v, "id")), str(v, "name"),
                   str(v, "type"), str(v, "alias"),
                   (long long)json_integer_value(json_object_get(v, "mentions")));
        json_array_foreach(json_object_get(r, "documents"), i, v) {
            buf sn;
            buf_init(&sn);
            buf_puts(&sn, str(v, "snippet"));
            for (size_t k = 0; k < sn.len; k++)
                if (sn.s[k] == '\n' || sn.s[k] == '\r' || sn.s[k] == '\t') sn.s[k] = ' ';
            printf("doc   %-6lld %s  %s\n      %s\n",
                   (long long)json_integer_value(json_object_get(v, "id")), str(v, "name"),
                   str(v, "title"), sn.s ? sn.s : "");
            buf_fini(&sn);
        }
    }
    json_decref(r);
    store_close(s);
    return 0;
}
