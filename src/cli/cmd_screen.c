/* src/cli/cmd_screen.c -- `dots screen`: each actor of the documents with its
** sanctions-list matches (list, program, entry id, score, matched alias).
**   dots screen FILE... [--json] [--lists FILE...] [--lists-dir DIR] [--name NAME]
** Lists come from --lists files (sdn.csv with alt.csv/add.csv, or the UN
** XML), every list file of --lists-dir, the store (--db, $DOTS_DB or an
** existing dots.db) when `dots lists load` put lists there, or else the small
** OFAC-format sample compiled in from data/sanctions-sample/ (said on stderr). --name screens
** one name instead of documents. Persons and organisations are screened by
** their canonical name and every surface form found, persons against listed
** individuals and organisations against the other entries; places are not. */
#include "actor/actor.h"
#include "cli/cli.h"
#include "cli/cli_actor.h"
#include "dots.h"
#include "store/store.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HITS 8

static int is_list_file(const char *n)
{
    size_t l = strlen(n);
    return (l > 4 && !strcmp(n + l - 4, ".xml")) ||
           (l > 4 && !strcmp(n + l - 4, ".csv") &&
            (!strncmp(n, "sdn", 3) || !strncmp(n, "alt", 3) || !strncmp(n, "add", 3)));
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The list files of a directory, sorted; caller frees each and the array. */
static int dir_lists(const char *dir, char ***out, size_t *n)
{
    DIR *dh = opendir(dir);
    if (!dh) return -1;
    struct dirent *de;
    char **v = NULL;
    size_t k = 0;
    while ((de = readdir(dh))) {
        if (!is_list_file(de->d_name)) continue;
        char **p = realloc(v, (k + 1) * sizeof *v);
        if (!p) break;
        v = p;
        size_t l = strlen(dir) + strlen(de->d_name) + 2;
        if (!(v[k] = malloc(l))) break;
        snprintf(v[k++], l, "%s/%s", dir, de->d_name);
    }
    closedir(dh);
    if (k) qsort(v, k, sizeof *v, cmp_str);
    *out = v;
    *n = k;
    return 0;
}

/* The lists `dots lists load` stored, if a store is named or dots.db exists;
** 0 when there is none (l stays empty) or they were read. */
static int stored_lists(const char *cmd, int argc, char **argv, actor_lists *l)
{
    const char *db = cli_opt(argc, argv, "--db");
    if (!db && getenv("DOTS_DB") && *getenv("DOTS_DB")) db = getenv("DOTS_DB");
    if (!db) {
        FILE *f = fopen(cli_default_db(), "rb");
        if (!f) return 0;
        fclose(f);
        db = cli_default_db();
    }
    char err[1024];
    store *s = NULL;
    int rc = 0;
    if (store_open(db, &s, err, sizeof err)) rc = cli_fail(cmd, "%s", err);
    else if (store_get_lists(s, l)) rc = cli_fail(cmd, "%s: %s", db, store_errmsg(s));
    store_close(s);
    return rc;
}

/* Load the lists the options name; 0 on success. */
int cli_screen_lists(const char *cmd, int argc, char **argv, actor_lists *l, int quiet)
{
    char err[1024];
    int first = 0, n = cli_actor_optlist(argc, argv, "--lists", &first);
    const char *dir = cli_opt(argc, argv, "--lists-dir");
    if (n > 0) {
        if (actor_lists_load(l, (const char *const *)argv + first, (size_t)n, err, sizeof err))
            return cli_fail(cmd, "%s", err);
    } else if (dir) {
        char **files = NULL;
        size_t nf = 0;
        if (dir_lists(dir, &files, &nf)) return cli_fail(cmd, "%s: cannot open directory", dir);
        int rc = nf ? actor_lists_load(l, (const char *const *)files, nf, err, sizeof err) : 0;
        for (size_t i = 0; i < nf; i++) free(files[i]);
        free(files);
        if (!nf) return cli_fail(cmd, "%s: no list files (sdn*.csv, alt*.csv, add*.csv, *.xml)", dir);
        if (rc) return cli_fail(cmd, "%s", err);
    } else if (stored_lists(cmd, argc, argv, l)) {
        return 1;
    } else if (!actor_lists_count(l)) {
        if (actor_lists_load_sample(l, err, sizeof err)) return cli_fail(cmd, "%s", err);
        if (!quiet)
            fprintf(stderr, "dots %s: no lists given: screening against the bundled sample "
                            "(%zu OFAC entries); use --lists or --lists-dir for real lists\n",
                    cmd, actor_lists_count(l));
    }
    if (actor_lists_skipped(l) && !quiet)
        fprintf(stderr, "dots %s: note: %zu alias/address rows name entries missing from their "
                        "sdn.csv and were left out\n", cmd, actor_lists_skipped(l));
    return 0;
}

typedef struct found { actor_hit h; const char *query; } found;

/* Screen every name of an actor; hits unique by entry, best first. */
static size_t screen_actor(const actor_lists *l, const doc_actor *a, found *out, size_t max)
{
    size_t n = 0;
    for (size_t q = 0; q <= a->naliases; q++) {
        const char *name = q ? a->aliases[q - 1] : a->name;
        actor_hit h[MAX_HITS];
        size_t k = actor_lists_screen(l, name, h, MAX_HITS);
        for (size_t i = 0; i < k; i++) {
            /* a person matches listed individuals, an organisation the rest */
            const char *ty = actor_lists_get(l, h[i].entry)->type;
            int indiv = ty && !strcmp(ty, "individual");
            if (indiv != (a->type == ACT_PER)) continue;
            size_t j = 0;
            while (j < n && out[j].h.entry != h[i].entry) j++;
            if (j < n) {
                if (h[i].score > out[j].h.score) out[j] = (found){ h[i], name };
            } else if (n < max) {
                out[n++] = (found){ h[i], name };
            }
        }
    }
    for (size_t i = 1; i < n; i++)      /* few hits: insertion sort by score */
        for (size_t j = i; j > 0 && out[j].h.score > out[j - 1].h.score; j--) {
            found t = out[j]; out[j] = out[j - 1]; out[j - 1] = t;
        }
    return n;
}

static json_t *hit_json(const actor_lists *l, const found *f)
{
    const actor_list_entry *e = actor_lists_get(l, f->h.entry);
    return json_pack("{s:s, s:s, s:s, s:s?, s:s?, s:f, s:s, s:s}", "list", e->list,
                     "entry_id", e->entry_id, "name", e->name, "type", e->type,
                     "programs", e->programs, "score", ((int)(f->h.score * 1000 + 0.5)) / 1000.0,
                     "matched_alias", f->h.alias, "query", f->query);
}

static void print_hit(const actor_lists *l, const found *f)
{
    const actor_list_entry *e = actor_lists_get(l, f->h.entry);
    printf("    %-8s %-9s %.3f  %s  [%s]", e->list, e->entry_id, f->h.score, e->name,
           e->programs ? e->programs : "");
    if (strcmp(f->h.alias, e->name)) printf("  alias \"%s\"", f->h.alias);
    printf("  for \"%s\"\n", f->query);
}

static int screen_name(const actor_lists *l, const char *name, int json)
{
    actor_hit h[MAX_HITS];
    size_t k = actor_lists_screen(l, name, h, MAX_HITS);
    if (json) {
        json_t *o = json_object(), *arr = json_array();
        json_object_set_new(o, "name", json_string(name));
        for (size_t i = 0; i < k; i++) {
            found f = { h[i], name };
            json_array_append_new(arr, hit_json(l, &f));
        }
        json_object_set_new(o, "hits", arr);
        char *s = json_dumps(o, JSON_COMPACT);
        if (s) puts(s);
        free(s);
        json_decref(o);
        return 0;
    }
    printf("%s: %zu match%s\n", name, k, k == 1 ? "" : "es");
    for (size_t i = 0; i < k; i++) {
        found f = { h[i], name };
        print_hit(l, &f);
    }
    return 0;
}

static void screen_doc(const actor_lists *l, const dots_doc *d, const char *file, int json)
{
    json_t *o = json ? json_object() : NULL, *arr = json ? json_array() : NULL;
    if (!json) printf("%s\n", d->name ? d->name : file);
    for (size_t i = 0; i < d->nactors; i++) {
        const doc_actor *a = &d->actors[i];
        if (a->type != ACT_PER && a->type != ACT_ORG) continue;
        found f[MAX_HITS];
        size_t k = screen_actor(l, a, f, MAX_HITS);
        if (json) {
            json_t *ha = json_array();
            for (size_t j = 0; j < k; j++) json_array_append_new(ha, hit_json(l, &f[j]));
            json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:o}", "id", a->id, "name",
                                                 a->name, "type", doc_actor_type_name(a->type),
                                                 "hits", ha));
            continue;
        }
        printf("  %-3s %s: %s\n", doc_actor_type_name(a->type), a->name,
               k ? "" : "no list match");
        for (size_t j = 0; j < k; j++) print_hit(l, &f[j]);
    }
    if (json) {
        json_object_set_new(o, "doc", json_string(d->name ? d->name : file));
        json_object_set_new(o, "actors", arr);
        char *s = json_dumps(o, JSON_COMPACT);
        if (s) puts(s);
        free(s);
        json_decref(o);
    }
}

