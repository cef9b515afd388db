/* src/cli/cmd_actor.c -- `dots actor merge A B` and `dots actor split A ALIAS`:
** an analyst's corrections of the actor resolution. They are recorded in the
** database and replayed on every later ingest, so they are never undone by
** re-running ingest. `dots review CLAIM confirm|reject|correct` does the same
** for claims. */
#include "cli/cli.h"
#include "cli/cli_graph.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

CLI_COMMAND(cmd_actor, "actor", "merge INTO FROM | split ACTOR ALIAS [--db DB]",
            "merge two actors into one, or split an alias off into its own actor")
static int cmd_actor(int argc, char **argv)
{
    static const char *const valued[] = { "--db", NULL };
    char *pos[3];
    if (cli_positional(argc, argv, valued, pos, 3) != 3) return cli_usage("actor");
    int merge = strcmp(pos[0], "merge") == 0;
    if (!merge && strcmp(pos[0], "split") != 0) return cli_usage("actor");
    store *s = cli_store_open("actor", argc, argv);
    if (!s) return 1;
    int rc = merge ? store_actor_merge(s, pos[1], pos[2]) : store_actor_split(s, pos[1], pos[2]);
    if (rc) rc = cli_graph_fail("actor", s, rc);
    else if (merge) printf("merged '%s' into '%s'\n", pos[2], pos[1]);
    else printf("split '%s' off '%s'\n", pos[2], pos[1]);
    store_close(s);
    return rc;
}

CLI_COMMAND(cmd_review, "review", "CLAIM-ID confirm|reject|correct [--predicate P] "
            "[--polarity P] [--time T] [--note TEXT] [--db DB]",
            "record an analyst's verdict on a claim (kept across re-ingest)")
static int cmd_review(int argc, char **argv)
{
    static const char *const valued[] = { "--db", "--predicate", "--polarity", "--time",
                                          "--note", NULL };
    char *pos[2];
    if (cli_positional(argc, argv, valued, pos, 2) != 2) return cli_usage("review");
    char *end;
    long long id = strtoll(pos[0], &end, 10);
    if (*end || id <= 0) return cli_fail("review", "'%s' is not a claim id", pos[0]);
    store *s = cli_store_open("review", argc, argv);
    if (!s) return 1;
    int rc = store_claim_review(s, id, pos[1], cli_opt(argc, argv, "--predicate"),
                                cli_opt(argc, argv, "--polarity"), cli_opt(argc, argv, "--time"),
                                cli_opt(argc, argv, "--note"));
    if (rc) rc = cli_graph_fail("review", s, rc);
    else printf("claim %lld: %s\n", id, pos[1]);
    store_close(s);
    return rc;
}
