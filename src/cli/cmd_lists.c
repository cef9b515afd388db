/* src/cli/cmd_lists.c -- sanctions lists in the database:
**   dots lists load FILE...   OFAC SDN (sdn.csv, with alt.csv/add.csv beside it)
**                             or UN consolidated XML; replaces the stored
**                             entries of each list loaded
**   dots lists sample         the small compiled-in OFAC-format sample
**   dots lists [--json]       what is stored, per list
** `dots show` then reports an actor's sanctions entries: listed names that
** fold exactly like one of its aliases, and screening hits (name matching). */
#include "actor/actor.h"
#include "cli/cli.h"
#include "cli/cli_graph.h"
#include "dots.h"

#include <stdio.h>
#include <string.h>

CLI_COMMAND(cmd_lists, "lists", "[load FILE... | sample | show] [--db DB] [--json]",
            "load sanctions lists into the database, or count what is there")
static int cmd_lists(int argc, char **argv)
{
    static const char *const valued[] = { "--db", NULL };
    char *pos[64], err[512];
    int n = cli_positional(argc, argv, valued, pos, 64), rc = 0;
    if (n > 64) return cli_fail("lists", "at most 63 files at once");
    store *s = cli_store_open("lists", argc, argv);
    if (!s) return 1;
    if (n >= 1 && (strcmp(pos[0], "load") == 0 || strcmp(pos[0], "sample") == 0)) {
        int sample = strcmp(pos[0], "sample") == 0;
        if ((sample && n != 1) || (!sample && n < 2)) { store_close(s); return cli_usage("lists"); }
        actor_lists *l = actor_lists_new();
        if (!l) rc = cli_fail("lists", "out of memory");
        else if (sample ? actor_lists_load_sample(l, err, sizeof err)
                        : actor_lists_load(l, (const char *const *)pos + 1, (size_t)n - 1,
                                           err, sizeof err))
            rc = cli_fail("lists", "%s", err);
        else if (store_put_lists(s, l))
            rc = cli_fail("lists", "%s", store_errmsg(s));
        else
            printf("stored %zu list entries\n", actor_lists_count(l));
        actor_lists_free(l);
    } else if (n == 0 || (n == 1 && strcmp(pos[0], "show") == 0)) {
        store_stmt *st;
        json_t *o = json_object();
        if (store_prepare(s, "SELECT list, count(*) FROM list_entries GROUP BY list "
                             "ORDER BY list", &st)) {
            rc = cli_graph_fail("lists", s, DOTS_ESTORE);
        } else {
            while (store_step(st) == 1)
                json_object_set_new(o, store_col_text(st, 0), json_integer(store_col_int(st, 1)));
            store_finalize(st);
            if (cli_flag(argc, argv, "--json")) cli_print_json(o);
            else {
                const char *k;
                json_t *v;
                json_object_foreach(o, k, v)
                    printf("%-10s %lld entries\n", k, (long long)json_integer_value(v));
                if (!json_object_size(o)) printf("no lists stored (dots lists load FILE...)\n");
            }
        }
        json_decref(o);
    } else {
        rc = cli_usage("lists");
    }
    store_close(s);
    return rc;
}
