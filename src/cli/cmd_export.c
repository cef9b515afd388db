/* src/cli/cmd_export.c -- `dots export --format F [-o FILE]`: the network (or
** the claims matching the filters) as GraphML, GEXF, CSV, JSON Lines or
** FollowTheMoney entities, to stdout or a file. */
#include "cli/cli.h"
#include "cli/cli_graph.h"
#include "base/base.h"

#include <stdio.h>
#include <string.h>

CLI_COMMAND(cmd_export, "export", "--format graphml|gexf|csv|jsonl|ftm [-o FILE] "
            "[--predicate P,..] [--since DATE] [--until DATE] [--db DB]",
            "write the network for Gephi, networkx, spreadsheets, Aleph")
static int cmd_export(int argc, char **argv)
{
    const char *fmt = cli_opt(argc, argv, "--format"), *path = cli_opt(argc, argv, "-o");
    if (!fmt) return cli_usage("export");
    graph_filter f;
    cli_filter(argc, argv, &f);
    store *s = cli_store_open("export", argc, argv);
    if (!s) return 1;
    buf b;
    buf_init(&b);
    int rc = graph_export(s, fmt, &f, &b);
    if (rc) {
        rc = cli_graph_fail("export", s, rc);
    } else {
        FILE *out = path ? fopen(path, "wb") : stdout;
        if (!out) rc = cli_fail("export", "%s: cannot write", path);
        else {
            if (b.len && fwrite(b.s, 1, b.len, out) != b.len)
                rc = cli_fail("export", "write failed");
            if (path && fclose(out) != 0) rc = cli_fail("export", "%s: write failed", path);
        }
    }
    buf_fini(&b);
    store_close(s);
    return rc;
}
