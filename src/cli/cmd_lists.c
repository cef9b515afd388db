/* src/cli/cmd_lists.c -- `dots lists`: sanctions lists in the store.
**   dots lists load FILE... [--db DB]   parse the files (OFAC sdn.csv with its
**                                       alt.csv/add.csv, UN consolidated XML),
**                                       then replace those lists in the store
**   dots lists show [--db DB]           entries per stored list
** Parsing finishes before the store is touched, and the store replaces a
** list in one transaction, so a broken file leaves the stored lists as
** they were. `dots screen` reads the stored lists when given no list files. */
#include "actor/actor.h"
#include "cli/cli.h"
#include "dots.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct count { const char *list; size_t n; } count;

/* Entries per list name, in first-seen order; returns how many lists. */
static size_t per_list(const actor_lists *l, count *c, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < actor_lists_count(l); i++) {
        const char *name = actor_lists_get(l, i)->list;
        size_t j = 0;
        while (j < k && strcmp(c[j].list, name)) j++;
        if (j == k) {
            if (k == max) continue;
            c[k++] = (count){ name, 0 };
        }
        c[j].n++;
    }
    return k;
}

static int lists_load(int argc, char **argv, const char *db)
{
    const char **files = calloc((size_t)argc, sizeof *files);
    size_t nf = 0;
    if (!files) return cli_fail("lists", "out of memory");
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--db")) { i++; continue; }
        if (!strncmp(argv[i], "--", 2)) continue;
        files[nf++] = argv[i];
    }
    if (!nf) { free(files); return cli_usage("lists"); }
    char err[1024];
    int status = 0;
    store *s = NULL;
    actor_lists *l = actor_lists_new();
    if (!l) status = cli_fail("lists", "out of memory");
    else if (actor_lists_load(l, files, nf, err, sizeof err)) status = cli_fail("lists", "%s", err);
    else if (store_open(db, &s, err, sizeof err)) status = cli_fail("lists", "%s", err);
    else if (store_put_lists(s, l)) status = cli_fail("lists", "%s: %s", db, store_errmsg(s));
    if (!status) {
        count c[16];
        size_t k = per_list(l, c, 16);
        printf("loaded into %s:", db);
        for (size_t i = 0; i < k; i++) printf("%s %s %zu entries", i ? "," : "", c[i].list, c[i].n);
        printf("\n");
        if (actor_lists_skipped(l))
            printf("note: %zu alias/address rows name entries missing from their sdn.csv "
                   "and were left out\n", actor_lists_skipped(l));
    }
    store_close(s);
    actor_lists_free(l);
    free(files);
    return status;
}

static int lists_show(const char *db)
{
    char err[1024];
    store *s = NULL;
    actor_lists *l = actor_lists_new();
    int status = 0;
    if (!l) status = cli_fail("lists", "out of memory");
    else if (store_open(db, &s, err, sizeof err)) status = cli_fail("lists", "%s", err);
    else if (store_get_lists(s, l)) status = cli_fail("lists", "%s: %s", db, store_errmsg(s));
    if (!status) {
        count c[16];
        size_t k = per_list(l, c, 16);
        if (!k) printf("%s: no lists loaded (dots lists load FILE...)\n", db);
        for (size_t i = 0; i < k; i++) printf("%-10s %zu entries\n", c[i].list, c[i].n);
    }
    store_close(s);
    actor_lists_free(l);
    return status;
}

CLI_COMMAND(cmd_lists, "lists", "load FILE... [--db DB] | show [--db DB]",
            "load sanctions lists (OFAC SDN CSV set, UN XML) into the store, or count them")
static int cmd_lists(int argc, char **argv)
{
    const char *db = cli_opt(argc, argv, "--db");
    if (!db) db = cli_default_db();
    if (argc >= 2 && !strcmp(argv[1], "load")) return lists_load(argc, argv, db);
    if (argc >= 2 && !strcmp(argv[1], "show")) return lists_show(db);
    return cli_usage("lists");
}