CLI_COMMAND(cmd_screen, "screen",
            "FILE... [--json] [--lists FILE...] [--lists-dir DIR] [--db DB] [--name NAME]",
            "screen each document's actors (or one --name) against sanctions lists")
static int cmd_screen(int argc, char **argv)
{
    static const char *const with_lists[] = { "--lists", NULL };
    static const char *const with_value[] = { "--lists-dir", "--name", "--db", NULL };
    int json = cli_flag(argc, argv, "--json"), status = 0, nfiles = 0;
    const char *name = cli_opt(argc, argv, "--name");
    for (int i = 1; i < argc; i++) nfiles += !cli_actor_is_opt(argc, argv, i, with_lists, with_value);
    if (!nfiles && !name) return cli_usage("screen");
    actor_lists *l = actor_lists_new();
    if (!l) return cli_fail("screen", "out of memory");
    if (cli_screen_lists("screen", argc, argv, l, json)) { actor_lists_free(l); return 1; }
    if (name) status = screen_name(l, name, json);
    for (int i = 1; i < argc; i++) {
        if (cli_actor_is_opt(argc, argv, i, with_lists, with_value)) continue;
        cli_actor_batch b;
        char err[512];
        if (cli_actor_docs(argv[i], &b, err, sizeof err)) {
            status = cli_fail("screen", "%s", err);
            continue;
        }
        for (size_t k = 0; k < b.n; k++) screen_doc(l, b.docs[k], argv[i], json);
        cli_actor_batch_fini(&b);
    }
    actor_lists_free(l);
    return status;
}
