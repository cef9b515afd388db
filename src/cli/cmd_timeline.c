/* src/cli/cmd_timeline.c -- `dots timeline ACTOR [--with B]`: dated claims
** involving an actor (or a pair) in time order. */
#include "cli/cli.h"
#include "cli/cli_graph.h"

#include <stdio.h>

CLI_COMMAND(cmd_timeline, "timeline", "ACTOR [--with B] [--db DB] [--json]",
            "dated claims about an actor, oldest first")
static int cmd_timeline(int argc, char **argv)
{
    static const char *const valued[] = { "--db", "--with", NULL };
    char *pos[1];
    if (cli_positional(argc, argv, valued, pos, 1) != 1) return cli_usage("timeline");
    store *s = cli_store_open("timeline", argc, argv);
    if (!s) return 1;
    json_t *o;
    int rc = graph_timeline(s, pos[0], cli_opt(argc, argv, "--with"), &o);
    if (rc) { rc = cli_graph_fail("timeline", s, rc); store_close(s); return rc; }
    if (cli_flag(argc, argv, "--json")) {
        cli_print_json(o);
    } else {
        size_t i;
        json_t *c;
        json_array_foreach(json_object_get(o, "claims"), i, c) cli_print_claim(c, "");
        if (!json_array_size(json_object_get(o, "claims"))) printf("no dated claims\n");
    }
    json_decref(o);
    store_close(s);
    return 0;
}
